/**
 * A fast reader for record files of the regular shape, the one nearly every record has:
 *
 *     ---
 *     date: 2026-03-02
 *     tags: [AI, Time Record]
 *     summary: >-
 *       One paragraph.
 *     tasks:
 *       - task: "Fix the login form"
 *         human: 4h
 *         claude: 19m
 *     ---
 *
 * For a valid record of that shape it gives what parseRecord's full reading gives (a YAML
 * tree, then typed and located fields), without making either: the same record, the same
 * date and no diagnostics. Anything else (another shape, an unknown or empty field, any
 * problem at all) gives null, and parseRecord reads the file the full way, which reports
 * every problem. test/records/regular-record.test.ts checks it against the full reading.
 *
 * The shape:
 * - `---` and a line feed, then `key: value` lines at column 0: record fields, each once,
 *   no blank lines, no comments, spaces only;
 * - values on the key's line as simple-yaml.ts reads them (plain, "double-quoted" or
 *   'single-quoted'), a flow list `[a, b]` for tags, and for title, model and summary also
 *   a block scalar (`>-`, `>`, `|-`, `|`) of lines of one indentation;
 * - `tasks:` alone on its line, then `- task: …` items at one indentation, each further
 *   field of an item on its own line, at the column of the first.
 */

import { MAX_TAG_SLUG } from '../config/fields.js';
import { flowList, hasUnusualCharacter, lineScalar, plainValue } from '../config/simple-yaml.js';
import type { SiteConfig } from '../config/types.js';
import { isCalendarDate } from '../leverage/dates.js';
import { tagSlug } from '../site/slug.js';
import { parseDuration, type DurationUnit } from './duration.js';
import { bodyAfter, closingOf } from './frontmatter.js';
import type { ParsedRecord, RecordDate } from './parse.js';
import { calendarDay, completeRecord, fileNameDate } from './record-fields.js';
import type { Task } from './types.js';

/** Whether parseRecord tries this reader first; the tests turn it off to compare. */
export const regularRecordReader = { enabled: true };

const OPENING = '---\n';

/** Thrown when the file leaves the regular shape; one instance, as it never escapes this module. */
const NOT_REGULAR = new Error('not a regular record');

function irregular(): never {
  throw NOT_REGULAR;
}

/** The record parseRecord would give, when the file is a valid record of the regular shape; else null. */
export function readRegularRecord(file: string, text: string, config: SiteConfig): ParsedRecord | null {
  if (!text.startsWith(OPENING)) return null;
  const closing = closingOf(text);
  if (closing <= OPENING.length) return null;
  const frontMatter = text.slice(OPENING.length, closing);
  if (frontMatter.includes('\r') || hasUnusualCharacter(frontMatter)) return null;
  try {
    return new RegularReader(text, closing).read(file, config, bodyAfter(text, closing));
  } catch (cause) {
    if (cause === NOT_REGULAR) return null;
    throw cause;
  }
}

type Value = string | number | boolean | null | undefined;

class RegularReader {
  /** Where the current line starts, where its content ends, its number in the file. */
  private start = OPENING.length;
  private end = 0;
  private line = 2;
  /** Where the value of the key just read starts (its line's end when there is none). */
  private valueAt = 0;

  constructor(
    private readonly text: string,
    /** Where the front matter ends. */
    private readonly last: number,
  ) {
    this.end = this.lineEndFrom(this.start);
  }

  read(file: string, config: SiteConfig, body: string): ParsedRecord {
    const seen = new Set<string>();
    let date: RecordDate | undefined;
    let title: string | undefined;
    let model: string | undefined;
    let tags: string[] | undefined;
    let summary: string | undefined;
    let tokens: number | undefined;
    let tasksCompleted: number | undefined;
    let draft: boolean | undefined;
    let tasks: Task[] | undefined;
    while (this.hasLine()) {
      const key = this.key(0);
      if (seen.has(key)) irregular();
      seen.add(key);
      if (key === 'tasks') tasks = this.tasks();
      else if (key === 'date') date = this.date(file);
      else if (key === 'tags') tags = this.tags();
      else if (key === 'title' || key === 'model' || key === 'summary') {
        const value = this.text[this.valueAt] === '>' || this.text[this.valueAt] === '|' ? this.blockScalar() : this.scalar();
        if (key === 'title') title = nonEmptyText(value);
        else if (key === 'model') model = nonEmptyText(value);
        else summary = nonEmptyText(value);
      } else if (key === 'tokens') tokens = wholeNumber(this.scalar());
      else if (key === 'tasksCompleted') tasksCompleted = wholeNumber(this.scalar());
      else if (key === 'draft') draft = trueOrFalse(this.scalar());
      else irregular();
    }
    if (!tasks) irregular();
    if (tasksCompleted !== undefined && tasksCompleted < tasks.length) irregular();
    date ??= this.dateFromFileName(file);
    const record = completeRecord({ title, model, tags, summary, tokens, tasksCompleted, draft }, { date: date.iso, file }, tasks, body, config);
    return { record, diagnostics: [], date };
  }

  private hasLine(): boolean {
    return this.start < this.last;
  }

  private lineEndFrom(start: number): number {
    const newline = this.text.indexOf('\n', start);
    return newline === -1 || newline > this.last ? this.last : newline;
  }

  private nextLine(): void {
    this.start = this.end + 1;
    this.end = this.lineEndFrom(this.start);
    this.line++;
  }

