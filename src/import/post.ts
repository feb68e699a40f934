/**
 * PostSource → ImportedPost: finds the task table by its columns (whatever its heading) and
 * the aggregate table by its labels, reads the rows, the date, the title and the prose.
 * Everything that stops a post from being imported is collected, not just the first problem.
 */
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { isAggregateTable, readAggregateTable } from './aggregate.js';
import { columnMap, isTaskTable, type ColumnMap } from './columns.js';
import type { AggregateEntry, ImportedPost, PostSource, SourceBlock, SourceTable } from './model.js';
import { postDate } from './post-date.js';
import { readProse } from './prose.js';
import { readTaskTable } from './tasks.js';

export type InterpretResult = { ok: true; post: ImportedPost } | { ok: false; diagnostics: Diagnostic[] };

type TableBlock = Extract<SourceBlock, { kind: 'table' }>;

const TASK_TABLE_HINT =
  'a table with Task, Human and Claude columns, e.g. "# | Task | Human Est. | Claude | Leverage"';

export function interpretPost(source: PostSource, workWeekHours: number): InterpretResult {
  const { file } = source;
  const tables = source.blocks.filter((b): b is TableBlock => b.kind === 'table');
  const taskTables: Array<{ block: TableBlock; columns: ColumnMap }> = [];
  for (const block of tables) {
    const columns = columnMap(block.table.header.cells.map((c) => c.text));
    if (isTaskTable(columns)) taskTables.push({ block, columns });
  }
  const aggregate = tables.find((b) => !taskTables.some((t) => t.block === b) && isAggregateTable(b.table));

  const problems: Diagnostic[] = [];
  const date = postDate(source.frontMatter, source.titles, source.markupDate, file);
  if (date === null) {
    problems.push(
      error(file, 0, 0, 'no date found', 'give a front matter `date`, a title like "Leverage Record: March 2, 2026", or a YYYY-MM-DD in the file name'),
    );
  }
  const taskTable = taskTables[0];
  if (taskTable === undefined) {
    problems.push(error(file, 0, 0, 'no task table found', `${TASK_TABLE_HINT}${foundTables(tables.map((b) => b.table))}`));
    return { ok: false, diagnostics: problems };
  }

  const read = readTaskTable(taskTable.block.table, taskTable.columns, file, workWeekHours);
  problems.push(...read.diagnostics.filter((d) => d.severity === 'error'));
  if (read.tasks.length === 0 && problems.length === 0) {
    problems.push(error(file, taskTable.block.line, 0, 'the task table has no rows'));
  }
  if (problems.length > 0 || date === null) return { ok: false, diagnostics: problems };

  const notes = read.diagnostics.filter((d) => d.severity === 'warning');
  for (const extra of taskTables.slice(1)) {
    notes.push(warning(file, extra.block.line, 0, 'a second task table is not imported (only the first one is)'));
  }
  const aggregates: AggregateEntry[] = [...(aggregate ? readAggregateTable(aggregate.table) : []), ...read.totals];
  const tokens = aggregates.find((a) => a.kind === 'tokens')?.count ?? null;
  const completed = aggregates.find((a) => a.kind === 'tasksCompleted')?.count ?? null;
  const used = new Set<SourceBlock>([taskTable.block, ...(aggregate ? [aggregate] : [])]);
  const prose = readProse(source, date.date, used);

  return {
    ok: true,
    post: {
      file,
      date: date.date,
      title: prose.title,
      model: stringValue(source.frontMatter['model']),
      tags: tagList(source.frontMatter['tags']) ?? (source.markupTags.length > 0 ? source.markupTags : null),
      summary: prose.summary,
      body: prose.body,
      tokens,
      tasksCompleted: completed !== null && completed > read.tasks.length ? completed : null,
      tasks: read.tasks,
      aggregates,
      notes,
    },
  };
}

function foundTables(tables: SourceTable[]): string {
  if (tables.length === 0) return '';
  const headers = tables.map((t) => `line ${t.line}: "${t.header.cells.map((c) => c.text).join(' | ')}"`);
  return `; the tables found have other columns (${headers.join('; ')})`;
}

function stringValue(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function tagList(value: unknown): string[] | null {
  if (typeof value === 'string') {
    const tags = value.split(',').map((t) => t.trim()).filter(Boolean);
    return tags.length ? tags : null;
  }
  if (Array.isArray(value)) {
    const tags = value.filter((t): t is string | number => typeof t === 'string' || typeof t === 'number').map(String);
    return tags.length ? tags : null;
  }
  return null;
}
