/**
 * The number rules of records.md, as pure functions: leverage per task, weighted factors
 * from the totals (never the mean of the row factors), work weeks. No rounding here: display
 * rounding lives in format.ts and is applied to these exact values.
 */
import type { LeverageRecord, Task } from '../records/types.js';

export interface TaskNumbers {
  n: number;
  humanMinutes: number;
  claudeMinutes: number;
  supervisionMinutes: number | null;
  /** human ÷ claude */
  leverage: number;
  /** human ÷ supervision, or null without supervision */
  supervisoryLeverage: number | null;
}

export interface RecordTotals {
  rows: number;
  tasksCompleted: number;
  humanMinutes: number;
  claudeMinutes: number;
  supervisionMinutes: number | null;
  tokens: number | null;
  /** Σ human ÷ Σ claude */
  leverage: number;
  /** Σ human ÷ Σ supervision, or null */
  supervisoryLeverage: number | null;
}

export interface SeriesTotals {
  records: number;
  rows: number;
  tasksCompleted: number;
  humanMinutes: number;
  claudeMinutes: number;
  /** Σ over the records that have supervision; null when none has. */
  supervisionMinutes: number | null;
  /** Human minutes of the records that have supervision (the numerator of the supervisory factor). */
  supervisedHumanMinutes: number;
  tokens: number | null;
  leverage: number;
  supervisoryLeverage: number | null;
}

export function ratio(numerator: number, denominator: number): number {
  return numerator / denominator;
}

export function taskNumbers(task: Task): TaskNumbers {
  return {
    n: task.n,
    humanMinutes: task.humanMinutes,
    claudeMinutes: task.claudeMinutes,
    supervisionMinutes: task.supervisionMinutes,
    leverage: ratio(task.humanMinutes, task.claudeMinutes),
    supervisoryLeverage:
      task.supervisionMinutes === null ? null : ratio(task.humanMinutes, task.supervisionMinutes),
  };
}

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
  const supervisionMinutes = supervisedDays.length
    ? sum(supervisedDays.map((t) => t.supervisionMinutes ?? 0))
    : null;
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
      supervisionMinutes === null || supervisionMinutes === 0
        ? null
        : ratio(supervisedHumanMinutes, supervisionMinutes),
  };
}

/** Work weeks of a number of human minutes. */
export function workWeeks(humanMinutes: number, workWeekHours: number): number {
  return humanMinutes / 60 / workWeekHours;
}

/** "Every minute of assistant time replaced N hours of human engineering." */
export function hoursPerAssistantMinute(leverage: number): number {
  return leverage / 60;
}
