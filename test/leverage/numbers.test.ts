import { describe, expect, it } from 'vitest';
import { recordTotals, seriesTotals, taskNumbers, workWeeks, hoursPerAssistantMinute } from '../../src/leverage/numbers.js';
import { formatFactor, formatHumanTime } from '../../src/leverage/format.js';
import { aggregateRows } from '../../src/site/aggregate.js';
import { REFERENCE_AGGREGATE, REFERENCE_ROWS, referenceRecord } from '../support/reference-day.js';
import type { LeverageRecord } from '../../src/records/types.js';
import { testRecord } from '../support/records.js';

function day(tasks: [human: number, claude: number, supervision: number | null][], extra: Partial<LeverageRecord> = {}): LeverageRecord {
  return testRecord('2026-03-02', tasks.map(([human, claude, supervision]) => ({ human, claude, supervision })), extra);
}

describe('the reference day of records.md', () => {
  const record = referenceRecord();
  const totals = recordTotals(record);

  it.each(REFERENCE_ROWS.map((row, i) => [i + 1, row] as const))('row %i shows %o', (n, row) => {
    expect(formatFactor(taskNumbers(record.tasks[n - 1]!).leverage)).toBe(row.leverage);
  });

  it('has exact totals', () => {
    expect(totals.humanMinutes).toBe(65_760);
    expect(totals.claudeMinutes).toBe(643);
    expect(totals.leverage).toBe(65_760 / 643);
    expect(totals.leverage).toBe(102.27060653188181);
  });

  it('shows the five aggregate values exactly', () => {
    expect(aggregateRows(totals, { workWeekHours: 40 }).map((r) => [r.label, r.value])).toEqual(REFERENCE_AGGREGATE);
  });

  it('one minute of Claude time replaced 1.7 hours', () => {
    expect(hoursPerAssistantMinute(totals.leverage).toFixed(1)).toBe('1.7');
  });
});

describe('weighted leverage', () => {
  it('divides the totals, never averages the row factors', () => {
    // rows 60x and 1x: mean 30.5x, weighted (600+60)/(10+60) = 9.43x
    const totals = recordTotals(day([[600, 10, null], [60, 60, null]]));
    expect(formatFactor(totals.leverage)).toBe('9.4x');
  });

  it('is computed from exact totals, not rounded rows', () => {
    // Rows show rounded factors; the day's factor comes from the exact minutes,
    // 210 / 18 = 11.67. From the rows' factors as shown it would be 11.6x:
    // (20×1 + 8.3×6 + 12.7×11) / 18 = 11.64.
    const record = day([[20, 1, null], [50, 6, null], [140, 11, null]]);
    const rows = record.tasks.map((task) => [formatHumanTime(task.humanMinutes), formatFactor(taskNumbers(task).leverage)]);
    expect(rows).toEqual([['20 min', '20x'], ['50 min', '8.3x'], ['2.33 hours', '12.7x']]);
    const totals = recordTotals(record);
    expect(formatFactor(totals.leverage)).toBe('11.7x');
    expect(aggregateRows(totals, { workWeekHours: 40 }).map((r) => [r.label, r.value])).toContainEqual(['Weighted leverage factor', '11.7x']);
  });
});

describe('supervision', () => {
  it('gives per-task and weighted supervisory factors', () => {
    const record = day([[240, 20, 6], [120, 10, 4]]);
    expect(taskNumbers(record.tasks[0]!).supervisoryLeverage).toBe(40);
    const totals = recordTotals(record);
    expect(totals.supervisionMinutes).toBe(10);
    expect(totals.supervisoryLeverage).toBe(36);
    expect(aggregateRows(totals, { workWeekHours: 40 }).map((r) => r.label)).toEqual([
      'Tasks completed', 'Human equivalent', 'Claude wall-clock', 'Supervisory time',
      'Weighted leverage factor', 'Weighted supervisory factor',
    ]);
  });

  it('is null without supervision', () => {
    const totals = recordTotals(day([[60, 6, null]]));
    expect(totals.supervisionMinutes).toBeNull();
    expect(totals.supervisoryLeverage).toBeNull();
  });
});

describe('series totals', () => {
  it('weights the series by minutes and the supervisory factor by supervised days only', () => {
    const a = recordTotals(day([[600, 10, 5]]));
    const b = recordTotals(day([[60, 60, null]], { tokens: 100 }));
    const s = seriesTotals([a, b]);
    expect(s.leverage).toBe(660 / 70);
    expect(s.supervisionMinutes).toBe(5);
    expect(s.supervisoryLeverage).toBe(120);
    expect(s.tokens).toBe(100);
  });

  it('work weeks use the configured week', () => {
    expect(workWeeks(65_760, 40)).toBe(27.4);
    expect(workWeeks(2400, 30)).toBeCloseTo(1.3333, 4);
  });
});
