/**
 * The rules as they were written before they were made faster, kept as oracles: the property
 * tests check that the fast versions give exactly (===, float for float) the same results.
 */
import type { RecordTotals, SeriesTotals } from '../../src/leverage/numbers.js';
import type { LeverageRecord } from '../../src/records/types.js';

const ratio = (numerator: number, denominator: number): number => numerator / denominator;

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

export function recordTotals(record: LeverageRecord): RecordTotals {
  const humanMinutes = sum(record.tasks.map((t) => t.humanMinutes));
  const claudeMinutes = sum(record.tasks.map((t) => t.claudeMinutes));
  const supervised = record.tasks.every((t) => t.supervisionMinutes !== null);
  const supervisionMinutes = supervised ? sum(record.tasks.map((t) => t.supervisionMinutes ?? 0)) : null;
  return {
    rows: record.tasks.length,
    tasksCompleted: record.tasksCompleted,
    humanMinutes,
    claudeMinutes,
    supervisionMinutes,
    tokens: record.tokens,
    leverage: ratio(humanMinutes, claudeMinutes),
    supervisoryLeverage: supervisionMinutes === null ? null : ratio(humanMinutes, supervisionMinutes),
  };
}

export function seriesTotals(totals: readonly RecordTotals[]): SeriesTotals {
  const humanMinutes = sum(totals.map((t) => t.humanMinutes));
  const claudeMinutes = sum(totals.map((t) => t.claudeMinutes));
  const supervisedDays = totals.filter((t) => t.supervisionMinutes !== null);
  const supervisionMinutes = supervisedDays.length ? sum(supervisedDays.map((t) => t.supervisionMinutes ?? 0)) : null;
  const supervisedHumanMinutes = sum(supervisedDays.map((t) => t.humanMinutes));
  const withTokens = totals.filter((t) => t.tokens !== null);
  return {
    records: totals.length,
    rows: sum(totals.map((t) => t.rows)),
    tasksCompleted: sum(totals.map((t) => t.tasksCompleted)),
    humanMinutes,
    claudeMinutes,
    supervisionMinutes,
    supervisedHumanMinutes,
    tokens: withTokens.length ? sum(withTokens.map((t) => t.tokens ?? 0)) : null,
    leverage: claudeMinutes > 0 ? ratio(humanMinutes, claudeMinutes) : 0,
    supervisoryLeverage:
      supervisionMinutes === null || supervisionMinutes === 0 ? null : ratio(supervisedHumanMinutes, supervisionMinutes),
  };
}
