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

// The totals are sums in row (or record) order, each in one pass without intermediate arrays:
// they are worked out for every record of every build, and the order keeps the float results
// exactly those of summing each column on its own.

export function recordTotals(record: LeverageRecord): RecordTotals {
  let humanMinutes = 0;
  let claudeMinutes = 0;
  let supervisionSum = 0;
  let supervised = true;
  for (const task of record.tasks) {
    humanMinutes += task.humanMinutes;
    claudeMinutes += task.claudeMinutes;
    if (task.supervisionMinutes === null) supervised = false;
    else supervisionSum += task.supervisionMinutes;
  }
  const supervisionMinutes = supervised ? supervisionSum : null;
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
  let rows = 0;
  let tasksCompleted = 0;
  let humanMinutes = 0;
  let claudeMinutes = 0;
  let supervisedDays = 0;
  let supervisionSum = 0;
  let supervisedHumanMinutes = 0;
  let tokenDays = 0;
  let tokenSum = 0;
  for (const t of totals) {
    rows += t.rows;
    tasksCompleted += t.tasksCompleted;
    humanMinutes += t.humanMinutes;
    claudeMinutes += t.claudeMinutes;
    if (t.supervisionMinutes !== null) {
      supervisedDays++;
      supervisionSum += t.supervisionMinutes;
      supervisedHumanMinutes += t.humanMinutes;
    }
    if (t.tokens !== null) {
      tokenDays++;
      tokenSum += t.tokens;
    }
  }
  const supervisionMinutes = supervisedDays > 0 ? supervisionSum : null;
  return {
    records: totals.length,
    rows,
    tasksCompleted,
    humanMinutes,
    claudeMinutes,
    supervisionMinutes,
    supervisedHumanMinutes,
    tokens: tokenDays > 0 ? tokenSum : null,
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
