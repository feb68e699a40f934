import { describe, expect, it } from 'vitest';
import {
  describeHighlights,
  describeRows,
  recordHighlights,
  taskExtremes,
  type RecordHighlights,
} from '../../src/leverage/highlights.js';
import { recordTotals, taskNumbers } from '../../src/leverage/numbers.js';
import type { LeverageRecord } from '../../src/records/types.js';
import { referenceRecord } from '../support/reference-day.js';
import { testRecord } from '../support/records.js';

/** A record from [human minutes, claude minutes] rows. */
function record(date: string, rows: [human: number, claude: number][], tasksCompleted = rows.length): LeverageRecord {
  const tasks = rows.map(([human, claude]) => ({ human, claude }));
  return testRecord(date, tasks, { title: `Leverage Record: ${date}`, tags: [], tasksCompleted });
}

function highlightsOf(current: LeverageRecord, previous: LeverageRecord | null = null): RecordHighlights {
  return recordHighlights(
    current,
    recordTotals(current),
    current.tasks.map(taskNumbers),
    previous ? { record: previous, totals: recordTotals(previous) } : null,
  );
}

describe('taskExtremes', () => {
  it('finds the highest and lowest row of the reference day', () => {
    const e = taskExtremes(referenceRecord().tasks.map(taskNumbers))!;
    expect(e.kind).toBe('spread');
    expect(e.highest.map((t) => t.n)).toEqual([15]);
    expect(e.lowest.map((t) => t.n)).toEqual([1]);
    expect(e.highest[0]!.leverage).toBeCloseTo(7200 / 35, 12);
  });

  it('lists every tied row, in row order', () => {
    const e = taskExtremes(record('2026-01-01', [[600, 10], [60, 6], [1200, 20], [120, 12]]).tasks.map(taskNumbers))!;
    expect(e.kind).toBe('spread');
    expect(e.highest.map((t) => t.n)).toEqual([1, 3]);
    expect(e.lowest.map((t) => t.n)).toEqual([2, 4]);
  });

  it('ties rows whose factors are shown the same (one decimal)', () => {
    // 100/3 = 33.333… and 33.34 both show as 33.3x
    const e = taskExtremes(record('2026-01-01', [[100, 3], [3334, 100], [10, 1]]).tasks.map(taskNumbers))!;
    expect(e.highest.map((t) => t.n)).toEqual([1, 2]);
    expect(e.lowest.map((t) => t.n)).toEqual([3]);
  });

  it('a one-task day: the task is both highest and lowest', () => {
    const e = taskExtremes(record('2026-01-01', [[240, 19]]).tasks.map(taskNumbers))!;
    expect(e.kind).toBe('single');
    expect(e.highest).toEqual(e.lowest);
    expect(e.highest.map((t) => t.n)).toEqual([1]);
  });

  it('several tasks with the same leverage are uniform', () => {
    const e = taskExtremes(record('2026-01-01', [[60, 6], [120, 12], [30, 3]]).tasks.map(taskNumbers))!;
    expect(e.kind).toBe('uniform');
    expect(e.highest.map((t) => t.n)).toEqual([1, 2, 3]);
    expect(e.lowest.map((t) => t.n)).toEqual([1, 2, 3]);
  });

  it('is null without tasks', () => {
    expect(taskExtremes([])).toBeNull();
  });
});

describe('recordHighlights', () => {
  it('computes hours per assistant minute from the weighted leverage', () => {
    const h = highlightsOf(referenceRecord());
    expect(h.date).toBe('2026-03-02');
    expect(h.hoursPerAssistantMinute).toBeCloseTo(65760 / 643 / 60, 12);
    expect(h.previous).toBeNull();
  });

  it('compares with the previous record', () => {
    const before = record('2026-03-01', [[44400, 554]]); // 740 hours, 80.14x
    const h = highlightsOf(referenceRecord(), before);
    expect(h.previous).not.toBeNull();
    const p = h.previous!;
    expect(p.date).toBe('2026-03-01');
    expect(p.leverage.direction).toBe('up');
    expect(p.leverage.previous).toBeCloseTo(44400 / 554, 12);
    expect(p.leverage.current).toBeCloseTo(65760 / 643, 12);
    expect(p.leverage.delta).toBeCloseTo(65760 / 643 - 44400 / 554, 12);
    expect(p.leverage.ratio).toBeCloseTo(65760 / 643 / (44400 / 554), 12);
    expect(p.humanHours).toMatchObject({ previous: 740, current: 1096, delta: 356, direction: 'up' });
    expect(p.humanHours.ratio).toBeCloseTo(1096 / 740, 12);
  });

  it('goes down and stays the same', () => {
    const a = record('2026-01-01', [[600, 5]]); // 120x, 10 h
    const b = record('2026-01-02', [[600, 10]]); // 60x, 10 h
    const p = highlightsOf(b, a).previous!;
    expect(p.leverage.direction).toBe('down');
    expect(p.humanHours.direction).toBe('same');
    expect(p.humanHours.delta).toBe(0);
  });

  it('calls equal shown factors the same, even when the exact values differ', () => {
    const a = record('2026-01-01', [[1000, 30]]); // 33.33x
    const b = record('2026-01-02', [[3334, 100]]); // 33.34x
    const p = highlightsOf(b, a).previous!;
    expect(p.leverage.delta).toBeGreaterThan(0);
    expect(p.leverage.direction).toBe('same');
  });
});

