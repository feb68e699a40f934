/**
 * The persistent build cache in `<root>/.leverage-cache/`, in two files:
 *
 * - `manifest.bin` (small): every record file's size, modification time and hash, and what
 *   the last build wrote where. Enough to see that nothing changed without reading more.
 * - `records.bin` (large) and `records-delta.bin` (small): every record file's parse and
 *   rendered content, by file.
 *
 * Both are valid only for the same generator code and config (the fingerprint). A file that
 * is corrupt, truncated or from another format version fails its header or checksum and is
 * ignored, never trusted.
 */
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writevSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Diagnostic } from '../diagnostics.js';
import type { ParsedRecord } from '../records/parse.js';
import type { RecordContent } from '../site/types.js';
import type { CompiledTheme } from '../render/render.js';
import type { QuickState } from './quick-rebuild.js';
import { hashBytes } from './fingerprint.js';
import { fromColumns, toColumns, type Columns } from './columns.js';
import { storedFrames, storeFrames, type FramesIndex } from './frames.js';

export const CACHE_FOLDER = '.leverage-cache';
const FORMAT = 'leverage-cache/4';

export interface FileState {
  mtimeMs: number;
  size: number;
}

export interface CachedRecord extends FileState {
  file: string;
  hash: string;
  parsed: ParsedRecord;
  content: RecordContent | null;
  /** The hash of what the record gives the data exports (shape.ts; null when it has no content). */
  exportsKey: string | null;
  /** The hash of what pages other than its own show of the record (shape.ts; null when it has no content). */
  shape: string | null;
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
  /** The theme that build compiled, and the hash of its sources. */
  theme: { hash: string; compiled: CompiledTheme };
}

