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
import { serialize } from 'node:v8';
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
  // halves what travels between threads and what a build keeps in memory.
  return { ...entry, summary, full: { record: { ...parsed.record, body: '' }, content } };
}

export function jobResult(root: string, job: RecordJob, config: SiteConfig, encode: boolean): JobResult {
  const result = processRecordFile(root, job, config);
  if ('unchanged' in result) return { file: job.file, hash: job.cachedHash!, unchanged: true };
  if (!encode || !result.full) return { file: job.file, entry: result };
  const { full, ...entry } = result;
  return { file: job.file, entry: { ...entry, encoded: serialize(full) } };
}

/**
 * Reads a batch of record files (in the main thread or a worker), loading the Markdown
 * pipeline if one needs it. `encode`: each record's detail V8-serialized, which a worker
 * sends without a copy (it is decoded only for the pages made).
 */
export function readBatch(root: string, batch: RecordJob[], config: SiteConfig, encode = false): Promise<JobResult[]> {
  return withMarkdown(() => batch.map((job) => jobResult(root, job, config, encode)));
}

/** The encoded details of a batch, to transfer rather than copy. */
export function transferable(results: readonly JobResult[]): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const result of results) {
    const bytes = 'entry' in result ? result.entry.encoded : undefined;
    // A view of a larger (pooled) buffer is copied: transferring would take the rest of it away.
    if (bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) buffers.push(bytes.buffer as ArrayBuffer);
  }
  return buffers;
}
