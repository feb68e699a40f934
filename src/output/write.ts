/**
 * Writing `dist/` atomically and incrementally.
 *
 * A build never writes into the output folder. It writes into a second, complete copy of
 * the site and swaps the two folders with renames, so a failed or killed build leaves the
 * last good output as it was. The second copy is the output before last, kept in the cache
 * folder (`.leverage-cache/output/`): bringing it up to date takes only the files that
 * changed in the last two builds, never a copy of the whole site. Without it (first build,
 * `--no-cache`, another disk, or after an interrupted build) the copy is made from scratch.
 *
 * An interrupted swap is noticed by its marker file and repaired by the next build, which
 * then writes everything afresh rather than trust what it cannot know.
 */
import { closeSync, copyFileSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { error, BuildError } from '../diagnostics.js';
import { hashBytes } from '../incremental/fingerprint.js';

/**
 * What a file holds: text, bytes, or bytes in pieces (a large export made piece by piece is
 * never one string, nor one buffer).
 */
export type FileContent = string | Uint8Array | readonly Uint8Array[];

/** The content as bytes, in one or more pieces. */
export function contentPieces(content: FileContent): readonly Uint8Array[] {
  if (typeof content === 'string') return [Buffer.from(content)];
  return content instanceof Uint8Array ? [content] : content;
}

export interface WrittenFile {
  key: string;
  hash: string;
}

export type OutputState = Record<string, WrittenFile>;

export interface WriteStats {
  /** Files whose bytes differ from the last output. */
  written: number;
  unchanged: number;
  removed: number;
  /** What the output folder now holds. */
  files: OutputState;
  /** What the kept second copy now holds (null: none is kept). */
  spare: OutputState | null;
}

/** Where a build puts its files: the disk (build) or memory (dev server). */
export interface OutputTarget {
  /** True when the file was last made from a model with this key. */
  isCurrent(path: string, key: string): boolean;
  /** Keeps a current file (`isCurrent` with this key) as it is (at once: thousands are kept a build). */
  keep(path: string, key: string): void;
  /** Writes a file unless its bytes are unchanged. */
  write(path: string, content: FileContent, key: string): Promise<void>;
  /** Drops files no longer produced and makes the new output visible. */
  commit(): Promise<WriteStats>;
  /** Called once the cache describes the committed output. */
  settle(): Promise<void>;
  /** Gives up: the last good output stays. */
  abort(): Promise<void>;
}

/** Refuses output folders that would replace the author's own files. */
export function checkOutputFolder(root: string, out: string): void {
  const rootPath = resolve(root);
  const outPath = resolve(out);
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + sep);
  const problem = inside(rootPath, outPath)
    ? 'the output folder holds the site root'
    : ['records', 'templates', 'public', '.leverage-cache'].some((f) => inside(outPath, join(rootPath, f)))
      ? 'the output folder is inside the records, templates, public or cache folder'
      : null;
  if (problem) {
    throw new BuildError([error(out, 0, 0, `cannot build into ${out}: ${problem}`, 'choose a separate folder such as dist/')]);
  }
}

/** Every file under a folder, as sorted relative `/` paths. */
export function listFiles(folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), rel);
      else if (entry.isFile()) files.push(rel);
    }
  };
  walk(folder, '');
  return files.sort();
}

export interface LastOutput {
  /** What the output folder holds. */
  files: OutputState;
  /** What the spare copy holds, if one is kept. */
  spare: OutputState | null;
}

/*
 * Each file is made with synchronous calls, all from one thread: on the machines measured, an
 * asynchronous mkdir or writeFile cost the kernel 5–7 times the CPU of a synchronous one (a
 * thread hand-off per call), and two threads making files in one folder contended for it.
 */

const STAGING = '.staging-';
const RETIRED = '.old-';
/** Present while a build changes the output or the spare copy. */
const MARKER = 'build-in-progress';

/** A file of the last output, to be kept, is gone: someone changed the output folder by hand. */
export class OutputEdited extends Error {
  constructor(readonly path: string) {
    super(`${path} of the last output is missing`);
  }
}

export class DiskTarget implements OutputTarget {
  private readonly produced: OutputState = {};
  private readonly madeDirs = new Set<string>();
  private written = 0;
  private unchanged = 0;

  private constructor(
    private readonly out: string,
    private readonly cacheDir: string,
    /** Where this build writes: the spare copy, or a fresh staging folder. */
    private readonly work: string,
    /** What `work` holds now. */
    private readonly workState: OutputState,
    /** What the output folder holds (for counting what changed). */
    private readonly current: OutputState,
    /** Whether the output folder may become the next spare copy. */
    private readonly keepSpare: boolean,
  ) {}

