/**
 * The per-file work of a build: read one record file, validate it, compute and render its
 * content. Pure apart from reading the file, so it can run in a worker thread.
 */
import { hashBytes } from './fingerprint.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { error, type Diagnostic } from '../diagnostics.js';
import { decodeText, errorCode } from '../config/text-file.js';
import type { SiteConfig } from '../config/types.js';
import { parseRecord } from '../records/parse.js';
import { recordContent } from '../site/content.js';
import type { CachedRecord, FileState } from './cache.js';
import { recordSummary } from '../site/parts.js';
import { withMarkdown } from '../markdown/render.js';

export interface RecordJob {
  /** Relative path, `records/2026/2026-03-02.md`. */
  file: string;
  /** Size and modification time, recorded in the cache entry. */
  state: FileState;
  /** Hash of the file the cache holds; the worker answers `unchanged` when the bytes still match. */
  cachedHash: string | null;
}

/** A processed file: its cache entry, or word that the file's bytes are those the cache holds. */
export type JobResult = { file: string; entry: CachedRecord } | { file: string; hash: string; unchanged: true };

export function processRecordFile(root: string, job: RecordJob, config: SiteConfig): CachedRecord | { unchanged: true } {
  const failed = (hash: string, diagnostic: Diagnostic): CachedRecord => ({
    file: job.file,
    ...job.state,
    hash,
    date: null,
    diagnostics: [diagnostic],
    summary: null,
  });
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(root, ...job.file.split('/')));
  } catch (cause) {
    return failed('', error(job.file, 0, 0, `cannot read the file (${errorCode(cause)})`, 'check that it exists and is readable'));
  }
  const hash = hashBytes(bytes);
  if (hash === job.cachedHash) return { unchanged: true };
  const decoded = decodeText(job.file, bytes);
  if (!decoded.ok) return failed(hash, decoded.diagnostic);
  const parsed = parseRecord(job.file, decoded.text, config);
  const entry = { file: job.file, ...job.state, hash, date: parsed.date, diagnostics: parsed.diagnostics };
  if (!parsed.record) return { ...entry, summary: null };
  const content = recordContent(parsed.record, config);
  const summary = recordSummary(parsed.record, content);
  // Once rendered into content.bodyHtml the Markdown body is not needed again: dropping it
  // halves what travels between threads and what the cache stores.
  return { ...entry, summary, full: { record: { ...parsed.record, body: '' }, content } };
}

export function jobResult(root: string, job: RecordJob, config: SiteConfig): JobResult {
  const result = processRecordFile(root, job, config);
  if ('unchanged' in result) return { file: job.file, hash: job.cachedHash!, unchanged: true };
  return { file: job.file, entry: result };
}

/** Reads a batch of record files (in the main thread or a worker), loading the Markdown pipeline if one needs it. */
export function readBatch(root: string, batch: RecordJob[], config: SiteConfig): Promise<JobResult[]> {
  return withMarkdown(() => batch.map((job) => jobResult(root, job, config)));
}
