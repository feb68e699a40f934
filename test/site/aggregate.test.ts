import { describe, expect, it } from 'vitest';
import { seriesTotals, type RecordTotals } from '../../src/leverage/numbers.js';
import { aggregateRows } from '../../src/site/aggregate.js';

/** A record of 3 rows standing for 5 tasks: 6 hours of human work in 30 minutes, 12 of them supervised. */
const RECORD: RecordTotals = {
  rows: 3,
  tasksCompleted: 5,
  humanMinutes: 360,
  claudeMinutes: 30,
  supervisionMinutes: 12,
  tokens: 2_095_000,
  leverage: 12,
  supervisoryLeverage: 30,
};

const rowsOf = (totals: Parameters<typeof aggregateRows>[0]) =>
  aggregateRows(totals, { workWeekHours: 40 }).map((row) => `${row.label}: ${row.value}`);

describe('aggregateRows', () => {
  it("a record's rows, tasks grouped into categories", () => {
    expect(rowsOf(RECORD)).toEqual([
      'Tasks completed: 5 (grouped into 3 categories above)',
      'Human equivalent: 6 hours (~0.2 work weeks)',
      'Claude wall-clock: 30 minutes (~0.5 hours)',
      'Supervisory time: 12 minutes (~0.2 hours)',
      'Tokens consumed: ~2,095,000',
      'Weighted leverage factor: 12x',
      'Weighted supervisory factor: 30x',
    ]);
  });

  it('a set of records (a tag, all time) counts its records and its tasks, in the same order', () => {
    expect(rowsOf(seriesTotals([RECORD, RECORD]))).toEqual([
      'Records: 2',
      'Tasks completed: 10',
      'Human equivalent: 12 hours (~0.3 work weeks)',
      'Claude wall-clock: 60 minutes (~1 hour)',
      'Supervisory time: 24 minutes (~0.4 hours)',
      'Tokens consumed: ~4,190,000',
      'Weighted leverage factor: 12x',
      'Weighted supervisory factor: 30x',
    ]);
  });
});
