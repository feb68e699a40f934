/**
 * Where a build keeps its cache: on disk under the root (`leverage build`), in memory (the
 * dev server, which keeps one between rebuilds), or nowhere (`--no-cache`).
 */
import { stat } from 'node:fs/promises';
import {
  cacheFolder,
  readManifest,
  readRecordCache,
  writeManifest,
  writeRecordCache,
  type CachedOutput,
  type CachedRecords,
  type CacheRead,
  type Manifest,
} from './cache.js';

export interface CacheStore {
  readManifest(generator: string): Promise<CacheRead<Manifest>>;
  readRecords(fingerprint: string): Promise<CacheRead<CachedRecords>>;
  /**
   * Keeps the records as read, as soon as they are: they stay valid whatever becomes of the
   * build (a build that then fails keeps the records it read).
   */
  writeRecords(fingerprint: string, records: CachedRecords): Promise<void>;
  /** Keeps what a build wrote, once its output is in place. */
  writeOutput(generator: string, output: CachedOutput): Promise<void>;
  outputExists(out: string): Promise<boolean>;
  /** The cache folder on disk (for the spare copy of the output), or null. */
  folder: string | null;
}

const NOTHING = { value: null, discarded: null };

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

export function diskCache(root: string): CacheStore {
  return {
    readManifest: (generator) => readManifest(root, generator),
    readRecords: (fingerprint) => readRecordCache(root, fingerprint),
    writeRecords: (fingerprint, records) => writeRecordCache(root, fingerprint, records),
    writeOutput: (generator, output) => writeManifest(root, generator, output),
    outputExists: isFolder,
    folder: cacheFolder(root),
  };
}

export function noCache(): CacheStore {
  return {
    readManifest: async () => NOTHING,
    readRecords: async () => NOTHING,
    writeRecords: async () => {},
    writeOutput: async () => {},
    outputExists: async () => false,
    folder: null,
  };
}

/** Keeps the last build's cache in memory; `outputExists` is the caller's. */
export function memoryCache(outputExists: (out: string) => Promise<boolean>): CacheStore {
  let manifest: Manifest | null = null;
  let records: { fingerprint: string; records: CachedRecords } | null = null;
  return {
    readManifest: async (generator) => ({ value: manifest?.fingerprint === generator ? manifest : null, discarded: null }),
    readRecords: async (fingerprint) => ({
      value: records?.fingerprint === fingerprint ? records.records : null,
      discarded: null,
    }),
    writeRecords: async (fingerprint, changed) => {
      records = { fingerprint, records: changed };
    },
    writeOutput: async (generator, output) => {
      manifest = { fingerprint: generator, output };
    },
    outputExists,
    folder: null,
  };
}
