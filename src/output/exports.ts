/**
 * The data exports (site.md): `data/records.json` with every number unrounded, and
 * `data/tasks.csv` with one row per task.
 */
import type { LeverageRecord } from '../records/types.js';
import type { RecordContent } from '../site/types.js';
import { seriesTotals } from '../leverage/numbers.js';

export interface ExportInput {
  record: LeverageRecord;
  content: RecordContent;
}

export function recordsJson(items: ExportInput[], basePath: string): string {
  const totals = seriesTotals(items.map((i) => i.content.totals));
  const data = {
    records: items.map(({ record, content }) => ({
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
    })),
    totals: {
      records: totals.records,
      rows: totals.rows,
      tasksCompleted: totals.tasksCompleted,
      humanMinutes: totals.humanMinutes,
      claudeMinutes: totals.claudeMinutes,
      supervisionMinutes: totals.supervisionMinutes,
      tokens: totals.tokens,
      leverage: totals.leverage,
      supervisoryLeverage: totals.supervisoryLeverage,
    },
  };
  return `${JSON.stringify(data, null, 2)}\n`;
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

export function tasksCsv(items: ExportInput[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const { record, content } of items) {
    record.tasks.forEach((task, i) => {
      const numbers = content.tasks[i]!;
      lines.push(
        [
          record.date,
          task.n,
          task.task,
          task.project,
          numbers.humanMinutes,
          numbers.claudeMinutes,
          numbers.supervisionMinutes,
          numbers.leverage,
          numbers.supervisoryLeverage,
        ]
          .map(csvField)
          .join(','),
      );
    });
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** RFC 4180 quoting; a leading `=`, `+`, `-` or `@` in text is prefixed so spreadsheets do not run it as a formula. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