  /** The current line's indentation; a blank line is not regular. */
  private indent(): number {
    let at = this.start;
    while (at < this.end && this.text.charCodeAt(at) === 32) at++;
    if (at === this.end) irregular();
    return at - this.start;
  }

  /** `key:` at `column` of the current line (then a space or the line's end); sets `valueAt`. */
  private key(column: number): string {
    const { text } = this;
    const from = this.start + column;
    let at = from;
    for (let c = text.charCodeAt(at); (c >= 97 && c <= 122) || (c >= 65 && c <= 90); c = text.charCodeAt(++at));
    if (at === from || text[at] !== ':') irregular();
    const key = text.slice(from, at);
    at++;
    if (at < this.end && text[at] !== ' ') irregular();
    while (at < this.end && text.charCodeAt(at) === 32) at++;
    this.valueAt = at;
    return key;
  }

  /** A plain or quoted value that ends the current line; an empty one is not regular. */
  private scalar(): Value {
    const read = lineScalar(this.text, this.valueAt, this.end) ?? irregular();
    this.nextLine();
    return read.type === 'PLAIN' ? (plainValue(read.value) as Value) : read.value;
  }

  /** `>`, `>-`, `|` or `|-`, then lines of one indentation, the next line back at column 0. */
  private blockScalar(): string {
    const { text } = this;
    const folded = text[this.valueAt] === '>';
    const strip = text[this.valueAt + 1] === '-';
    for (let at = this.valueAt + (strip ? 2 : 1); at < this.end; at++) if (text.charCodeAt(at) !== 32) irregular();
    this.nextLine();
    if (!this.hasLine()) irregular();
    const indent = this.indent();
    if (indent === 0) irregular();
    const lines: string[] = [];
    while (this.hasLine() && this.indent() === indent) {
      if (text.charCodeAt(this.end - 1) === 32) irregular();
      lines.push(text.slice(this.start + indent, this.end));
      this.nextLine();
    }
    if (this.hasLine() && this.indent() !== 0) irregular();
    return lines.join(folded ? ' ' : '\n') + (strip ? '' : '\n');
  }

  private date(file: string): RecordDate {
    const at = { line: this.line, column: this.valueAt - this.start + 1 };
    const iso = calendarDay(this.scalar());
    if (iso === undefined || !isCalendarDate(iso)) irregular();
    const named = fileNameDate(file);
    if (named && (!named.valid || named.iso !== iso)) irregular();
    return { iso, at };
  }

  private dateFromFileName(file: string): RecordDate {
    const named = fileNameDate(file);
    if (!named?.valid) irregular();
    return { iso: named.iso, at: { line: 0, column: 0 } };
  }

  /** A flow list of tag names, each non-empty and short enough for a folder name. */
  private tags(): string[] {
    if (this.text[this.valueAt] !== '[') irregular();
    const list = flowList(this.text, this.valueAt, this.end) ?? irregular();
    this.nextLine();
    return list.items.map((item) => {
      const name = nonEmptyText(item.type === 'PLAIN' ? (plainValue(item.value) as Value) : item.value);
      return tagSlug(name).length <= MAX_TAG_SLUG ? name : irregular();
    });
  }

  /** `tasks:` alone on its line, then `- ` items at one indentation. */
  private tasks(): Task[] {
    if (this.valueAt !== this.end) irregular();
    this.nextLine();
    if (!this.hasLine()) irregular();
    const indent = this.indent();
    const tasks: Task[] = [];
    while (this.hasLine() && this.indent() === indent && this.text.startsWith('- ', this.start + indent)) {
      tasks.push(this.task(indent, tasks.length + 1));
    }
    const supervised = tasks.filter((task) => task.supervisionMinutes !== null).length;
    if (supervised !== 0 && supervised !== tasks.length) irregular();
    return tasks;
  }

  /** One item: its first field after the dash, the others below it at the same column. */
  private task(indent: number, n: number): Task {
    const line = this.line;
    let column = indent + 1;
    while (this.text.charCodeAt(this.start + column) === 32) column++;
    const seen = new Set<string>();
    let task: string | undefined;
    let human: number | undefined;
    let claude: number | undefined;
    let supervision: number | undefined;
    let project: string | undefined;
    do {
      const key = this.key(column);
      if (seen.has(key)) irregular();
      seen.add(key);
      if (key === 'task') task = nonEmptyText(this.scalar());
      else if (key === 'human') human = minutes(this.scalar(), key, 'hours');
      else if (key === 'claude') claude = minutes(this.scalar(), key, 'minutes');
      else if (key === 'supervision') supervision = minutes(this.scalar(), key, 'minutes');
      else if (key === 'project') project = nonEmptyText(this.scalar());
      else irregular();
    } while (this.hasLine() && this.indent() === column);
    if (task === undefined || human === undefined || claude === undefined) irregular();
    return {
      n,
      task,
      humanMinutes: human,
      claudeMinutes: claude,
      supervisionMinutes: supervision ?? null,
      project: project ?? null,
      line,
    };
  }
}

function nonEmptyText(value: Value): string {
  return typeof value === 'string' && value.trim() !== '' ? value : irregular();
}

function trueOrFalse(value: Value): boolean {
  return typeof value === 'boolean' ? value : irregular();
}

function wholeNumber(value: Value): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER
    ? value
    : irregular();
}

function minutes(value: Value, field: string, bareUnit: DurationUnit): number {
  const result = parseDuration(value, field, bareUnit);
  return result.ok ? result.minutes : irregular();
}
