/**
 * The task table of a post → ImportedTasks: durations read with the column's unit (a bare
 * number is hours under Human, minutes under Claude and supervision), the factors the post
 * prints kept for checking. A total row under the table becomes aggregate figures.
 */
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { roundHalfAway } from '../leverage/format.js';
import type { DurationUnit } from '../records/duration.js';
import { aggregateEntry } from './aggregate.js';
import type { ColumnMap, ColumnRole } from './columns.js';
import type { AggregateEntry, AggregateKind, ImportedTask, Printed, SourceRow, SourceTable } from './model.js';
import { parseDurationCell, parseFactor, parseWeeks } from './values.js';

export interface TaskTableResult {
  tasks: ImportedTask[];
  /** Figures of a total row, if the table has one. */
  totals: AggregateEntry[];
  diagnostics: Diagnostic[];
}

const EMPTY = /^(?:|-|—|–|n\/?a|none)$/i;
const TOTAL_ROW = /^(?:total|totals|sum|overall|all)\b/i;

export function readTaskTable(table: SourceTable, columns: ColumnMap, file: string, workWeekHours: number): TaskTableResult {
  const header = (role: ColumnRole): string => {
    const index = columns[role];
    return index === undefined ? role : table.header.cells[index]?.text || role;
  };
  const cell = (row: SourceRow, role: ColumnRole): { text: string; markdown: string } | null => {
    const index = columns[role];
    return index === undefined ? null : (row.cells[index] ?? { text: '', markdown: '' });
  };

  const tasks: ImportedTask[] = [];
  const totals: AggregateEntry[] = [];
  const diagnostics: Diagnostic[] = [];

  for (const row of table.rows) {
    if (row.cells.every((c) => EMPTY.test(c.text))) continue;
    const taskCell = cell(row, 'task');
    const indexText = cell(row, 'index')?.text ?? '';
    if (TOTAL_ROW.test(indexText) || TOTAL_ROW.test(taskCell?.text ?? '')) {
      totals.push(...totalRow(row, columns, header));
      continue;
    }
    const n = /^\d+$/.test(indexText) ? Number(indexText) : tasks.length + 1;
    const where = `row ${n}`;

    const duration = (role: 'human' | 'claude' | 'supervision', unit: DurationUnit): number | null => {
      const text = cell(row, role)?.text ?? '';
      if (role === 'supervision' && EMPTY.test(text)) return null;
      const parsed = parseDurationCell(text, header(role), unit, workWeekHours);
      if (parsed.ok) return parsed.minutes;
      diagnostics.push(error(file, row.line, 0, `${where}: cannot read ${header(role)} "${text}" as a duration`, parsed.hint));
      return null;
    };
    const human = duration('human', 'hours');
    const claude = duration('claude', 'minutes');
    const supervision = columns.supervision === undefined ? null : duration('supervision', 'minutes');
    if (!taskCell?.markdown) diagnostics.push(error(file, row.line, 0, `${where} has no task`));
    if (human === null || claude === null || !taskCell?.markdown) continue;

    const printed = (role: 'leverage' | 'supervisoryLeverage' | 'weeks'): Printed | null => {
      const text = cell(row, role)?.text ?? '';
      if (EMPTY.test(text)) return null;
      const value = role === 'weeks' ? parseWeeks(text) : parseFactor(text);
      if (value === null) {
        diagnostics.push(warning(file, row.line, 0, `${where}: cannot read ${header(role)} "${text}" as a number; not checked`));
      }
      return value;
    };
    const project = cell(row, 'project')?.text ?? '';
    tasks.push({
      n,
      task: taskCell.markdown,
      humanMinutes: human,
      claudeMinutes: claude,
      supervisionMinutes: supervision,
      project: EMPTY.test(project) ? null : project,
      line: row.line,
      printed: { leverage: printed('leverage'), supervisoryLeverage: printed('supervisoryLeverage'), weeks: printed('weeks') },
      labels: { supervisoryLeverage: header('supervisoryLeverage'), weeks: header('weeks') },
    });
  }

  if (columns.supervision !== undefined) diagnostics.push(...evenSupervision(tasks, file, table.line));
  else if (columns.supervisoryLeverage !== undefined) {
    diagnostics.push(...deriveSupervision(tasks, file, table.line, header('supervisoryLeverage')));
  }
  return { tasks, totals, diagnostics };
}

const TOTAL_KINDS: Array<[ColumnRole, AggregateKind]> = [
  ['human', 'human'],
  ['claude', 'claude'],
  ['supervision', 'supervision'],
  ['leverage', 'leverage'],
  ['supervisoryLeverage', 'supervisoryLeverage'],
  ['weeks', 'humanWeeks'],
];

function totalRow(row: SourceRow, columns: ColumnMap, header: (role: ColumnRole) => string): AggregateEntry[] {
  const entries: AggregateEntry[] = [];
  for (const [role, kind] of TOTAL_KINDS) {
    const index = columns[role];
    const text = index === undefined ? '' : (row.cells[index]?.text ?? '');
    if (/\d/.test(text)) entries.push(aggregateEntry(kind, `total ${header(role)}`, text, row.line));
  }
  return entries;
}

/** A record has supervision on every task or on none: a partly filled column is not imported. */
function evenSupervision(tasks: ImportedTask[], file: string, line: number): Diagnostic[] {
  const missing = tasks.filter((t) => t.supervisionMinutes === null);
  if (missing.length === 0 || missing.length === tasks.length) return [];
  for (const task of tasks) task.supervisionMinutes = null;
  return [
    warning(
      file,
      line,
      0,
      `supervision is missing in row ${missing.map((t) => t.n).join(', ')}; supervision not imported (a record has it on every task or on none)`,
    ),
  ];
}

/**
 * Posts with a supervisory factor but no supervision column (`… | Weeks | Factor | Sup. Factor`)
 * still say how long the supervision was: when a whole number of minutes reproduces every
 * printed factor, that is imported; otherwise nothing is.
 */
function deriveSupervision(tasks: ImportedTask[], file: string, line: number, label: string): Diagnostic[] {
  const derived = tasks.map((task) => {
    const printed = task.printed.supervisoryLeverage;
    if (printed === null || printed.value <= 0) return null;
    const minutes = Math.round(task.humanMinutes / printed.value);
    if (minutes <= 0) return null;
    return roundHalfAway(task.humanMinutes / minutes, printed.decimals) === printed.value ? minutes : null;
  });
  if (tasks.length === 0 || derived.every((m) => m === null)) return [];
  const failed = tasks.filter((_, i) => derived[i] === null);
  if (failed.length > 0) {
    return [
      warning(
        file,
        line,
        0,
        `${label} column without a supervision column, and no whole number of minutes gives the ${label} of row ${failed.map((t) => t.n).join(', ')}: supervision not imported`,
      ),
    ];
  }
  tasks.forEach((task, i) => (task.supervisionMinutes = derived[i] ?? null));
  return [
    warning(
      file,
      line,
      0,
      `${label} column without a supervision column: supervision imported as the whole minutes that give each row's ${label} (human ÷ ${label})`,
    ),
  ];
}
