/**
 * A quick rebuild: when the only change since the last build is a few record files whose
 * shape (shape.ts) and exports data are as they were (a new analysis, a typo fixed in it),
 * only their own pages and the feeds that carry their full text can differ.
 * Those are made again from what the last build kept (each record page without its content,
 * the feeds' entries), and every other file is kept, without reading the other records or
 * modelling the site. Anything else, and any doubt, falls back to the full incremental build.
 */
import { deserialize, serialize } from 'node:v8';
import { hasErrors } from '../diagnostics.js';
import type { SiteConfig } from '../config/types.js';
import type { ThemeSources } from '../render/theme.js';
import type { FeedEntry } from '../output/feeds.js';
import { feedEntry } from '../output/site-files.js';
import type { RecordPage, SiteInfo, SiteModel } from '../site/types.js';
import type { LeverageRecord } from '../records/types.js';
import type { CachedRecord, CachedRecords, FileState } from './cache.js';
import { processRecordFile } from './process.js';
import { pageKey } from './keys.js';
import { OWN_PAGE_FIELDS } from './shape.js';

/** Beyond this many changed files, the full build is about as quick. */
const MOST_FILES = 16;

interface FileSummary extends FileState {
  hash: string;
  shape: string | null;
  exportsKey: string | null;
}

/** A record page without its content (`record: null`, in its place so the page key is the same). */
export type PageFrame = Omit<RecordPage, 'record'> & { record: null };

/** Encoded page frames by record file: a Map as a build makes them, or read from the cache as needed. */
export interface PageFrames {
  keys(): Iterable<string>;
  /** The frame of a file's page; undefined when the build published no page for it (a draft). Throws FramesUnreadable. */
  get(file: string): Uint8Array | undefined;
}

/** The cache's frames are not those its manifest describes (another build's, cut short, changed): make the full build. */
export class FramesUnreadable extends Error {
  constructor() {
    super('the cached page frames cannot be read');
  }
}

/** What a build keeps for a quick rebuild after it. */
export interface QuickState {
  /** Fingerprint of every input but the record files' bytes: config, theme, drafts, public files, the list of files. */
  others: string;
  files: Record<string, FileSummary>;
  /**
   * Each record page without its content, by record file, encoded on its own: a quick rebuild
   * reads and decodes only the few it needs (frames.ts).
   */
  frames: PageFrames;
  /** The feeds' entries, as written. */
  feed: FeedEntry[];
}

export function quickState(
  others: string,
  entries: CachedRecords,
  records: readonly LeverageRecord[],
  model: SiteModel,
  feed: FeedEntry[],
): QuickState {
  const files: Record<string, FileSummary> = {};
  for (const [file, entry] of Object.entries(entries)) {
    files[file] = { mtimeMs: entry.mtimeMs, size: entry.size, hash: entry.hash, shape: entry.shape, exportsKey: entry.exportsKey };
  }
  const fileOf = new Map(records.map((record) => [record.date, record.file]));
  const frames = new Map<string, Uint8Array>();
  for (const page of model.pages) {
    if (page.template === 'record') frames.set(fileOf.get(page.record.date)!, serialize({ ...page, record: null } satisfies PageFrame));
  }
  return { others, files, frames, feed };
}

/** What a quick rebuild makes: the pages and feeds to write again, and the state after it. */
export interface QuickPlan {
  pages: { page: RecordPage; key: string }[];
  /** The feeds' new entries, or null when the feeds stay as they are. */
  feed: FeedEntry[] | null;
  /** Record files read. */
  processed: number;
  state: QuickState;
}

export interface QuickInput {
  root: string;
  config: SiteConfig;
  theme: ThemeSources;
  site: SiteInfo;
  globalKey: string;
  others: string;
  states: Record<string, FileState>;
  last: QuickState;
}

/** The plan of a quick rebuild, or null when a full build is needed. */
export function planQuickRebuild(input: QuickInput): QuickPlan | null {
  const { last, states } = input;
  if (last.others !== input.others || showsOwnPageFieldsElsewhere(input.theme)) return null;
  const changed = Object.keys(states).filter((file) => {
    const was = last.files[file];
    return !was || was.mtimeMs !== states[file]!.mtimeMs || was.size !== states[file]!.size;
  });
  if (changed.length === 0 || changed.length > MOST_FILES) return null;

  const files = { ...last.files };
  const edited: CachedRecord[] = [];
  for (const file of changed) {
    const was = last.files[file];
    if (!was) return null; // a new file (the list of files is in `others` too)
    const result = processRecordFile(input.root, { file, state: states[file]!, cachedHash: was.hash }, input.config);
    if ('unchanged' in result) {
      files[file] = { ...was, ...states[file]! };
      continue;
    }
    const fits = !hasErrors(result.parsed.diagnostics) && result.shape === was.shape && result.exportsKey === was.exportsKey;
    if (!fits || result.shape === null) return null;
    files[file] = { mtimeMs: result.mtimeMs, size: result.size, hash: result.hash, shape: result.shape, exportsKey: result.exportsKey };
    edited.push(result);
  }

  const pages: QuickPlan['pages'] = [];
  let feed: FeedEntry[] | null = null;
  for (const entry of edited) {
    let frame: Uint8Array | undefined;
    try {
      frame = last.frames.get(entry.file);
    } catch (err) {
      if (err instanceof FramesUnreadable) return null;
      throw err;
    }
    if (!frame) continue; // a draft, not published in this build
    const page: RecordPage = { ...(deserialize(frame) as PageFrame), record: entry.content! };
    pages.push({ page, key: pageKey(page, new Map([[entry.content!, entry.hash]]), input.globalKey) });
    const inFeed = (feed ?? last.feed).findIndex((item) => item.date === page.record.date);
    if (inFeed >= 0) {
      feed = [...(feed ?? last.feed)];
      feed[inFeed] = feedEntry(input.site, page.record, page);
    }
  }
  return { pages, feed, processed: edited.length, state: { ...last, files } };
}

/**
 * Whether a template other than the record page's, or a partial, names a field only the
 * record's own page shows: then another page may show it too, and a quick rebuild would not see that.
 */
function showsOwnPageFieldsElsewhere(theme: ThemeSources): boolean {
  const others = [...[...theme.templates.values()].filter((t) => t.name !== 'record'), ...theme.partials.values()];
  return others.some((file) => OWN_PAGE_FIELDS.some((field) => file.source.includes(field)));
}
