import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type SiteConfig } from '../../src/config/types.js';
import type { LeverageRecord } from '../../src/records/types.js';
import { recordSetOf } from '../../src/site/parts.js';
import { seriesContext } from '../../src/site/series.js';
import { referenceRecord } from '../support/reference-day.js';
import { testRecord } from '../support/records.js';

function record(date: string, rows: [hours: number, minutes: number][], extra: Partial<LeverageRecord> = {}): LeverageRecord {
  return testRecord(date, rows.map(([human, claude]) => ({ human: human * 60, claude })), extra);
}

function context(records: LeverageRecord[], config: SiteConfig = DEFAULT_CONFIG) {
  const set = recordSetOf(records, config);
  return seriesContext(set.summaries, set.record, set.content);
}

describe('seriesContext', () => {
  it('gives the reference day its highlights', () => {
    const series = context([referenceRecord()]);
    expect(series.highlights('2026-03-02')).toEqual([
      'Highest leverage: row 15 (205.7x); lowest: row 1 (12.6x).',
      'One minute of Claude time replaced 1.7 hours of human engineering.',
    ]);
    expect(series.milestones('2026-03-02')).toEqual(['First record of the series (102.3x weighted leverage).']);
  });

  it('compares with the previous record and claims milestones only when true so far', () => {
    const series = context([
      record('2026-01-01', [[2, 10]]), // 12x
      record('2026-01-02', [[1, 10]]), // 6x
      record('2026-01-03', [[30, 10]]), // 180x
    ]);
    expect(series.highlights('2026-01-02')[2]).toBe(
      'Weighted leverage 6x, down from 12x on January 1, 2026 (-6x); human-equivalent hours 1, down from 2 (-1).',
    );
    expect(series.milestones('2026-01-02')).toEqual([
      'Lowest weighted leverage so far: 6x (previous low 12x on January 1, 2026).',
    ]);
    expect(series.milestones('2026-01-03')).toEqual([
      'First day above 150x weighted leverage.',
      'Highest weighted leverage so far: 180x (previous high 12x on January 1, 2026).',
      'Most human-equivalent hours so far: 30 hours (previous most 2 hours on January 1, 2026).',
    ]);
  });

  it('leaves drafts out of the series: no milestones for them, none changed by them', () => {
    const days = [
      record('2026-01-01', [[2, 10]]),
      record('2026-01-02', [[100, 10]], { draft: true }), // 600x
      record('2026-01-03', [[20, 10]]), // 120x
    ];
    const series = context(days);
    expect(series.milestones('2026-01-02')).toEqual([]);
    expect(series.milestones('2026-01-03')).toContain('Highest weighted leverage so far: 120x (previous high 12x on January 1, 2026).');
    expect(series.highlights('2026-01-03')[2]).toContain('up from 12x on January 1, 2026');
    // The draft itself is compared with the last published record.
    expect(series.highlights('2026-01-02')[2]).toContain('up from 12x on January 1, 2026');
    const published = context([days[0]!, days[2]!]);
    expect(series.milestones('2026-01-03')).toEqual(published.milestones('2026-01-03'));
  });

  it('returns nothing for an unknown date', () => {
    const series = context([record('2026-01-01', [[2, 10]])]);
    expect(series.highlights('2030-01-01')).toEqual([]);
    expect(series.milestones('2030-01-01')).toEqual([]);
  });
});
