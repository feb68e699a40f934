/**
 * The data exports (site.md): `data/records.json` with every number unrounded, and
 * `data/tasks.csv` with one row per task.
 *
 * Both are made from each record's `RecordData` alone (and the totals of all), which comes
 * from the record without its body: a hash of that, kept in the cache (incremental/shape.ts),
 * tells whether the files can change, so a rebuild after an edit to a record's analysis does
 * not make them again.
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
    const json = nested(JSON.stringify(item, null, 2), '    ');
    pieces.push(Buffer.from(i < items.length - 1 ? `${json},\n` : `${json}\n  ]`));
  });
  pieces.push(Buffer.from(`,\n  "totals": ${nested(JSON.stringify(summary, null, 2), '  ').trimStart()}\n}\n`));
  return pieces;
}

/** JSON text as it appears nested `indent` deep (JSON strings hold no raw line breaks). */
function nested(json: string, indent: string): string {
  return `${indent}${json.replace(/\n/g, `\n${indent}`)}`;
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
    const lines: string[] = [];
    tasks.forEach((task) => {
      lines.push(
        [
          date,
          task.n,
          task.task,
          task.project,
          task.humanMinutes,
          task.claudeMinutes,
          task.supervisionMinutes,
          task.leverage,
          task.supervisoryLeverage,
        ]
          .map(csvField)
          .join(','),
      );
    });
    pieces.push(Buffer.from(`${lines.join('\r\n')}\r\n`));
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
