/**
 * Finding record files: every `*.md` under `records/`, at any depth, skipping names that start
 * with `_` or `.`. Links are followed only when they stay inside the root.
 */

import type { Dirent } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { error } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';
import { errorCode } from '../config/text-file.js';

export const RECORDS_DIR = 'records';

type Kind = 'dir' | 'record' | null;

/** Relative paths (`records/…md`, sorted) and problems met on the way (such as links leaving the root). */
export async function scanRecordFiles(root: string): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const rootReal = await realpath(root).catch(() => path.resolve(root));
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const seenDirs = new Set<string>();

  async function walk(dir: string): Promise<void> {
    let entries: Dirent[];
    try {
      const real = await realpath(absolute(root, dir));
      if (seenDirs.has(real)) return; // a link back to a folder already walked
      seenDirs.add(real);
      entries = await readdir(absolute(root, dir), { withFileTypes: true });
    } catch (cause) {
      diagnostics.push(error(dir, 0, 0, `cannot read the folder (${errorCode(cause)})`, 'check its permissions'));
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
      const rel = `${dir}/${entry.name}`;
      const kind = entry.isSymbolicLink() ? await followLink(rel) : kindOf(entry, rel);
      if (kind === 'dir') await walk(rel);
      else if (kind === 'record') files.push(rel);
    }
  }

  async function followLink(rel: string): Promise<Kind> {
    let kind: Kind;
    let target: string;
    try {
      target = await realpath(absolute(root, rel));
      kind = kindOf(await stat(target), rel);
    } catch {
      diagnostics.push(error(rel, 0, 0, 'the link points to nothing', 'fix or remove the link'));
      return null;
    }
    const inside = path.relative(rootReal, target);
    if (kind && (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside))) {
      diagnostics.push(
        error(rel, 0, 0, `the link leads outside the site folder, to ${target}`, 'copy the file into the site folder instead of linking to it'),
      );
      return null;
    }
    return kind;
  }

  const top = await lstat(absolute(root, RECORDS_DIR)).catch(() => null);
  const kind = top?.isSymbolicLink() ? await followLink(RECORDS_DIR) : top?.isDirectory() ? 'dir' : null;
  if (kind === 'dir') await walk(RECORDS_DIR);
  return { files: files.sort(), diagnostics };
}

/** Record files under `<root>/records`, as sorted relative posix paths. */
export async function findRecordFiles(root: string): Promise<string[]> {
  return (await scanRecordFiles(root)).files;
}

function kindOf(entry: { isDirectory(): boolean; isFile(): boolean }, rel: string): Kind {
  if (entry.isDirectory()) return 'dir';
  return entry.isFile() && rel.endsWith('.md') ? 'record' : null;
}

function absolute(root: string, rel: string): string {
  return path.join(root, ...rel.split('/'));
}
