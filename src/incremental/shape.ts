/**
 * Two hashes of a record file's parse, for incremental builds:
 *
 * - its exports key: everything but the body. The data exports are made from the rest
 *   (output/exports.ts), so an edit of the analysis alone leaves them as they were.
 * - its shape: everything of it that pages other than its own can show. An edit that leaves
 *   the shape as it was (a new analysis, a task reworded) changes the record's own page, the
 *   feeds that carry its full text and perhaps the data exports, and no other page: a quick
 *   rebuild (quick-rebuild.ts) relies on it.
 *
 * Both hash the JSON of the parse, which is the same for equal values however they are held
 * in memory (V8's serialization is not: a number computed as a double and the same number
 * read back as an integer give other bytes).
 */
import type { ParsedRecord } from '../records/parse.js';
import { hashBytes } from './fingerprint.js';

/** The fields of a record's content only its own page (and the feeds) show; theme templates are checked against them. */
export const OWN_PAGE_FIELDS = ['bodyHtml', 'readingMinutes', 'taskHtml', 'taskText', 'truncated'] as const;

/**
 * The content (site/content.ts) is made from the record and the config, and its fields but
 * OWN_PAGE_FIELDS come from the record's fields but the body and the tasks' wording; the
 * data exports from all of them but the body. test/incremental/shape.test.ts checks both on
 * generated records.
 */
export function recordKeys(parsed: ParsedRecord): { exportsKey: string | null; shape: string } {
  const record = parsed.record;
  // The record's JSON without body and wording is made and hashed once, for both.
  const unworded = record && hashBytes(JSON.stringify({ ...record, body: '', tasks: record.tasks.map((task) => ({ ...task, task: '' })) }));
  const exportsKey = record && hashBytes(`${unworded}${record.tasks.map((task) => `\0${task.task.length}:${task.task}`).join('')}`);
  const shape = hashBytes(`${JSON.stringify({ diagnostics: parsed.diagnostics, date: parsed.date })}\0${unworded}`);
  return { exportsKey, shape };
}
