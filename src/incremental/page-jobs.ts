/**
 * Record pages rendered in worker threads: the main thread sends each page's model with its
 * record's content still encoded as the cache holds it (bytes are copied between threads far
 * faster than objects); the worker renders the page and answers with its HTML, which the
 * main thread writes. One thread writes all files: two threads creating folders and files in
 * the same folder at once were several times slower than one.
 */
import { BuildError, type Diagnostic } from '../diagnostics.js';
import type { Renderer } from '../render/render.js';
import type { RecordPage } from '../site/types.js';
import { decodeEntry, type EncodedRecord } from './cache.js';

export interface PageJob {
  /** The page's model without its record's content, */
  page: Omit<RecordPage, 'record'>;
  /** which is in its record's encoded cache entry. */
  entry: EncodedRecord;
}

/** A template's error, as diagnostics. */
export type PageResult = { html: string } | { failure: Diagnostic[] };

/** Renders the pages in order; stops at the first failure, which ends the build. */
export function renderPageJobs(jobs: PageJob[], renderer: Renderer): PageResult[] {
  const results: PageResult[] = [];
  for (const { page, entry } of jobs) {
    try {
      results.push({ html: renderer.render({ ...page, record: decodeEntry(entry).content! }) });
    } catch (err) {
      if (!(err instanceof BuildError)) throw err;
      results.push({ failure: err.diagnostics });
      break;
    }
  }
  return results;
}
