/**
 * The persistent build cache in `<root>/.leverage-cache/` (docs/architecture.md):
 *
 * - `manifest.bin` (small): what the last build wrote, each output file with its key and the
 *   hash of its bytes, and the fingerprint of all its inputs.
 * - `records.bin`: what every build needs of every record file (its state, hash, summary and
 *   part hashes), and `records-detail.bin`: the rest of each record (rows, rendered texts,
 *   the analysis), appended to and read only for the pages made again.
 *
 * Each is valid only for the same generator code (and the records for the same config). A file
 * that is corrupt, truncated or from another format version fails its header or checksum and
 * is ignored, never trusted. Nothing read from the cache is run as code.
 */
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writevSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Diagnostic } from '../diagnostics.js';
import type { ParsedRecord } from '../records/parse.js';
import type { RecordContent, RecordSummary } from '../site/types.js';
import type { LeverageRecord } from '../records/types.js';
import { hashBytes } from './fingerprint.js';

export const CACHE_FOLDER = '.leverage-cache';
const FORMAT = 'leverage-cache/5';

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
   * thread encoded them (`encoded`, the bytes the detail file stores, decoded when first
   * needed). Otherwise read from the cache's detail file when first needed (`recordData`).
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

export type CachedRecords = Record<string, CachedRecord>;

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
 * that many bytes of V8-serialized data: chunks let the record cache be read lazily and
 * written again without serializing what did not change.
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

