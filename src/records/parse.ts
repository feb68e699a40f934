/** One record file's text → a validated LeverageRecord, or located diagnostics. Pure. */

import { error, hasErrors, sortDiagnostics } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';
import { Fields } from '../config/fields.js';
import type { FieldSpec, Locator, Position } from '../config/fields.js';
import { parseLocatedYaml, plainValues, topMap } from '../config/located-yaml.js';
import type { SiteConfig } from '../config/types.js';
import { isCalendarDate } from '../leverage/dates.js';
import { calendarDay, completeRecord, fileNameDate } from './record-fields.js';
import { FRONT_MATTER_SHIFT, FRONT_MATTER_START, splitFrontMatter } from './frontmatter.js';
import { quickValues } from './quick-yaml.js';
import { readTasks } from './tasks.js';
import { parseTokens, TOKENS_HINT } from './tokens.js';
import { aliaserOf } from '../site/apply-aliases.js';
import type { LeverageRecord, Task } from './types.js';

export interface ParsedRecord {
  /** null when the file has any error. */
  record: LeverageRecord | null;
  diagnostics: Diagnostic[];
  /** The record's day and where it is stated (line 0: in the file name), when known. */
  date: RecordDate | null;
}

export interface RecordDate {
  iso: string;
  at: Position;
}

const RECORD_SPEC: FieldSpec = {
  noun: 'field',
  known: ['date', 'title', 'model', 'tags', 'summary', 'tokens', 'tasksCompleted', 'draft', 'tasks'],
  hints: {
    date: 'a calendar day written YYYY-MM-DD, e.g. date: 2026-03-02',
    title: 'text, or leave title out for the default',
    model: 'e.g. model: Claude Opus 4.6',
    tags: 'a list of tags, e.g. tags: [AI, Time Record]',
    summary: 'one paragraph of text',
    tokens: TOKENS_HINT,
    tasksCompleted: 'a whole number, e.g. tasksCompleted: 35',
    draft: 'draft: true or draft: false',
    tasks: 'a list of tasks, each with task, human and claude',
  },
  misspeltIsError: true,
};

const TASKS_HINT = 'list at least one task under tasks:, each with task, human and claude';
const IN_FILE_NAME: Position = { line: 0, column: 0 };

/**
 * The front matter is read quickly (quick-yaml.ts) when it can be; when it cannot, or the
 * record has an error, the file is read again with every position (readRecordLocated), and
 * the same checks run over those values.
 */
export function parseRecord(file: string, text: string, config: SiteConfig): ParsedRecord {
  return readQuickly(file, text, config) ?? readRecordLocated(file, text, config);
}

/** The record with the line its body starts on: the body is the end of the text, after the front matter's lines. */
function withBodyLine(parsed: ParsedRecord, text: string): ParsedRecord {
  if (!parsed.record) return parsed;
  const bodyStart = text.length - parsed.record.body.length;
  let bodyLine = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < bodyStart; at = text.indexOf('\n', at + 1)) bodyLine++;
  return { ...parsed, record: { ...parsed.record, bodyLine } };
}

/** A valid record (warnings allowed) read without `yaml`'s parseDocument; null when it has an error, or the quick reading cannot tell. */
function readQuickly(file: string, text: string, config: SiteConfig): ParsedRecord | null {
  const named = fileNameDate(file);
  if (named && !named.valid) return null;
  const { frontMatter, body } = splitFrontMatter(file, text, []);
  const quick = frontMatter === null ? null : quickValues(file, frontMatter, FRONT_MATTER_SHIFT);
  if (!quick) return null;
  const read = checkRecord(quick.values, quick.at, named?.iso, body, config);
  return read.record && !hasErrors(read.diagnostics) ? withBodyLine({ ...read, diagnostics: sortDiagnostics(read.diagnostics) }, text) : null;
}

/** The record read with `yaml`'s parseDocument, every problem located; diagnostics sorted by line and column. */
export function readRecordLocated(file: string, text: string, config: SiteConfig): ParsedRecord {
  const diagnostics: Diagnostic[] = [];
  const fileDate = dateFromFileName(file, diagnostics);
  const noRecord = (): ParsedRecord => ({ record: null, diagnostics: sortDiagnostics(diagnostics), date: fileDate ? { iso: fileDate, at: IN_FILE_NAME } : null });
  const { frontMatter, body } = splitFrontMatter(file, text, diagnostics);
  if (frontMatter === null) return noRecord();
  const parsed = parseLocatedYaml(file, frontMatter, FRONT_MATTER_SHIFT);
  diagnostics.push(...parsed.diagnostics);
  if (!parsed.yaml) return noRecord();
  const { values, at } = plainValues(parsed.yaml);
  const read = checkRecord(values, at, fileDate, body, config);
  return withBodyLine({ ...read, diagnostics: sortDiagnostics([...diagnostics, ...read.diagnostics]) }, text);
}

