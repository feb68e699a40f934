/**
 * The per-file work of a build: read one record file, validate it, compute and render its
 * content. Pure apart from reading the file, so it can run in a worker thread.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { error } from '../diagnostics.js';
import { decodeText, errorCode } from '../config/text-file.js';
import type { SiteConfig } from '../config/types.js';
import { parseRecord, type ParsedRecord } from '../records/parse.js';
import { recordContent } from '../site/content.js';
import type { RecordContent } from '../site/types.js';

export interface RecordJob {
  /** Relative path, `records/2026/2026-03-02.md`. */
  file: string;
  /** Hash of the file the cache holds; the worker answers `unchanged` when the bytes still match. */
  cachedHash: string | null;
}

export interface ProcessedRecord {
  file: string;
  /** Hash of the file's bytes. */
  hash: string;
  parsed: ParsedRecord;
  /** null when the record has errors. */
  content: RecordContent | null;
}

export type JobResult = ProcessedRecord | { file: string; hash: string; unchanged: true };

export function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('hex');
}

export function processRecordFile(root: string, job: RecordJob, config: SiteConfig): JobResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(root, ...job.file.split('/')));
  } catch (cause) {
    const diagnostic = error(job.file, 0, 0, `cannot read the file (${errorCode(cause)})`, 'check that it exists and is readable');
    return { file: job.file, hash: '', parsed: { record: null, diagnostics: [diagnostic], date: null }, content: null };
  }
  const hash = hashBytes(bytes);
  if (hash === job.cachedHash) return { file: job.file, hash, unchanged: true };
  const decoded = decodeText(job.file, bytes);
  if (!decoded.ok) {
    return { file: job.file, hash, parsed: { record: null, diagnostics: [decoded.diagnostic], date: null }, content: null };
  }
  const parsed = parseRecord(job.file, decoded.text, config);
  if (!parsed.record) return { file: job.file, hash, parsed, content: null };
  const content = recordContent(parsed.record, config);
  // Once rendered into content.bodyHtml the Markdown body is not needed again: dropping it
  // halves what travels between threads and what the cache stores.
  return { file: job.file, hash, parsed: { ...parsed, record: { ...parsed.record, body: '' } }, content };
}