  /**
   * @param cacheDir the cache folder, for the spare copy and the swap marker; null: keep no spare.
   * @param last what the last build left, from the cache; null: unknown.
   */
  static async open(out: string, cacheDir: string | null, last: LastOutput | null): Promise<DiskTarget> {
    const outPath = resolve(out);
    await refuseForeignOutput(outPath, last !== null);
    try {
      await mkdir(dirname(outPath), { recursive: true });
      const repaired = await recover(outPath, cacheDir);
      const known = repaired ? null : last;
      const spareDir = cacheDir ? join(cacheDir, 'output') : null;
      const canKeepSpare = spareDir !== null && (await sameDisk(dirname(outPath), cacheDir!));
      if (cacheDir) {
        // Until the cache describes what this build made, the spare copy is not to be trusted.
        await mkdir(cacheDir, { recursive: true });
        await writeFile(join(cacheDir, MARKER), `${outPath}\n`);
      }
      if (canKeepSpare && known?.spare && (await isFolder(spareDir!))) {
        return new DiskTarget(outPath, cacheDir!, spareDir!, known.spare, known.files, true);
      }
      if (spareDir) await rm(spareDir, { recursive: true, force: true });
      const staging = `${outPath}${STAGING}${process.pid}`;
      await rm(staging, { recursive: true, force: true });
      // Not recursive: its parent exists, and a read-only disk then says EROFS, not ENOENT.
      await mkdir(staging);
      return new DiskTarget(outPath, cacheDir ?? '', staging, {}, known?.files ?? {}, canKeepSpare && known !== null);
    } catch (err) {
      throw writeError(out, err);
    }
  }

  /**
   * Current in the work folder, or in the output folder: the spare copy is the output before
   * last, and a file the last build made again is current there, not in the spare.
   */
  isCurrent(path: string, key: string): boolean {
    return this.workState[path]?.key === key || this.current[path]?.key === key;
  }

  keep(path: string, key: string): void {
    const inWork = this.workState[path];
    const file = inWork?.key === key ? inWork : this.current[path]!;
    this.produced[path] = file;
    this.count(path, file.hash);
    if (inWork?.hash === file.hash) return;
    if (inWork) unlinkIfPresent(this.workPath(path));
    this.linkFromOutput(path);
  }

  /**
   * A hard link to the output's file: the staging folder replaces the output folder whole,
   * and nothing ever writes through the link.
   */
  private linkFromOutput(path: string): void {
    const target = this.workPath(path);
    const source = join(this.out, path);
    try {
      this.makeDir(dirname(target));
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !existsSync(source)) throw new OutputEdited(path);
      throw writeError(this.out, err);
    }
  }

  async write(path: string, content: FileContent, key: string): Promise<void> {
    // Encoded once, for the hash and for the file.
    const pieces = contentPieces(content);
    const hash = hashBytes(pieces);
    this.produced[path] = { key, hash };
    this.count(path, hash);
    if (this.workState[path]?.hash === hash) return;
    const target = this.workPath(path);
    try {
      this.makeDir(dirname(target));
      // The spare copy's files may be hard links to the output's: replace, never write through.
      if (this.workState[path]) unlinkIfPresent(target);
      writePieces(target, pieces);
    } catch (err) {
      throw writeError(this.out, err);
    }
  }

  private count(path: string, hash: string): void {
    if (this.current[path]?.hash === hash) this.unchanged++;
    else this.written++;
  }

  async commit(): Promise<WriteStats> {
    const removed = Object.keys(this.current).filter((path) => !this.produced[path]).length;
    try {
      for (const path of Object.keys(this.workState)) {
        if (this.produced[path]) continue;
        await unlink(this.workPath(path)).catch(() => {});
        await removeEmptyFolders(dirname(this.workPath(path)), this.work);
      }
      const old = await this.swap();
      let spare: OutputState | null = null;
      if (old && this.keepSpare) {
        await rename(old, join(this.cacheDir, 'output'));
        spare = this.current;
      } else if (old) {
        await rm(old, { recursive: true, force: true });
      }
      return { written: this.written, unchanged: this.unchanged, removed, files: this.produced, spare };
    } catch (err) {
      await this.abort();
      throw writeError(this.out, err);
    }
  }

  async settle(): Promise<void> {
    if (this.cacheDir) await rm(join(this.cacheDir, MARKER), { force: true });
  }

  async abort(): Promise<void> {
    // A spare copy half brought up to date is in no known state: drop it. The mark stays: the
    // output may be newer than the cache says (a build killed earlier, a swap half done).
    await rm(this.work, { recursive: true, force: true });
  }

  /** Puts the work folder in place of the output folder; returns where the old output went. */
  private async swap(): Promise<string | null> {
    if (!(await isFolder(this.out))) {
      await rm(this.out, { force: true });
      await rename(this.work, this.out);
      return null;
    }
    const retired = `${this.out}${RETIRED}${process.pid}`;
    await rename(this.out, retired);
    try {
      await rename(this.work, this.out);
    } catch (err) {
      await rename(retired, this.out); // the last good output goes back where it was
      throw err;
    }
    return retired;
  }

  private workPath(relativePath: string): string {
    return pathInside(this.work, relativePath);
  }

  private makeDir(dir: string): void {
    if (this.madeDirs.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.madeDirs.add(dir);
  }
}

