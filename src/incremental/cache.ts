/**
 * The persistent build cache in `<root>/.leverage-cache/`, in two files:
 *
 * - `manifest.bin` (small): every record file's size, modification time and hash, and what
 *   the last build wrote where. Enough to see that nothing changed without reading more.
 * - `records.bin` (large): every record file's parse and rendered content, by file.
 *
 * Both are valid only for the same generator code and config (the fingerprint). A file that
 * is corrupt, truncated or from another format version fails its header or checksum and is
 * ignored, never trusted.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Diagnostic } from '../diagnostics.js';
import type { ParsedRecord } from '../records/parse.js';
import type { RecordContent } from '../site/types.js';
import { hashBytes } from './process.js';

export const CACHE_FOLDER = '.leverage-cache';
const FORMAT = 'leverage-cache/1';

export interface FileState {
  mtimeMs: number;
  size: number;
}

export interface CachedRecord extends FileState {
  file: string;
  hash: string;
  parsed: ParsedRecord;
  content: RecordContent | null;
}

export interface CachedOutput {
  /** Absolute output folder the entries describe. */
  out: string;
  /** Fingerprint of every input of that build: equal inputs give equal output. */
  inputs: string;
  /** Output path → the page's key and the hash of the bytes written. */
  files: Record<string, { key: string; hash: string }>;
  /** What the spare copy of the output (`.leverage-cache/output/`) holds, if one is kept. */
  spare: Record<string, { key: string; hash: string }> | null;
  /** What that build reported, repeated when nothing changed. */
  summary: { records: number; pages: number; warnings: Diagnostic[] };
}

export interface Manifest {
  fingerprint: string;
  output: CachedOutput | null;
}

export type CachedRecords = Record<string, CachedRecord>;

export interface CacheRead<T> {
  value: T | null;
  /** Why a stored file was not used, when it was there but not usable. */
  discarded: string | null;
}

export function cacheFolder(root: string): string {
  return join(root, CACHE_FOLDER);
}

async function readCacheFile<T extends { fingerprint: string }>(
  root: string,
  name: string,
  fingerprint: string,
): Promise<CacheRead<T>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(cacheFolder(root), name));
  } catch {
    return { value: null, discarded: null };
  }
  const header = `${FORMAT}\n`;
  const checksumEnd = header.length + 40;
  if (bytes.toString('latin1', 0, header.length) !== header) {
    return { value: null, discarded: `${CACHE_FOLDER}/${name} is from another version; rebuilding it` };
  }
  const payload = bytes.subarray(checksumEnd + 1);
  if (bytes.length <= checksumEnd || hashBytes(payload) !== bytes.toString('latin1', header.length, checksumEnd)) {
    return { value: null, discarded: `${CACHE_FOLDER}/${name} is corrupt; rebuilding it` };
  }
  let value: T;
  try {
    value = deserialize(payload) as T;
  } catch {
    return { value: null, discarded: `${CACHE_FOLDER}/${name} is corrupt; rebuilding it` };
  }
  // Another generator or config: not wrong, just not ours to reuse.
  return value.fingerprint === fingerprint ? { value, discarded: null } : { value: null, discarded: null };
}

async function writeCacheFile(root: string, name: string, value: unknown): Promise<void> {
  const folder = cacheFolder(root);
  await mkdir(folder, { recursive: true });
  const payload = serialize(value);
  const file = join(folder, name);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, Buffer.concat([Buffer.from(`${FORMAT}\n${hashBytes(payload)}\n`, 'latin1'), payload]));
  await rename(temporary, file);
}

export function readManifest(root: string, fingerprint: string): Promise<CacheRead<Manifest>> {
  return readCacheFile<Manifest>(root, 'manifest.bin', fingerprint);
}

export async function readRecordCache(root: string, fingerprint: string): Promise<CacheRead<CachedRecords>> {
  const read = await readCacheFile<{ fingerprint: string; records: CachedRecords }>(root, 'records.bin', fingerprint);
  return { value: read.value?.records ?? null, discarded: read.discarded };
}

/** The manifest is checked against the generator alone: what was written stays known across config changes. */
export async function writeCache(
  root: string,
  generator: string,
  fingerprint: string,
  output: CachedOutput,
  records: CachedRecords | null,
): Promise<void> {
  if (records) await writeCacheFile(root, 'records.bin', { fingerprint, records });
  await writeCacheFile(root, 'manifest.bin', { fingerprint: generator, output } satisfies Manifest);
}

/** Removes the cache folder; false when there was none. */
export async function removeCache(root: string): Promise<boolean> {
  const folder = cacheFolder(root);
  const existed = await stat(folder).then(() => true, () => false);
  await rm(folder, { recursive: true, force: true });
  return existed;
}
