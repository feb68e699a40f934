/**
 * The data exports (site.md): `data/records.json` with every number unrounded, and
 * `data/tasks.csv` with one row per task.
 *
 * Both are made from each record's `RecordData` alone (and the totals of all), which comes
 * from the record without its body: the files depend on the records' numbers and text, not
 * their analysis (output/site-files.ts), so a rebuild after an edit to an analysis does not
 * make them again.
 */
import type { LeverageRecord } from '../records/types.js';
import type { RecordContent } from '../site/types.js';
import type { SiteConfig } from '../config/types.js';
import { seriesTotals } from '../leverage/numbers.js';
import { aliasRecord } from '../site/apply-aliases.js';

export interface ExportInput {
  record: LeverageRecord;
  content: RecordContent;
}

/** What the exports hold of one record, with the site's aliases applied. */
export type RecordData = ReturnType<typeof recordData>;

export function exportData({ record, content }: ExportInput, config: Pick<SiteConfig, 'aliases' | 'basePath'>): RecordData {
  return recordData(aliasRecord(record, config), content, config.basePath);
}

export function recordsJson(items: readonly RecordData[]): Uint8Array[] {
  const totals = seriesTotals(items.map((item) => item.totals));
  const summary = {
    records: totals.records,
    rows: totals.rows,
    tasksCompleted: totals.tasksCompleted,
    humanMinutes: totals.humanMinutes,
    claudeMinutes: totals.claudeMinutes,
    supervisionMinutes: totals.supervisionMinutes,
    tokens: totals.tokens,
    leverage: totals.leverage,
    supervisoryLeverage: totals.supervisoryLeverage,
  };
  // `JSON.stringify({ records, totals }, null, 2)`, made one record at a time into bytes:
  // thousands of records are never one tree of objects, nor one string.
  const pieces = [Buffer.from(`{\n  "records": ${items.length ? '[\n' : '[]'}`)];
  items.forEach((item, i) => {
    const json = nested(item, 2);
    pieces.push(Buffer.from(i < items.length - 1 ? `${json},\n` : `${json}\n  ]`));
  });
  pieces.push(Buffer.from(`,\n  "totals": ${nested(summary, 1).trimStart()}\n}\n`));
  return pieces;
}

/**
 * `value` as `JSON.stringify(…, null, 2)` writes it `depth` levels deep, each line indented:
 * written inside `depth` arrays and cut out, which costs less than indenting the lines after.
 */
function nested(value: unknown, depth: number): string {
  let wrapped = value;
  for (let level = 0; level < depth; level++) wrapped = [wrapped];
  const json = JSON.stringify(wrapped, null, 2);
  // Each array opens with `[` and a line break, indented one level more than the last.
  const frame = depth * (depth + 1);
  return json.slice(frame, json.length - frame);
}

function recordData(record: LeverageRecord, content: RecordContent, basePath: string) {
  return {
    date: record.date,
    url: `${basePath}${content.url}`,
    title: record.title,
    model: record.model,
    tags: record.tags,
    summary: record.summary,
    tasks: record.tasks.map((task, i) => {
      const numbers = content.tasks[i]!;
      return {
        n: task.n,
        task: task.task,
        project: task.project,
        humanMinutes: numbers.humanMinutes,
        claudeMinutes: numbers.claudeMinutes,
        supervisionMinutes: numbers.supervisionMinutes,
        leverage: numbers.leverage,
        supervisoryLeverage: numbers.supervisoryLeverage,
      };
    }),
    totals: content.totals,
  };
}

const CSV_COLUMNS = [
  'date',
  'n',
  'task',
  'project',
  'humanMinutes',
  'claudeMinutes',
  'supervisionMinutes',
  'leverage',
  'supervisoryLeverage',
] as const;

/** One piece of bytes per record, after the header line. */
export function tasksCsv(items: readonly RecordData[]): Uint8Array[] {
  const pieces = [Buffer.from(`${CSV_COLUMNS.join(',')}\r\n`)];
  for (const { date, tasks } of items) {
    // One string a record, the fields in CSV_COLUMNS' order: an array a row cost the export
    // of 4000 records twice the time.
    let lines = '';
    for (const task of tasks) {
      lines += `${date},${task.n},${csvField(task.task)},${csvField(task.project)},${csvField(task.humanMinutes)},${csvField(task.claudeMinutes)},${csvField(task.supervisionMinutes)},${csvField(task.leverage)},${csvField(task.supervisoryLeverage)}\r\n`;
    }
    pieces.push(Buffer.from(lines));
  }
  return pieces;
}

/** RFC 4180 quoting; a leading `=`, `+`, `-` or `@` in text is prefixed so spreadsheets do not run it as a formula. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
