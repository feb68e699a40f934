/**
 * The records stage of a build, incremental: files whose size and modification time match
 * the cache are reused without being read; files whose bytes match are reused after one
 * read; only the rest are parsed and rendered, across worker threads. A reused record is read
 * again from its file, the same way, only when a page made again shows it.
 */
import { statSync } from 'node:fs';
import { deserialize } from 'node:v8';
import type { Diagnostic } from '../diagnostics.js';
import type { SiteConfig } from '../config/types.js';
import { assembleRecords } from '../records/read.js';
import type { RecordSet, RecordSummary } from '../site/types.js';
import type { LeverageRecord } from '../records/types.js';
import { respellTagLinks, respellTags, type TagSpellings } from '../records/tag-collisions.js';
import { hashBytes } from './fingerprint.js';
import { withFileState, type CachedRecord, type CachedRecords, type FileStates, type RecordData } from './cache.js';
import { runJobs } from './pool.js';
import { processRecordFile, type RecordJob } from './process.js';

export interface LoadedRecords {
  /** Valid records, oldest first. */
  records: RecordSet;
  diagnostics: Diagnostic[];
  /** The cache entries of this build, by file (the next cache). */
  entries: CachedRecords;
  /** How many files were parsed and rendered (not taken from the cache). */
  processed: number;
  /** Valid records marked `draft: true` that this build leaves out. */
  draftsLeftOut: number;
  /** True when `entries` differ from the cache they came from. */
  dirty: boolean;
}

/**
 * Size and modification time of each record file (missing: size -1). Synchronous calls: a
 * thousand asynchronous stats cost several times their CPU in thread hand-offs.
 */
export function statFiles(root: string, files: string[]): FileStates {
  const states: FileStates = new Map();
  for (const file of files) {
    let state = { mtimeMs: 0, size: -1 };
    try {
      const info = statSync(`${root}/${file}`);
      state = { mtimeMs: info.mtimeMs, size: info.size };
    } catch {
      // Reading the file will say what is wrong with it.
    }
    states.set(file, state);
  }
  return states;
}

export async function loadRecords(
  root: string,
  config: SiteConfig,
  scan: { files: string[]; diagnostics: Diagnostic[] },
  states: FileStates,
  cached: CachedRecords,
  options: { drafts: boolean },
  onProgress?: (done: number, total: number) => void,
): Promise<LoadedRecords> {
  const entries: CachedRecords = new Map();
  const jobs: RecordJob[] = [];
  for (const file of scan.files) {
    const entry = cached.get(file);
    const now = states.get(file)!;
    if (entry && entry.mtimeMs === now.mtimeMs && entry.size === now.size) entries.set(file, entry);
    else jobs.push({ file, state: now, cachedHash: entry?.hash ?? null });
  }

  let processed = 0;
  const results = await runJobs(root, jobs, config, (done) => onProgress?.(scan.files.length - jobs.length + done, scan.files.length));
  for (const result of results) {
    if ('unchanged' in result) {
      entries.set(result.file, withFileState(cached.get(result.file)!, states.get(result.file)!));
    } else {
      processed++;
      entries.set(result.file, result.entry);
    }
  }

  const assembled = assembleRecords(
    scan.files.map((file) => {
      const entry = entries.get(file)!;
      const summary = entry.summary;
      const record = summary && { file, date: summary.date, draft: summary.draft, tags: summary.sourceTags };
      return { file, record, diagnostics: entry.diagnostics, date: entry.date };
    }),
    scan.diagnostics,
    options,
  );
  const valid = assembled.records.map((record) => entries.get(record.file)!);
  const spellings = assembled.tagSpellings;
  const made = new Map<CachedRecord, RecordData>();
  const data = (index: number) => recordData(root, config, valid[index]!, made);
  return {
    records: {
      summaries: valid.map((entry) => respelledSummary(entry.summary!, spellings)),
      record: (index) => respelledRecord(data(index).record, spellings),
      content: (index) => respellTags(data(index).content, spellings),
    },
    diagnostics: assembled.diagnostics,
    entries,
    processed,
    draftsLeftOut: assembled.draftsLeftOut,
    dirty: jobs.length > 0 || cached.size !== scan.files.length,
  };
}

/** A record file that changed between the records stage and a page that reads it again. */
export class RecordFileChanged extends Error {
  constructor(file: string) {
    super(`${file} changed while the site was built`);
  }
}

/**
 * A valid record's record and content: in memory when just read, else decoded or read again
 * from its file, once a build (`made`: a page and the pages beside it ask for the same records).
 */
function recordData(root: string, config: SiteConfig, entry: CachedRecord, made: Map<CachedRecord, RecordData>): RecordData {
  if (entry.full) return entry.full;
  let data = made.get(entry);
  if (!data) {
    data = entry.encoded ? (deserialize(entry.encoded) as RecordData) : readAgain(root, config, entry);
    made.set(entry, data);
  }
  return data;
}

function readAgain(root: string, config: SiteConfig, entry: CachedRecord): RecordData {
  const read = processRecordFile(root, { file: entry.file, state: { mtimeMs: entry.mtimeMs, size: entry.size }, cachedHash: null }, config);
  if ('unchanged' in read || read.hash !== entry.hash || !read.full) throw new RecordFileChanged(entry.file);
  return read.full;
}

/**
 * A record's summary with its tags in their pages' spellings (chosen across all records). Its
 * numbers part changes with them: the pages that show its tags depend on that part.
 */
function respelledSummary(summary: RecordSummary, spellings: TagSpellings): RecordSummary {
  const tags = respellTagLinks(summary.tags, spellings);
  if (tags === summary.tags) return summary;
  const numbers = hashBytes(`${summary.parts.numbers}\0${tags.map((tag) => tag.text).join('\0')}`);
  const sourceTags = [...new Set(summary.sourceTags.map((name) => spellings.get(name) ?? name))];
  return { ...summary, tags: [...tags], sourceTags, parts: { ...summary.parts, numbers } };
}

function respelledRecord(record: LeverageRecord, spellings: TagSpellings): LeverageRecord {
  if (spellings.size === 0 || !record.tags.some((name) => spellings.has(name))) return record;
  return { ...record, tags: [...new Set(record.tags.map((name) => spellings.get(name) ?? name))] };
}
