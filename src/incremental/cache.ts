/**
 * The persistent build cache in `<root>/.leverage-cache/` (docs/architecture.md):
 *
 * - `manifest.bin` (small): what the last build wrote, each output file with its key and the
 *   hash of its bytes, and the fingerprint of all its inputs.
 * - `records.bin`: what every build needs of every record file (its state, hash, summary and
 *   part hashes).
 *
 * Each is valid only for the same generator code (and the records for the same config). A file
 * that is corrupt, truncated or from another format version fails its header or checksum and
 * is ignored, never trusted. Nothing read from the cache is run as code.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writevSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { ParsedRecord } from '../records/parse.js';
import type { RecordContent, RecordSummary } from '../site/types.js';
import type { LeverageRecord } from '../records/types.js';
import { hashBytes } from './fingerprint.js';

export const CACHE_FOLDER = '.leverage-cache';
const FORMAT = 'leverage-cache/6';

export interface FileState {
  mtimeMs: number;
  size: number;
}

/** A record file as read: what every build needs of it, and the rest (`full`) while it is in memory. */
export interface CachedRecord extends FileState {
  file: string;
  hash: string;
  /** The record's day and where it is stated, when known. */
  date: ParsedRecord['date'];
  diagnostics: Diagnostic[];
  /** null when the file has errors. */
  summary: RecordSummary | null;
  /**
   * The record and its content, in memory when just read: as objects (`full`), or as a worker
   * thread encoded them (`encoded`, V8-serialized, decoded when first needed). Never stored:
   * a record from the cache is read again from its file when a page needs it.
   */
  full?: RecordData;
  encoded?: Uint8Array;
}

export interface RecordData {
  record: LeverageRecord;
  content: RecordContent;
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
  summary: { records: number; pages: number; draftsLeftOut: number; warnings: Diagnostic[] };
}

export interface Manifest {
  fingerprint: string;
  output: CachedOutput | null;
}

/** By file, `records/2026/2026-03-02.md`. */
export type CachedRecords = Map<string, CachedRecord>;

/** Each record file's size and modification time, by file (a missing file: size -1). */
export type FileStates = Map<string, FileState>;

export interface CacheRead<T> {
  value: T | null;
  /** Why a stored file was not used, when it was there but not usable. */
  discarded: string | null;
}

export function cacheFolder(root: string): string {
  return join(root, CACHE_FOLDER);
}

/**
 * A cache file: the format line, the payload, then the SHA-1 of the payload (last, so a
 * large file can be written as it is made). The payload is chunks, each a 4-byte length and
 * that many bytes of JSON: chunks let the record cache be written again without encoding
 * what did not change.
 */
