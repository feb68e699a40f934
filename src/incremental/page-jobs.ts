/**
 * Record pages made in worker threads: the main thread sends each page's model with its
 * record's content still encoded as the cache holds it (bytes are copied between threads
 * far faster than objects), the worker renders the page, writes it where the output target
 * says, and answers with the hash of its bytes.
 */
import { BuildError, type Diagnostic } from '../diagnostics.js';
import { writePlaced, type Placement } from '../output/write.js';
import type { Renderer } from '../render/render.js';
import type { RecordPage } from '../site/types.js';
import { decodeEntry, type EncodedRecord } from './cache.js';
import { hashBytes } from './fingerprint.js';

export interface PageJob {
  /** The page's model without its record's content, */
  page: Omit<RecordPage, 'record'>;
  /** which is in its record's encoded cache entry. */
  entry: EncodedRecord;
  placement: Placement;
}

/** A page that could not be made: a template's error, or the system's error while writing. */
export type PageFailure = { diagnostics: Diagnostic[] } | { code: string | undefined; message: string };

export type PageResult = { path: string; hash: string } | { path: string; failure: PageFailure };

/** Makes the pages in order; stops at the first failure, which ends the build. */
export function makePages(jobs: PageJob[], renderer: Renderer): PageResult[] {
  const results: PageResult[] = [];
  const madeDirs = new Set<string>();
  for (const { page, entry, placement } of jobs) {
    try {
      const html = renderer.render({ ...page, record: decodeEntry(entry).content! });
      const hash = hashBytes(html);
      writePlaced(placement, html, hash, madeDirs);
      results.push({ path: placement.path, hash });
    } catch (err) {
      results.push({ path: placement.path, failure: pageFailure(err) });
      break;
    }
  }
  return results;
}

function pageFailure(err: unknown): PageFailure {
  if (err instanceof BuildError) return { diagnostics: err.diagnostics };
  const e = err as NodeJS.ErrnoException;
  return { code: e.code, message: e.message };
}

/** The failure as the main thread reports it. */
export function failureError(failure: PageFailure): Error {
  if ('diagnostics' in failure) return new BuildError(failure.diagnostics);
  return Object.assign(new Error(failure.message), { code: failure.code });
}