/** Every check of a record, over its front matter's plain values. */
function checkRecord(values: unknown, at: Locator, fileDate: string | undefined, body: string, config: SiteConfig): ParsedRecord {
  const diagnostics: Diagnostic[] = [];
  const map = topMap(values, at, FRONT_MATTER_START, 'the front matter', diagnostics);
  if (!map) return { record: null, diagnostics, date: fileDate ? { iso: fileDate, at: IN_FILE_NAME } : null };
  const fields = new Fields(map, at, [], RECORD_SPEC, diagnostics);
  const date = readDate(fields, fileDate);
  const items = fields.list('tasks');
  const tasks = readTaskList(fields, items, config.workWeekHours);
  const read = {
    title: fields.text('title'),
    model: fields.text('model'),
    tags: fields.tagList('tags', aliaserOf(config) ?? undefined),
    summary: fields.text('summary'),
    tokens: readTokens(fields),
    tasksCompleted: readTasksCompleted(fields, items?.length ?? 0),
    draft: fields.boolean('draft'),
  };
  if (hasErrors(diagnostics) || !date || !tasks) return { record: null, diagnostics, date };
  const record = completeRecord(read, { date: date.iso, file: at.file }, tasks, body, config);
  return { record, diagnostics, date };
}

function readDate(fields: Fields, fromName: string | undefined): RecordDate | null {
  const value = fields.value('date');
  if (value === undefined) {
    if (fromName) return { iso: fromName, at: IN_FILE_NAME };
    const at = fields.has('date') ? fields.keyAt('date') : FRONT_MATTER_START;
    return fields.errorAt(at, 'the record has no date', 'add date: YYYY-MM-DD, or start the file name with the date') ?? null;
  }
  const iso = calendarDay(value);
  if (iso === undefined || !isCalendarDate(iso)) {
    const problem = iso && /^\d{4}-\d{2}-\d{2}$/.test(iso)
      ? `${iso} is not a day of the calendar`
      : `must be a calendar day, got ${fields.shown('date')}`;
    return fields.error('date', `date ${problem}`) ?? null;
  }
  if (fromName && fromName !== iso) {
    fields.error('date', `date ${iso} differs from the date in the file name, ${fromName}`, 'make them agree: fix date or rename the file');
  }
  return { iso, at: fields.valueAt('date') };
}

function readTaskList(fields: Fields, items: unknown[] | undefined, workWeekHours: number): Task[] | null {
  if (!fields.has('tasks')) return fields.errorAt(FRONT_MATTER_START, 'the record has no tasks', TASKS_HINT) ?? null;
  if (fields.value('tasks') === undefined || items?.length === 0) {
    return fields.error('tasks', 'tasks is empty', TASKS_HINT) ?? null;
  }
  return items ? readTasks(fields, items, workWeekHours) : null;
}

/** A number, or a text of one of the forms of tokens.ts. */
function readTokens(fields: Fields): number | undefined {
  const value = fields.value('tokens');
  if (typeof value !== 'string') return fields.number('tokens', { whole: true, min: 0, max: Number.MAX_SAFE_INTEGER });
  const tokens = parseTokens(value);
  if (tokens === undefined) return fields.error('tokens', `tokens must be a whole number, got ${fields.shown('tokens')}`);
  if (tokens > Number.MAX_SAFE_INTEGER) return fields.error('tokens', `tokens must be at most ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')}, got ${fields.shown('tokens')}`);
  return tokens;
}

function readTasksCompleted(fields: Fields, rows: number): number | undefined {
  const value = fields.number('tasksCompleted', { whole: true, min: 0, max: Number.MAX_SAFE_INTEGER });
  if (value === undefined || value >= rows) return value;
  return fields.error(
    'tasksCompleted',
    `tasksCompleted is ${value}, fewer than the ${rows} tasks listed`,
    `it counts the tasks the rows stand for: at least ${rows}, or leave it out`,
  );
}

/** The `YYYY-MM-DD` a file name starts with, if any; an error when it is not a real day. */
function dateFromFileName(file: string, diagnostics: Diagnostic[]): string | undefined {
  const named = fileNameDate(file);
  if (!named) return undefined;
  if (named.valid) return named.iso;
  diagnostics.push(
    error(file, 0, 0, `the file name starts with ${named.iso}, which is not a day of the calendar`, 'rename the file to a real date'),
  );
  return undefined;
}