function decode<T>(chunk: Buffer): T {
  return deserialize(chunk) as T;
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
 * The record cache is two files. `records.bin` holds what every build uses of every record:
 * its file's state and hash, its part hashes, its date, tags and totals. `records-detail.bin`
 * holds the rest (task rows, rendered texts, the analysis), one chunk per record, read only
 * when a page that shows it is made again: an incremental build of thousands of records reads
 * a few of them. Chunks are appended; the file is written anew when most of it is stale.
 */
const INDEX = 'records.bin';
const DETAIL = 'records-detail.bin';

/** Where an entry's detail is: offset and length in the detail file, and the hash of those bytes. */
type DetailAt = [offset: number, length: number, hash: string];

/** What the index stores of an entry. */
type IndexEntry = Omit<CachedRecord, 'full'> & { detail: DetailAt | null };

/** The record cache's files as read, for writing them again: the detail file stays open for the reads of `recordData`. */
export interface RecordCacheBase {
  fingerprint: string;
  /** Unique to one writing of the detail file; the index names the one it points into. */
  detailId: string;
  detailFd: number;
  detailSize: number;
}

interface IndexHeader {
  fingerprint: string;
  detailId: string;
}

/** A record's detail could not be read back: the build starts again without the record cache. */
export class RecordCacheUnreadable extends Error {
  constructor(file: string) {
    super(`${CACHE_FOLDER}/${DETAIL} does not hold ${file} as its index says`);
  }
}

/** Entries read from the cache: their index bytes and where their detail is, to read it and to write them again. */
const stored = new WeakMap<CachedRecord, { index: Uint8Array | null; detail: DetailAt | null; base: RecordCacheBase }>();

/** The entry of a file whose bytes are unchanged but whose modification time changed (touched). */
export function withFileState(entry: CachedRecord, state: FileState): CachedRecord {
  const touched = { ...entry, ...state };
  const known = stored.get(entry);
  if (known) stored.set(touched, { ...known, index: null });
  return touched;
}
/** Details read, while some page still uses them. */
const loaded = new WeakMap<CachedRecord, WeakRef<RecordData>>();

/** A valid record's record and content, from memory or from the detail file. */
export function recordData(entry: CachedRecord): RecordData {
  if (entry.full) return entry.full;
  let data = loaded.get(entry)?.deref();
  if (!data) {
    data = deserialize(entry.encoded ?? storedDetail(entry)) as RecordData;
    loaded.set(entry, new WeakRef(data));
  }
  return data;
}

function storedDetail(entry: CachedRecord): Buffer {
  const known = stored.get(entry);
  if (!known?.detail) throw new RecordCacheUnreadable(entry.file);
  return readDetail(known.base, known.detail, entry.file);
}

/** The detail of an entry as the detail file stores it. */
export function encodeRecordData(data: RecordData): Buffer {
  return serialize(data);
}

function openDetail(path: string): number {
  return openSync(path, 'r');
}

/** Closes the detail files of a build's record cache, once the build is over. */
export function closeRecordCache(bases: readonly (RecordCacheBase | null)[]): void {
  for (const fd of new Set(bases.map((base) => base?.detailFd ?? -1))) if (fd >= 0) closeSync(fd);
}

function readDetail(base: { detailFd: number }, [offset, length, hash]: DetailAt, file: string): Buffer {
  const bytes = Buffer.alloc(length);
  let read = 0;
  try {
    while (read < length) {
      const n = readSync(base.detailFd, bytes, read, length - read, offset + read);
      if (n === 0) break;
      read += n;
    }
  } catch {
    throw new RecordCacheUnreadable(file);
  }
  if (read < length || hashBytes(bytes) !== hash) throw new RecordCacheUnreadable(file);
  return bytes;
}

function detailHeader(id: string): Buffer {
  return Buffer.from(`${FORMAT} ${id}\n`, 'latin1');
}

export async function readRecordCache(
  root: string,
  fingerprint: string,
): Promise<CacheRead<CachedRecords> & { base: RecordCacheBase | null }> {
  const none = { value: null, base: null };
  const { chunks, discarded } = await readChunks(root, INDEX);
  if (!chunks) return { ...none, discarded };
  const corrupt = { ...none, discarded: `${CACHE_FOLDER}/${INDEX} is corrupt; rebuilding it` };
  let header: IndexHeader;
  try {
    header = decode<IndexHeader>(chunks[0]!);
  } catch {
    return corrupt;
  }
  if (header.fingerprint !== fingerprint) return { ...none, discarded: null };
  let fd: number;
  try {
    fd = openDetail(join(cacheFolder(root), DETAIL));
  } catch {
    return { ...none, discarded: `${CACHE_FOLDER}/${DETAIL} is missing; rebuilding the record cache` };
  }
  const head = detailHeader(header.detailId);
  const found = Buffer.alloc(head.length);
  readSync(fd, found, 0, head.length, 0);
  if (!found.equals(head)) {
    closeSync(fd);
    return { ...none, discarded: `${CACHE_FOLDER}/${DETAIL} is not the one ${INDEX} describes; rebuilding the record cache` };
  }
  const base: RecordCacheBase = { fingerprint, detailId: header.detailId, detailFd: fd, detailSize: fstatSync(fd).size };
  const records: CachedRecords = {};
  try {
    for (const chunk of chunks.slice(1)) {
      const { detail, ...entry } = fromJson<IndexEntry>(chunk);
      stored.set(entry, { index: chunk, detail, base });
      records[entry.file] = entry;
    }
  } catch {
    closeSync(fd);
    return corrupt;
  }
  return { value: records, base, discarded: null };
}

/**
 * Every record file's parse, content and part hashes: valid whatever becomes of the build's
 * output. The detail of new entries is appended to the detail file read (`base`); when that
 * file is missing, or more of it is stale than live, a new one is written with the live
 * entries only. The index is written last, whole, and renamed into place.
 */
export async function writeRecordCache(
  root: string,
  fingerprint: string,
  records: CachedRecords,
  base: RecordCacheBase | null,
): Promise<RecordCacheBase> {
  const folder = cacheFolder(root);
  mkdirSync(folder, { recursive: true });
  const files = Object.keys(records).sort();
  const usable = base && base.fingerprint === fingerprint ? base : null;
  const kept = (entry: CachedRecord) => {
    const known = stored.get(entry);
    return usable && known?.base.detailId === usable.detailId ? known : null;
  };
  const live = files.reduce((total, file) => total + (kept(records[file]!)?.detail?.[1] ?? 0), 0);
  const appending = usable !== null && usable.detailSize <= 2 * live;
  const detailId = appending ? usable.detailId : randomUUID();
  const detailFile = join(folder, DETAIL);
  // A new detail file is a new inode: what this build still reads of the old one stays readable
  // through its open descriptor. Killed while it is written, the index names the old one, and
  // the next build reads every record again.
  if (!appending) rmSync(detailFile, { force: true });
  const fd = openSync(detailFile, appending ? 'a' : 'w');
  let size = appending ? usable.detailSize : 0;
  const append = (bytes: Uint8Array): DetailAt => {
    writeAll(fd, [bytes]);
    const at = size;
    size += bytes.length;
    return [at, bytes.length, hashBytes(bytes)];
  };
  const index: Uint8Array[] = [];
  const written: [CachedRecord, Uint8Array, DetailAt | null][] = [];
  try {
    if (!appending) append(detailHeader(detailId));
    for (const file of files) {
      const entry = records[file]!;
      const known = kept(entry);
      if (known?.index && (appending || !known.detail)) {
        index.push(known.index);
        continue;
      }
      let detail: DetailAt | null;
      if (known && (appending || !known.detail)) detail = known.detail;
      // The detail of an entry read from the old file is copied as bytes, not decoded and encoded again.
      else if (known) detail = append(readDetail(usable!, known.detail!, file));
      else detail = entry.summary ? append(entry.encoded ?? encodeRecordData(recordData(entry))) : null;
      const { full: _full, encoded: _encoded, ...light } = entry;
      const bytes = toJson({ ...light, detail } satisfies IndexEntry);
      written.push([entry, bytes, detail]);
      index.push(bytes);
    }
  } finally {
    closeSync(fd);
  }
  const header: IndexHeader = { fingerprint, detailId };
  await writeChunks(root, INDEX, [serialize(header), ...index]);
  // Where the entries now are: the build reads their detail from there.
  const now: RecordCacheBase =
    appending && usable ? { ...usable, detailSize: size } : { fingerprint, detailId, detailFd: openDetail(detailFile), detailSize: size };
  for (const [entry, bytes, detail] of written) stored.set(entry, { index: bytes, detail, base: now });
  return now;
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
