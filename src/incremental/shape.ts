/**
 * A record's shape: everything of it that pages other than its own can show. An edit that
 * leaves the shape as it was (a new analysis, a task reworded) changes the record's own page,
 * the feeds that carry its full text and perhaps the data exports, and no other page: a
 * quick rebuild (quick-rebuild.ts) relies on it.
 */
import type { ParsedRecord } from '../records/parse.js';
import { hashBytes } from './fingerprint.js';

/** The fields of a record's content only its own page (and the feeds) show; theme templates are checked against them. */
export const OWN_PAGE_FIELDS = ['bodyHtml', 'readingMinutes', 'taskHtml', 'taskText', 'truncated'] as const;

/**
 * The hash of the parse but the body and the tasks' wording: the content (site/content.ts)
 * is made from the record and the config, and its fields but OWN_PAGE_FIELDS come from the
 * record's other fields alone (test/incremental/shape.test.ts checks it on generated records).
 */
export function recordShape(parsed: ParsedRecord): string {
  const record = parsed.record && {
    ...parsed.record,
    body: '',
    tasks: parsed.record.tasks.map((task) => ({ ...task, task: '' })),
  };
  return hashBytes(JSON.stringify({ diagnostics: parsed.diagnostics, date: parsed.date, record }));
}
