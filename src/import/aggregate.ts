/**
 * The aggregate table of a post (`Tasks completed | 35 (grouped into 15 categories above)`,
 * `Human equivalent | 1,096 hours (~27.4 work weeks)`, `Total tokens | 350,000`, …) and the
 * total row some authors put under the task table, as AggregateEntries.
 */
import { aggregateKind } from './columns.js';
import type { AggregateEntry, AggregateKind, PrintedQuantity, SourceTable } from './model.js';
import { parseCount, parseFactor, parseGrouped, parseQuantities } from './values.js';

const BARE_UNIT: Partial<Record<AggregateKind, PrintedQuantity['unit']>> = {
  human: 'hours',
  humanWeeks: 'weeks',
  claude: 'minutes',
  supervision: 'minutes',
};

/** One figure: what it stands for, and every number printed in it. */
export function aggregateEntry(kind: AggregateKind, label: string, text: string, line: number): AggregateEntry {
  const bareUnit = BARE_UNIT[kind];
  const isFactor = kind === 'leverage' || kind === 'supervisoryLeverage';
  const isCount = kind === 'tasksCompleted' || kind === 'tokens';
  return {
    kind,
    label,
    text,
    line,
    quantities: bareUnit ? quantities(text, bareUnit) : [],
    factor: isFactor ? parseFactor(text) : null,
    count: isCount ? parseCount(text) : null,
    grouped: kind === 'tasksCompleted' ? parseGrouped(text) : null,
  };
}

/**
 * The quantities of a value; a compound main value (`10h 43m`) becomes one quantity in
 * minutes, so it is compared as the author wrote it.
 */
function quantities(text: string, bareUnit: PrintedQuantity['unit']): PrintedQuantity[] {
  const open = text.indexOf('(');
  const main = parseQuantities(open < 0 ? text : text.slice(0, open), bareUnit);
  const mainUnit = main[0]?.unit;
  const rest = open < 0 ? [] : parseQuantities(text.slice(open), bareUnit).filter((q) => q.unit !== mainUnit);
  const hours = main.find((q) => q.unit === 'hours');
  const minutes = main.find((q) => q.unit === 'minutes');
  if (main.length === 2 && hours && minutes && main[0] === hours) {
    const compound: PrintedQuantity = {
      text: `${hours.text} ${minutes.text}`,
      value: hours.value * 60 + minutes.value,
      decimals: Math.max(hours.decimals, minutes.decimals),
      unit: 'minutes',
    };
    return [compound, ...rest];
  }
  return [...main.slice(0, 1), ...rest];
}

/** The label cell's kind for each row that has one (the header row counts: some tables have no header). */
function labelledRows(table: SourceTable): Array<{ kind: AggregateKind; label: string; value: string; line: number }> {
  const rows = [table.header, ...table.rows];
  const found: Array<{ kind: AggregateKind; label: string; value: string; line: number }> = [];
  for (const row of rows) {
    const label = row.cells[0]?.text ?? '';
    const value = row.cells[1]?.text ?? '';
    const kind = aggregateKind(label);
    if (kind !== null && /\d/.test(value)) found.push({ kind, label, value, line: row.line });
  }
  return found;
}

/** True when most rows of a two-or-more-column table are aggregate figures. */
export function isAggregateTable(table: SourceTable): boolean {
  const found = labelledRows(table).length;
  return found > 0 && found * 2 >= table.rows.length;
}

export function readAggregateTable(table: SourceTable): AggregateEntry[] {
  return labelledRows(table).map((row) => aggregateEntry(row.kind, row.label, row.value, row.line));
}
