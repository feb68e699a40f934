/**
 * The Aggregate table (records.md, "The Aggregate table"), in one place for one record, a
 * tag and all time: the rows, their order and how each figure is shown.
 */
import { seriesTotals, type RecordTotals, type SeriesTotals } from '../leverage/numbers.js';
import {
  formatFactor,
  formatHumanTime,
  formatHumanEquivalent,
  formatMinutes,
  formatMinutesWithHours,
  formatNumber,
  formatTasksCompleted,
  formatTokens,
} from '../leverage/format.js';
import type { AggregateRow, FormattedTotals } from './types.js';

export interface AggregateOptions {
  /** Hours in a work week, for the human equivalent in weeks (site.yaml `workWeekHours`). */
  workWeekHours: number;
}

/**
 * The rows for a record's totals, or for a set of records' (a tag, all time): a set also
 * counts its records, and its tasks are not said to be grouped into categories.
 */
export function aggregateRows(totals: RecordTotals | SeriesTotals, options: AggregateOptions): AggregateRow[] {
  const rows: AggregateRow[] =
    'records' in totals
      ? [
          { label: 'Records', value: formatNumber(totals.records) },
          { label: 'Tasks completed', value: formatNumber(totals.tasksCompleted) },
        ]
      : [{ label: 'Tasks completed', value: formatTasksCompleted(totals.tasksCompleted, totals.rows) }];
  rows.push(
    { label: 'Human equivalent', value: formatHumanEquivalent(totals.humanMinutes, options.workWeekHours) },
    { label: 'Claude wall-clock', value: formatMinutesWithHours(totals.claudeMinutes) },
  );
  if (totals.supervisionMinutes !== null) {
    rows.push({ label: 'Supervisory time', value: formatMinutesWithHours(totals.supervisionMinutes) });
  }
  if (totals.tokens !== null) rows.push({ label: 'Tokens consumed', value: formatTokens(totals.tokens) });
  rows.push({ label: 'Weighted leverage factor', value: formatFactor(totals.leverage) });
  if (totals.supervisoryLeverage !== null) {
    rows.push({ label: 'Weighted supervisory factor', value: formatFactor(totals.supervisoryLeverage) });
  }
  return rows;
}

/** Figures of a set of records (a tag, a month, the whole series), in the Aggregate table's order. */
export function formattedTotals(records: readonly { totals: RecordTotals }[], options: AggregateOptions): FormattedTotals {
  const exact = seriesTotals(records.map((r) => r.totals));
  return { exact, rows: aggregateRows(exact, options) };
}

/** The short figures of lists (a record, a month): `12` tasks, `1,096 hours` (`20 min` under an hour), `643 min`, `102.3x`. */
export function listFigures(totals: RecordTotals | SeriesTotals): { tasks: string; human: string; claude: string; leverage: string } {
  return {
    tasks: formatNumber(totals.tasksCompleted),
    human: formatHumanTime(totals.humanMinutes),
    claude: formatMinutes(totals.claudeMinutes),
    leverage: formatFactor(totals.leverage),
  };
}
