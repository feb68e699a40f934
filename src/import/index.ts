/**
 * `leverage import`: hand-written posts (Markdown or HTML) → record files. Each post is read,
 * its printed figures checked against its durations, and written as `<out>/<date>.md`,
 * never over an existing file.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative } from 'node:path';
import { error, type Diagnostic } from '../diagnostics.js';
import { readHtmlPost } from './html-post.js';
import { readMarkdownPost } from './markdown-post.js';
import type { ImportedPost, ReadResult } from './model.js';
import { interpretPost } from './post.js';
import { verifyPost } from './verify.js';
import { recordFileText } from './write.js';

export type { ImportedPost } from './model.js';

export interface ImportOptions {
  /** Folder the record files go to. */
  outDir: string;
  /** Check and report, write nothing. */
  checkOnly: boolean;
  /** Hours of a work week, for Weeks columns (default 40). */
  workWeekHours?: number;
}

export type PostStatus =
  /** Written (or, with checkOnly, would be written). */
  | 'imported'
  /** Read, but the output file exists (or another post of this run has the same date): not written. */
  | 'exists'
  /** Could not be read: no table, no date, a value that is not a duration, … */
  | 'failed';

export interface PostResult {
  file: string;
  status: PostStatus;
  /** The record file path (also when it exists), null when the post could not be read. */
  output: string | null;
  post: ImportedPost | null;
  /** The record file text, null when the post could not be read. */
  recordText: string | null;
  /** Errors (failed) and warnings (reading notes, figure mismatches, existing output). */
  diagnostics: Diagnostic[];
  /** How many of the diagnostics are printed figures that disagree with the durations. */
  mismatches: number;
}

export interface ImportReport {
  results: PostResult[];
  /** 0 when every post was imported, 1 otherwise. */
  exitCode: 0 | 1;
}

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);

/** Markdown or HTML, by the extension, else by whether the text (after front matter) starts with a tag. */
export function readPost(text: string, file: string): ReadResult {
  const extension = extname(file).toLowerCase();
  const looksHtml = /^\s*(?:---[\s\S]*?\n---\s*\n)?\s*<(?:!doctype|html|head|body|article|main|div|h1|table)\b/i.test(text);
  return HTML_EXTENSIONS.has(extension) || (extension !== '.md' && extension !== '.markdown' && looksHtml)
    ? readHtmlPost(text, file)
    : readMarkdownPost(text, file);
}

/** Reads, checks and converts one post's text; no file system. */
export function convertPost(
  text: string,
  file: string,
  workWeekHours = 40,
): { ok: true; post: ImportedPost; recordText: string; mismatches: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] } {
  const read = readPost(text, file);
  if (!read.ok) return read;
  const interpreted = interpretPost(read.source, workWeekHours);
  if (!interpreted.ok) return interpreted;
  const post = interpreted.post;
  return { ok: true, post, recordText: recordFileText(post), mismatches: verifyPost(post, { workWeekHours }) };
}

export async function importPosts(files: readonly string[], options: ImportOptions): Promise<ImportReport> {
  const results: PostResult[] = [];
  const planned = new Map<string, string>();
  for (const file of files) {
    results.push(await importOne(file, options, planned));
  }
  return { results, exitCode: results.every((r) => r.status === 'imported') ? 0 : 1 };
}

async function importOne(file: string, options: ImportOptions, planned: Map<string, string>): Promise<PostResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    return failed(file, [error(file, 0, 0, `cannot read the file: ${reason}`)]);
  }
  const converted = convertPost(text, file, options.workWeekHours ?? 40);
  if (!converted.ok) return failed(file, converted.diagnostics);

  const { post, recordText, mismatches } = converted;
  const output = join(options.outDir, `${post.date}.md`);
  const diagnostics = [...post.notes, ...mismatches];
  const result = (status: PostStatus, extra: Diagnostic[] = []): PostResult => ({
    file,
    status,
    output,
    post,
    recordText,
    diagnostics: [...diagnostics, ...extra],
    mismatches: mismatches.length,
  });

  const earlier = planned.get(output);
  if (earlier !== undefined) {
    return result('exists', [error(file, 0, 0, `${shown(output)} is already imported from ${earlier} (same date ${post.date}); not written`)]);
  }
  planned.set(output, file);
  if (await exists(output)) {
    return result('exists', [error(file, 0, 0, `${shown(output)} exists; not overwritten`)]);
  }
  const elsewhere = await recordOfDay(options.outDir, post.date);
  if (elsewhere !== null) {
    return result('exists', [error(file, 0, 0, `${shown(elsewhere)} already holds the record of ${post.date}; not written`)]);
  }
  if (!options.checkOnly) {
    try {
      await mkdir(options.outDir, { recursive: true });
      await writeFile(output, recordText, { encoding: 'utf8', flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
        return result('exists', [error(file, 0, 0, `${shown(output)} exists; not overwritten`)]);
      }
      return result('failed', [error(file, 0, 0, `${shown(output)} cannot be written: ${(e as Error).message}`)]);
    }
  }
  return result('imported');
}

function failed(file: string, diagnostics: Diagnostic[]): PostResult {
  return { file, status: 'failed', output: null, post: null, recordText: null, diagnostics, mismatches: 0 };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** A record file of that day anywhere under the folder (`2026/2026-03-02.md`), or null. */
async function recordOfDay(folder: string, date: string): Promise<string | null> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return null;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      const found = await recordOfDay(path, date);
      if (found) return found;
    } else if (entry.name.startsWith(date) && entry.name.endsWith('.md')) {
      return path;
    }
  }
  return null;
}

/** A path as the user would type it: relative to the working folder when inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