describe('describeHighlights', () => {
  it('writes the reference day as records.md shows it', () => {
    const sentences = describeHighlights(highlightsOf(referenceRecord()));
    expect(sentences).toEqual([
      'Highest leverage: row 15 (205.7x); lowest: row 1 (12.6x).',
      'One minute of Claude time replaced 1.7 hours of human engineering.',
    ]);
  });

  it('adds the change against the previous record', () => {
    const before = record('2026-03-01', [[44400, 554]]);
    const sentences = describeHighlights(highlightsOf(referenceRecord(), before));
    expect(sentences[2]).toBe(
      'Weighted leverage 102.3x, up from 80.1x on March 1, 2026 (+22.2x); human-equivalent hours 1,096, up from 740 (+356).',
    );
  });

  it('shows the delta as the difference of the shown values', () => {
    // 102.26 → 102.3x, 80.14 → 80.1x: exact delta 22.12, shown values differ by 22.2
    const a = record('2026-01-01', [[8014, 100]]);
    const b = record('2026-01-02', [[10226, 100]]);
    expect(describeHighlights(highlightsOf(b, a))[2]).toBe(
      'Weighted leverage 102.3x, up from 80.1x on January 1, 2026 (+22.2x); human-equivalent hours 170.43, up from 133.57 (+36.86).',
    );
  });

  it('describes a fall and an unchanged figure', () => {
    const a = record('2026-01-01', [[600, 5]]);
    const b = record('2026-01-02', [[600, 10]]);
    expect(describeHighlights(highlightsOf(b, a))[2]).toBe(
      'Weighted leverage 60x, down from 120x on January 1, 2026 (-60x); human-equivalent hours 10, unchanged.',
    );
    expect(describeHighlights(highlightsOf(a, a))[2]).toBe(
      'Weighted leverage 120x, the same as on January 1, 2026; human-equivalent hours 10, unchanged.',
    );
  });

  it('describes ties, a single task and uniform tasks', () => {
    expect(describeHighlights(highlightsOf(record('2026-01-01', [[600, 10], [60, 6], [1200, 20], [120, 12]])))[0]).toBe(
      'Highest leverage: rows 1 and 3 (60x); lowest: rows 2 and 4 (10x).',
    );
    expect(describeHighlights(highlightsOf(record('2026-01-01', [[240, 19]])))[0]).toBe('Only task: row 1 (12.6x).');
    expect(describeHighlights(highlightsOf(record('2026-01-01', [[60, 6], [120, 12], [30, 3]])))[0]).toBe(
      'All 3 tasks had the same leverage (10x).',
    );
  });

  it('uses minutes when one assistant minute replaced less than an hour', () => {
    expect(describeHighlights(highlightsOf(record('2026-01-01', [[300, 10]])))[1]).toBe(
      'One minute of Claude time replaced 30 minutes of human engineering.',
    );
    expect(describeHighlights(highlightsOf(record('2026-01-01', [[10, 10]])))[1]).toBe(
      'One minute of Claude time replaced 1 minute of human engineering.',
    );
    expect(describeHighlights(highlightsOf(record('2026-01-01', [[600, 10]])))[1]).toBe(
      'One minute of Claude time replaced 1 hour of human engineering.',
    );
  });

  it('takes formatters', () => {
    const before = record('2026-03-01', [[44400, 554]]);
    const sentences = describeHighlights(highlightsOf(referenceRecord(), before), {
      assistant: 'the assistant',
      factor: (v) => `${v.toFixed(2)}×`,
      hours: (v) => v.toFixed(0),
      date: (iso) => iso,
    });
    expect(sentences[0]).toBe('Highest leverage: row 15 (205.71×); lowest: row 1 (12.63×).');
    expect(sentences[1]).toBe('One minute of the assistant time replaced 1.7 hours of human engineering.');
    expect(sentences[2]).toContain('up from 80.14× on 2026-03-01');
  });

  it('produces no Markdown syntax', () => {
    for (const s of describeHighlights(highlightsOf(referenceRecord(), record('2026-03-01', [[44400, 554]])))) {
      expect(s).not.toMatch(/[*_`[\]<>#|]/);
    }
  });
});

describe('describeRows', () => {
  it('joins row numbers', () => {
    expect(describeRows([{ n: 3, leverage: 1 }])).toBe('row 3');
    expect(describeRows([{ n: 3, leverage: 1 }, { n: 5, leverage: 1 }])).toBe('rows 3 and 5');
    expect(describeRows([2, 4, 7].map((n) => ({ n, leverage: 1 })))).toBe('rows 2, 4 and 7');
  });
});
