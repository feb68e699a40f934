/**
 * Writing `dist/` atomically: the whole site goes into a staging folder beside the output
 * folder and replaces it only when everything was written. A failed or killed build leaves
 * the last good output as it was.
 */
import { cp, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { error, BuildError } from '../diagnostics.js';

export type OutputFiles = Map<string, string | Uint8Array>;

/** Refuses output folders that would replace the author's own files. */
export function checkOutputFolder(root: string, out: string): void {
  const rootPath = resolve(root);
  const outPath = resolve(out);
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + sep);
  const problem =
    inside(rootPath, outPath)
      ? 'the output folder holds the site root'
      : ['records', 'templates', 'public'].some((f) => inside(outPath, join(rootPath, f)))
        ? 'the output folder is inside the records, templates or public folder'
        : null;
  if (problem) {
    throw new BuildError([error(out, 0, 0, `cannot build into ${out}: ${problem}`, 'choose a separate folder such as dist/')]);
  }
}

/** Paths of a build's output must stay inside the output folder. */
function safeJoin(folder: string, relativePath: string): string {
  const target = resolve(folder, relativePath);
  if (!target.startsWith(resolve(folder) + sep)) {
    throw new BuildError([error(relativePath, 0, 0, 'a page would be written outside the output folder')]);
  }
  return target;
}

const STAGING = '.staging-';
const RETIRED = '.old-';

/** A build killed between the two renames of a swap leaves the old output under a retired name: put it back. */
export async function recoverInterruptedSwap(out: string): Promise<void> {
  const outPath = resolve(out);
  const parent = dirname(outPath);
  const name = basename(outPath);
  let entries: string[];
  try {
    entries = await readdir(parent);
  } catch {
    return;
  }
  const outExists = entries.includes(name);
  for (const entry of entries.sort()) {
    if (entry.startsWith(`${name}${RETIRED}`)) {
      if (!outExists) {
        await rename(join(parent, entry), outPath);
        return recoverInterruptedSwap(out);
      }
      await rm(join(parent, entry), { recursive: true, force: true });
    } else if (entry.startsWith(`${name}${STAGING}`)) {
      await rm(join(parent, entry), { recursive: true, force: true });
    }
  }
}

export interface WriteResult {
  files: number;
}

/**
 * Writes every file, then the `public/` folders (the package's default first, the root's
 * over it), into a staging folder, and swaps it in for `out`.
 */
export async function writeSiteAtomically(
  out: string,
  files: OutputFiles,
  publicFolders: string[],
): Promise<WriteResult> {
  const outPath = resolve(out);
  await mkdir(dirname(outPath), { recursive: true });
  await recoverInterruptedSwap(outPath);
  const staging = `${outPath}${STAGING}${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    await mkdir(staging, { recursive: true });
    for (const folder of publicFolders) {
      if (await isFolder(folder)) await cp(folder, staging, { recursive: true, dereference: false });
    }
    const made = new Set<string>();
    for (const [path, content] of files) {
      const target = safeJoin(staging, path);
      const dir = dirname(target);
      if (!made.has(dir)) {
        await mkdir(dir, { recursive: true });
        made.add(dir);
      }
      await writeFile(target, content);
    }
    await swapIn(staging, outPath);
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    if (err instanceof BuildError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw new BuildError([
      error(out, 0, 0, `could not write the site: ${e.code ?? ''} ${e.message}`.trim(), 'the previous output was left as it was'),
    ]);
  }
  return { files: files.size };
}

async function swapIn(staging: string, outPath: string): Promise<void> {
  if (!(await exists(outPath))) {
    await rename(staging, outPath);
    return;
  }
  const retired = `${outPath}${RETIRED}${process.pid}`;
  await rename(outPath, retired);
  await rename(staging, outPath);
  await rm(retired, { recursive: true, force: true });
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