/** A relative path with nothing to resolve: no `.` or `..` part, no empty part, no backslash. */
const PLAIN_RELATIVE_PATH = /^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))(?!.*\/\/)[^\\]+$/;

/** Paths of a build's output must stay inside the output folder. */
export function pathInside(folder: string, relativePath: string): string {
  // Most paths need no resolving (path.resolve cost a quick rebuild 9 ms for its 4280 kept files).
  if (sep === '/' && PLAIN_RELATIVE_PATH.test(relativePath) && !relativePath.endsWith('/')) return `${folder}/${relativePath}`;
  const target = resolve(folder, relativePath);
  if (!target.startsWith(folder + sep)) {
    throw new BuildError([error(relativePath, 0, 0, 'a page would be written outside the output folder')]);
  }
  return target;
}

/**
 * Repairs what an interrupted build left: the old output put back if it was moved away,
 * staging folders removed. True when anything was found: then what the cache says about
 * the output can no longer be trusted.
 */
export async function recover(out: string, cacheDir: string | null): Promise<boolean> {
  const parent = dirname(out);
  const name = out.slice(parent.length + 1);
  const entries = (await readdir(parent).catch(() => [] as string[])).sort();
  let outExists = entries.includes(name);
  let found = false;
  for (const entry of entries) {
    const path = join(parent, entry);
    if (entry.startsWith(`${name}${RETIRED}`) && !outExists) {
      await rename(path, out);
      outExists = true;
      found = true;
    } else if (entry.startsWith(`${name}${RETIRED}`) || entry.startsWith(`${name}${STAGING}`)) {
      await rm(path, { recursive: true, force: true });
      found = true;
    }
  }
  // The mark stays until a build has written the output and the cache describing it (settle):
  // a build killed before that, this one too, must leave the cache untrusted for the next.
  if (cacheDir && (await stat(join(cacheDir, MARKER)).then(() => true, () => false))) {
    await rm(join(cacheDir, 'output'), { recursive: true, force: true });
    found = true;
  }
  return found;
}

function writePieces(file: string, pieces: readonly Uint8Array[]): void {
  if (pieces.length === 1) return writeFileSync(file, pieces[0]!);
  const fd = openSync(file, 'w');
  try {
    for (const piece of pieces) {
      // A write may take fewer bytes than it was given: the rest follow.
      for (let done = 0; done < piece.length; ) done += writeSync(fd, piece, done);
    }
  } finally {
    closeSync(fd);
  }
}

function unlinkIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Not there: nothing to replace.
  }
}

async function sameDisk(a: string, b: string): Promise<boolean> {
  await mkdir(b, { recursive: true });
  const [sa, sb] = await Promise.all([stat(a), stat(b)]);
  return sa.dev === sb.dev;
}

async function removeEmptyFolders(dir: string, stop: string): Promise<void> {
  while (dir !== stop && dir.startsWith(stop + sep)) {
    try {
      await rmdir(dir);
    } catch {
      return;
    }
    dir = dirname(dir);
  }
}

/** Marks a folder as a build's output: only such a folder (or an empty one) is ever replaced. */
export const OUTPUT_MARK = '.leverage-output';
export const OUTPUT_MARK_TEXT = 'This folder is made by `leverage build` and replaced by each build.\n';

/**
 * A mistyped --out must never cost the author a file or a folder: the output path may be
 * new, an empty folder, or a folder a build made (marked, or known to the cache).
 */
async function refuseForeignOutput(out: string, knownToCache: boolean): Promise<void> {
  const info = await stat(out).catch(() => null);
  if (!info) return;
  const refuse = (what: string) => {
    throw new BuildError([
      error(out, 0, 0, `will not replace ${out}: ${what}`, 'choose a new folder for --out, or remove this one yourself'),
    ]);
  };
  if (!info.isDirectory()) refuse('it is a file, not a folder');
  if (knownToCache) return;
  const entries = await readdir(out);
  if (entries.length > 0 && !entries.includes(OUTPUT_MARK)) {
    refuse(`it holds files that no build made (a build's output holds ${OUTPUT_MARK})`);
  }
}

function writeError(out: string, err: unknown): BuildError {
  if (err instanceof BuildError) return err;
  const e = err as NodeJS.ErrnoException;
  const reason =
    e.code === 'ENOSPC' ? 'the disk is full'
    : e.code === 'EROFS' ? 'the folder is read-only'
    : e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied'
    : e.code === 'ENOTDIR' || e.code === 'EEXIST' ? 'a file stands where a folder must be'
    : e.message;
  return new BuildError([
    error(out, 0, 0, `could not write the site: ${reason}${e.code ? ` (${e.code})` : ''}`, 'the previous output was left as it was'),
  ]);
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}