export interface Manifest {
  fingerprint: string;
  output: CachedOutput | null;
  /** What a quick rebuild starts from (decoded when first read: most builds do not need it). */
  readonly quick: QuickState | null;
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

export async function readManifest(root: string, fingerprint: string): Promise<CacheRead<Manifest>> {
  const { chunks, discarded } = await readChunks(root, 'manifest.bin');
  if (!chunks) return { value: null, discarded };
  try {
    const stored = decode<{ fingerprint: string; output: StoredOutput | null }>(chunks[0]!);
    // Another generator: not wrong, just not ours to reuse.
    if (stored.fingerprint !== fingerprint) return { value: null, discarded: null };
    let quick: QuickState | null | undefined;
    const value: Manifest = {
      fingerprint: stored.fingerprint,
      output: stored.output && decodeOutput(stored.output),
      get quick() {
        if (quick === undefined) quick = chunks[1] ? decodeQuick(root, decode<StoredQuick | null>(chunks[1])) : null;
        return quick;
      },
    };
    return { value, discarded: null };
  } catch {
    return { value: null, discarded: `${CACHE_FOLDER}/manifest.bin is corrupt; rebuilding it` };
  }
}

/** The manifest's tables as stored: column by column (columns.ts). */
type StoredOutput = Omit<CachedOutput, 'files' | 'spare'> & { files: Columns; spare: Columns | null };
type StoredQuick = Omit<QuickState, 'files' | 'frames'> & { files: Columns; frames: FramesIndex };
const OUTPUT_FILE_FIELDS = ['key', 'hash'] as const;
const QUICK_FILE_FIELDS = ['mtimeMs', 'size', 'hash', 'shape', 'exportsKey'] as const;

function encodeOutput(output: CachedOutput): StoredOutput {
  const spare = output.spare && toColumns(output.spare, OUTPUT_FILE_FIELDS);
  return { ...output, files: toColumns(output.files, OUTPUT_FILE_FIELDS), spare };
}

function decodeOutput(output: StoredOutput): CachedOutput {
  type File = CachedOutput['files'][string];
  const spare = output.spare && fromColumns<File>(output.spare, OUTPUT_FILE_FIELDS);
  return { ...output, files: fromColumns<File>(output.files, OUTPUT_FILE_FIELDS), spare };
}

function encodeQuick(root: string, quick: QuickState | null): StoredQuick | null {
  return quick && { ...quick, files: toColumns(quick.files, QUICK_FILE_FIELDS), frames: storeFrames(cacheFolder(root), quick.frames) };
}

function decodeQuick(root: string, quick: StoredQuick | null): QuickState | null {
  return quick && { ...quick, files: fromColumns(quick.files, QUICK_FILE_FIELDS), frames: storedFrames(cacheFolder(root), quick.frames) };
}

/** The parts of a record's content only its own page and the feeds show. */
const DETAIL = ['bodyHtml', 'rows', 'aggregate'] as const;
type Detail = Pick<RecordContent, (typeof DETAIL)[number]>;

/** A cache entry as stored: the entry without its content's detail, and the detail. */
type EncodedRecord = [summary: Uint8Array, detail: Uint8Array];

/** The stored bytes of decoded entries, to write them again without serializing, and the base file they came from. */
const stored = new WeakMap<CachedRecord, { bytes: EncodedRecord; base: string | null }>();

function encodeEntry(entry: CachedRecord): EncodedRecord {
  const known = stored.get(entry);
  if (known) return known.bytes;
  const content = entry.content;
  if (!content) return [serialize(entry), serialize(null)];
  const summary: Record<string, unknown> = { ...content };
  const detail: Record<string, unknown> = {};
  for (const field of DETAIL) {
    detail[field] = content[field];
    delete summary[field];
  }
  return [serialize({ ...entry, content: summary }), serialize(detail)];
}

/**
 * An entry whose content's detail (the rendered analysis and table rows, most of its size)
 * is decoded when a page first uses it, and may be dropped again by the garbage collector:
 * a build of thousands of records never holds them all.
 */
function decodeEntry(bytes: EncodedRecord, base: string | null): CachedRecord {
  const [summary, detail] = bytes;
  const entry = deserialize(summary) as CachedRecord;
  if (entry.content) {
    let decoded: WeakRef<Detail> | null = null;
    const load = (): Detail => {
      let value = decoded?.deref();
      if (!value) {
        value = deserialize(detail) as Detail;
        decoded = new WeakRef(value);
      }
      return value;
    };
    for (const field of DETAIL) {
      Object.defineProperty(entry.content, field, { enumerable: true, configurable: true, get: () => load()[field] });
    }
  }
  stored.set(entry, { bytes, base });
  return entry;
}

function decodeEntries(chunks: Buffer[], from: number, base: string | null, into: CachedRecords): void {
  for (let i = from; i + 1 < chunks.length; i += 2) {
    const entry = decodeEntry([chunks[i]!, chunks[i + 1]!], base);
    into[entry.file] = entry;
  }
}

/**
 * The record cache is a large base file, `records.bin`, and a small `records-delta.bin`: the
 * entries that differ from the base and the files removed since. A build that changed a few
 * records writes only the delta; the base is written again when the delta would be large.
 */
const BASE = 'records.bin';
const DELTA = 'records-delta.bin';

/** What a build read of the base file, to write a delta against it. */
export interface RecordCacheBase {
  /** Unique to one writing of the base: a delta names the base it applies to. */
  id: string;
  fingerprint: string;
  files: ReadonlySet<string>;
  bytes: number;
}

interface BaseHeader {
  fingerprint: string;
  id: string;
}

interface DeltaHeader {
  fingerprint: string;
  base: string;
  removed: string[];
}

export async function readRecordCache(
  root: string,
  fingerprint: string,
): Promise<CacheRead<CachedRecords> & { base: RecordCacheBase | null }> {
  const none = { value: null, base: null };
  const { chunks, discarded } = await readChunks(root, BASE);
  if (!chunks) return { ...none, discarded };
  const records: CachedRecords = {};
  let base: RecordCacheBase;
  try {
    const header = decode<BaseHeader>(chunks[0]!);
    if (header.fingerprint !== fingerprint) return { ...none, discarded: null };
    decodeEntries(chunks, 1, header.id, records);
    const bytes = chunks.reduce((total, chunk) => total + chunk.length, 0);
    base = { id: header.id, fingerprint, files: new Set(Object.keys(records)), bytes };
  } catch {
    return { ...none, discarded: `${CACHE_FOLDER}/${BASE} is corrupt; rebuilding it` };
  }
  const delta = await readChunks(root, DELTA);
  if (!delta.chunks) return { value: records, base, discarded: delta.discarded };
  try {
    const header = decode<DeltaHeader>(delta.chunks[0]!);
    if (header.fingerprint !== fingerprint || header.base !== base.id) return { value: records, base, discarded: null };
    const changed: CachedRecords = {};
    decodeEntries(delta.chunks, 1, null, changed);
    for (const file of header.removed) delete records[file];
    Object.assign(records, changed);
    return { value: records, base, discarded: null };
  } catch {
    // The base alone is still right for what it holds: entries are checked against the files.
    return { value: records, base, discarded: `${CACHE_FOLDER}/${DELTA} is corrupt; rebuilding it` };
  }
}

/**
 * Every record file's parse and content: valid whatever becomes of the build's output. Only
 * the delta is written when the records differ little from `base` (what the build read).
 */
export async function writeRecordCache(
  root: string,
  fingerprint: string,
  records: CachedRecords,
  base: RecordCacheBase | null,
): Promise<void> {
  const files = Object.keys(records).sort();
  if (base && base.fingerprint === fingerprint) {
    const changed = files.filter((file) => stored.get(records[file]!)?.base !== base.id);
    const removed = [...base.files].filter((file) => !(file in records));
    const encoded = changed.map((file) => encodeEntry(records[file]!));
    const bytes = encoded.reduce((total, entry) => total + entry.reduce((sum, chunk) => sum + chunk.length, 0), 0);
    if (bytes <= base.bytes / 8) {
      const header: DeltaHeader = { fingerprint, base: base.id, removed };
      return writeChunks(root, DELTA, [serialize(header), ...encoded.flat()]);
    }
  }
  const header: BaseHeader = { fingerprint, id: randomUUID() };
  await writeChunks(
    root,
    BASE,
    (function* () {
      yield serialize(header);
      for (const file of files) yield* encodeEntry(records[file]!);
    })(),
  );
}

/** The manifest is checked against the generator alone: what was written stays known across config changes. */
export async function writeManifest(root: string, generator: string, output: CachedOutput, quick: QuickState | null): Promise<void> {
  const stored = { fingerprint: generator, output: encodeOutput(output) };
  await writeChunks(root, 'manifest.bin', [serialize(stored), serialize(encodeQuick(root, quick))]);
}

/** Removes the cache folder; false when there was none. */
export async function removeCache(root: string): Promise<boolean> {
  const folder = cacheFolder(root);
  const existed = await stat(folder).then(() => true, () => false);
  await rm(folder, { recursive: true, force: true });
  return existed;
}
