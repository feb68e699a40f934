/**
 * A record's shape: everything of it that pages other than its own can show. An edit that
 * leaves the shape as it was (a new analysis, a task reworded) changes the record's own page,
 * the feeds that carry its full text and perhaps the data exports, and no other page: a
 * quick rebuild (quick-rebuild.ts) relies on it.
 */
import type { ParsedRecord } from '../records/parse.js';
import type { RecordContent } from '../site/types.js';
import { hashBytes } from './fingerprint.js';

/** The fields only a record's own page (and the feeds) show; theme templates are checked against them. */
export const OWN_PAGE_FIELDS = ['bodyHtml', 'readingMinutes', 'taskHtml', 'taskText', 'truncated'] as const;

export function recordShape(parsed: ParsedRecord, content: RecordContent): string {
  const record = parsed.record && {
    ...parsed.record,
    body: '',
    tasks: parsed.record.tasks.map((task) => ({ ...task, task: '' })),
  };
  const shown = {
    ...content,
    bodyHtml: '',
    readingMinutes: 0,
    rows: content.rows.map((row) => ({ ...row, taskHtml: '', taskText: '', truncated: false })),
  };
  return hashBytes(JSON.stringify({ diagnostics: parsed.diagnostics, date: parsed.date, record, shown }));
}