async function readChunks(root: string, name: string): Promise<{ chunks: Buffer[] | null; discarded: string | null }> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(cacheFolder(root), name));
  } catch {
    return { chunks: null, discarded: null };
  }
  const header = `${FORMAT}\n`;
  if (bytes.toString('latin1', 0, header.length) !== header) {
    return { chunks: null, discarded: `${CACHE_FOLDER}/${name} is from another version; rebuilding it` };
  }
  const corrupt = { chunks: null, discarded: `${CACHE_FOLDER}/${name} is corrupt; rebuilding it` };
  if (bytes.length < header.length + 40) return corrupt;
  const payload = bytes.subarray(header.length, bytes.length - 40);
  if (hashBytes(payload) !== bytes.toString('latin1', bytes.length - 40)) return corrupt;
  const chunks: Buffer[] = [];
  for (let at = 0; at < payload.length; ) {
    if (at + 4 > payload.length) return corrupt;
    const length = payload.readUInt32LE(at);
    if (at + 4 + length > payload.length) return corrupt;
    chunks.push(payload.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return { chunks, discarded: null };
}

/**
 * Writes the chunks as they come (a generator), so the whole payload is never in memory at once.
 * Cache files are read and written with synchronous calls: fs/promises moves a large file
 * through the thread pool in pieces, which cost a quick rebuild's manifest 20-30 ms instead of 14.
 */
async function writeChunks(root: string, name: string, chunks: Iterable<Uint8Array>): Promise<void> {
  const folder = cacheFolder(root);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, name);
  const temporary = `${file}.${process.pid}.tmp`;
  const hash = createHash('sha1');
  const fd = openSync(temporary, 'w');
  try {
    writeAll(fd, [Buffer.from(`${FORMAT}\n`, 'latin1')]);
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    for (const chunk of chunks) {
      const length = Buffer.alloc(4);
      length.writeUInt32LE(chunk.length);
      hash.update(length).update(chunk);
      pending.push(length, chunk);
      pendingBytes += chunk.length;
      if (pendingBytes > 4 * 2 ** 20) {
        writeAll(fd, pending);
        pending = [];
        pendingBytes = 0;
      }
    }
    writeAll(fd, [...pending, Buffer.from(hash.digest('hex'), 'latin1')]);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

/** writev until every byte is written (a write may take fewer than it was given). */
function writeAll(fd: number, pieces: Uint8Array[]): void {
  let rest = pieces;
  while (rest.length > 0) {
    let written = writevSync(fd, rest);
    let i = 0;
    while (i < rest.length && written >= rest[i]!.length) written -= rest[i++]!.length;
    rest = rest.slice(i);
    if (written > 0) rest[0] = rest[0]!.subarray(written);
  }
}

/**
 * The manifest and the record index are JSON: thousands of small objects parse several
 * times faster from JSON than from V8's serialization, and their values are all JSON's.
 */
function fromJson<T>(chunk: Buffer): T {
  return JSON.parse(chunk.toString('utf8')) as T;
}

function toJson(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

export async function readManifest(root: string, fingerprint: string): Promise<CacheRead<Manifest>> {
  const { chunks, discarded } = await readChunks(root, 'manifest.bin');
  if (!chunks) return { value: null, discarded };
  try {
    const stored = fromJson<Manifest>(chunks[0]!);
    // Another generator: not wrong, just not ours to reuse.
    if (stored.fingerprint !== fingerprint) return { value: null, discarded: null };
    return { value: stored, discarded: null };
  } catch {
    return { value: null, discarded: `${CACHE_FOLDER}/manifest.bin is corrupt; rebuilding it` };
  }
}

/**
 * The record cache, `records.bin`: what every build uses of every record file (its state and
 * hash, its part hashes, its date, tags and totals), one JSON chunk per file. The rest of a
 * record (its rows, rendered texts, analysis) is not stored: a page made again that shows a
 * record whose file did not change reads the file again (incremental/records.ts). That costs
 * more than decoding a stored copy did, but only for the pages made again, and a cold build
 * no longer pays for writing the copy (docs/performance.md).
 */
const INDEX = 'records.bin';

/** Entries read from the cache, with their bytes, written again as they were when unchanged. */
const stored = new WeakMap<CachedRecord, Uint8Array>();

/** The entry of a file whose bytes are unchanged but whose modification time changed (touched). */
export function withFileState(entry: CachedRecord, state: FileState): CachedRecord {
  return { ...entry, ...state };
}

export async function readRecordCache(root: string, fingerprint: string): Promise<CacheRead<CachedRecords>> {
  const { chunks, discarded } = await readChunks(root, INDEX);
  if (!chunks) return { value: null, discarded };
  const corrupt = { value: null, discarded: `${CACHE_FOLDER}/${INDEX} is corrupt; rebuilding it` };
  const records: CachedRecords = new Map();
  try {
    if (fromJson<string>(chunks[0]!) !== fingerprint) return { value: null, discarded: null };
    for (const chunk of chunks.slice(1)) {
      const entry = fromJson<CachedRecord>(chunk);
      stored.set(entry, chunk);
      records.set(entry.file, entry);
    }
  } catch {
    return corrupt;
  }
  return { value: records, discarded: null };
}

/** Every record file's state, hash, diagnostics, summary and part hashes: valid whatever becomes of the build's output. */
export async function writeRecordCache(root: string, fingerprint: string, records: CachedRecords): Promise<void> {
  const chunks = [...records.keys()]
    .sort()
    .map((file) => {
      const entry = records.get(file)!;
      const { full: _full, encoded: _encoded, ...light } = entry;
      return stored.get(entry) ?? toJson(light);
    });
  await writeChunks(root, INDEX, [toJson(fingerprint), ...chunks]);
}

/** The manifest is checked against the generator alone: what was written stays known across config changes. */
export async function writeManifest(root: string, generator: string, output: CachedOutput): Promise<void> {
  const stored: Manifest = { fingerprint: generator, output };
  await writeChunks(root, 'manifest.bin', [toJson(stored)]);
}

/** Removes the cache folder; false when there was none. */
export async function removeCache(root: string): Promise<boolean> {
  const folder = cacheFolder(root);
  const existed = await stat(folder).then(() => true, () => false);
  await rm(folder, { recursive: true, force: true });
  return existed;
}
