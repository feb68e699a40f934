/**
 * build(): the whole pipeline, stage by stage, each timed.
 *
 *   files ─▶ records ─▶ numbers & content ─▶ page models ─▶ HTML ─▶ dist/
 *
 * One path for every build: cold, incremental, and the dev server's (which passes a cache and
 * an output in memory). Record files unchanged since the last build come from the cache;
 * every output file declares what it depends on, and incremental/plan.ts decides from that
 * alone which files are kept and which are made again. When no input changed at all, nothing
 * is made. The output is byte-identical to a build without cache.
 */
import { join, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { BuildError, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { loadConfig } from './config/load.js';
import { readTextFile } from './config/text-file.js';
import type { SiteConfig } from './config/types.js';
import { scanRecordFiles } from './records/files.js';
import { localLinkWarnings } from './records/assets.js';
import { buildSiteModel, siteInfo } from './site/pages.js';
import type { SiteModel } from './site/types.js';
import { loadTheme, themeRoots, type ThemeSources } from './render/theme.js';
import { compileTheme, type Renderer, type RenderOptions } from './render/render.js';
import { recordAssetFiles, siteFiles, type AssetSource, type OutputFile, type OutputFolder } from './output/site-files.js';
import { searchFiles } from './output/search-index.js';
import { socialCardFiles } from './output/social-card-files.js';
import { findCardFonts, type CardFont } from './output/social-card-fonts.js';
import {
  checkOutputFolder,
  DiskTarget,
  listFiles,
  OUTPUT_MARK,
  OUTPUT_MARK_TEXT,
  OutputEdited,
  recover,
  type LastOutput,
  type OutputState,
  type OutputTarget,
  type WriteStats,
} from './output/write.js';
import { loadRecords, RecordFileChanged, statFiles, type LoadedRecords } from './incremental/records.js';
import type { CachedOutput, FileStates } from './incremental/cache.js';
import { Planner } from './incremental/plan.js';
import { withMarkdown, withMarkdownIfNeeded } from './markdown/render.js';
import { fingerprint, generatorFingerprint, hashBytes } from './incremental/fingerprint.js';
import { diskCache, noCache, type CacheStore } from './incremental/store.js';

export interface BuildOptions {
  /** The folder with `records/` (and optionally `site.yaml`, `templates/`, `public/`). */
  root: string;
  /** Output folder; default `<root>/dist`. */
  out?: string;
  /** Include records marked `draft: true`. */
  drafts?: boolean;
  /** Use and update `<root>/.leverage-cache/` (default true). */
  cache?: boolean;
  /** For the dev server: HTML injected into every page. */
  render?: RenderOptions;
  /** For the dev server: where the cache lives and where the files go, instead of the disk. */
  store?: CacheStore;
  /**
   * For the dev server: an output folder whose inputs changed (the search index, which
   * Pagefind makes whole, in seconds for thousands of records) is left as the last build made
   * it and named in `BuildSummary.deferred`, so an edited page is served without waiting for
   * it; the next build without this option makes it.
   */
  deferFolders?: boolean;
  /** For the dev server: record files' sizes and times from what its watcher saw (default: every file stat'ed). */
  statFiles?: typeof statFiles;
  target?: (last: LastOutput | null) => Promise<OutputTarget>;
  /** Progress of long builds: `records 1200/4000`, `pages 300/4300`. */
  onProgress?: (stage: 'records' | 'pages', done: number, total: number) => void;
}

export interface StageTiming {
  stage: string;
  ms: number;
  /**
   * CPU time of the whole process during the stage (all threads, user and system): on a
   * shared machine it varies less than the wall time.
   */
  cpuMs: number;
  /** Resident memory of the process after the stage, in bytes (worker threads included). */
  rss: number;
}

export interface BuildSummary {
  out: string;
  records: number;
  pages: number;
  /** Valid records marked `draft: true` left out of the site (none with `drafts`). */
  draftsLeftOut: number;
  /** Files written because their bytes changed. */
  written: number;
  /** Files left as they were. */
  unchanged: number;
  removed: number;
  /** What came from the last build instead of being made again. */
  reused: {
    /** No input changed: the last output was kept whole, nothing was read or made. */
    everything: boolean;
    /** Record files taken from the cache without being parsed and rendered. */
    records: number;
    /** Output files kept because what they depend on did not change (their models were not made). */
    files: number;
  };
  /** Record files parsed and rendered. */
  processed: number;
  /** Output folders left as the last build made them (`deferFolders`): the next build without it makes them. */
  deferred: string[];
  warnings: Diagnostic[];
  /** Notes such as a cache that was corrupt and rebuilt. */
  notes: string[];
  timings: StageTiming[];
  ms: number;
}

/** Bad input: every diagnostic, plus the sources so the CLI can show code frames. */
export class BuildFailed extends BuildError {
  constructor(diagnostics: Diagnostic[], readonly sources: Map<string, string>) {
    super(sortDiagnostics(diagnostics));
  }
}

/** What a build takes from the cache; a build that finds the cache wrong starts again trusting less. */
interface Trust {
  lastOutput: boolean;
  recordCache: boolean;
  notes: string[];
}

export async function build(options: BuildOptions): Promise<BuildSummary> {
  const trust: Trust = { lastOutput: true, recordCache: true, notes: [] };
  for (;;) {
    const store = options.store ?? (options.cache === false ? noCache() : diskCache(resolve(options.root)));
    try {
      return await buildOnce({ ...options, store }, trust);
    } catch (err) {
      if (err instanceof OutputEdited && trust.lastOutput) {
        trust.lastOutput = false;
        trust.notes.push(`the last output changed since it was built (${err.path} is gone); wrote all of it again`);
      } else if (err instanceof RecordFileChanged && trust.recordCache) {
        trust.recordCache = false;
        trust.notes.push(`${err.message}; read every record again`);
      } else throw err;
    }
  }
}

async function buildOnce(options: BuildOptions, trust: Trust): Promise<BuildSummary> {
  const root = resolve(options.root);
  const out = resolve(options.out ?? join(root, 'dist'));
  const drafts = options.drafts ?? false;
  const store = options.store ?? (options.cache === false ? noCache() : diskCache(root));
  const timer = stageTimer();
  const notes = [...trust.notes];
  checkOutputFolder(root, out);

  // 1. Load the inputs. A bad setting keeps its default, so the records are still read and
  //    every problem of the config and the records is reported in one run.
  const input = await timer.time('load', () => loadInputs(root, options.statFiles ?? statFiles));
  const globalKey = fingerprint(recordsKey(input.config), input.theme.hash, options.render ?? {}, drafts);
  const inputs = fingerprint(globalKey, input.publicFiles, input.assets, input.cardFonts, input.scanDiagnostics, statesHash(input.fileStates));
  const last = await timer.time('cache', () => lastBuild(store, out, trust.lastOutput, !options.target, notes));

  // 2. Nothing changed: the last output stands.
  if (last?.inputs === inputs && !hasErrors(input.diagnostics)) {
    const kept = Object.keys(last.files).length;
    const reused = { everything: true, records: last.summary.records, files: kept };
    const counts = { written: 0, unchanged: kept, removed: 0 };
    return summary(timer, out, last.summary, counts, reused, 0, [...input.diagnostics, ...last.summary.warnings], notes, []);
  }

  // 3. Read the records (the cache's when their files are unchanged); ready the theme.
  const records = await timer.time('records', () => readRecords(root, input, store, trust.recordCache, drafts, notes, options));
  const site = await withMarkdown(() => siteInfo(input.config));
  const renderer = await timer.time('templates', () => compileTheme(input.theme, site, options.render));
  const linkWarnings = localLinkWarnings(root, records.records.summaries);
  const diagnostics = [...input.diagnostics, ...records.diagnostics, ...linkWarnings];
  if (hasErrors(diagnostics)) throw new BuildFailed(diagnostics, await sourcesOf(root, diagnostics));

  // 4. Model the site: every page and file declared, with what it depends on.
  const model = await withMarkdown(() => timer.time('model', () => buildSiteModel(records.records, input.config)));
  const generated = outputFiles(model, input, renderer);
  const assets = recordAssetFiles(model, input.assets, generated);
  const files = [...generated, ...assets.files];
  linkWarnings.push(...assets.diagnostics);
  diagnostics.push(...assets.diagnostics);

  // 5. Render what changed and write the output; remember what was written.
  const planner = new Planner(records.records.summaries, globalKey);
  const counts = { records: records.records.summaries.length, pages: model.pages.length, draftsLeftOut: records.draftsLeftOut };
  let made = { kept: 0, deferred: [] as string[] };
  const written = await publish(out, store, last, options, timer, async (target) => {
    const lastFiles = last?.files ?? {};
    made = await timer.time('render', () => writeFiles(files, planner, target, lastFiles, model.pages.length, options));
  }, (stats) => {
    const warnings = [...records.diagnostics.filter((d) => d.severity === 'warning'), ...linkWarnings];
    // An output with a folder left behind is not what these inputs make: the next build must not stop at "nothing changed".
    const remembered = made.deferred.length ? `${inputs}\0deferred` : inputs;
    return store.writeOutput(generatorFingerprint(), { out, inputs: remembered, files: stats.files, spare: stats.spare, summary: { ...counts, warnings } });
  });
  const reused = { everything: false, records: counts.records - records.processed, files: made.kept };
  return summary(timer, out, counts, written, reused, records.processed, diagnostics, notes, made.deferred);
}

interface Inputs {
  config: SiteConfig;
  theme: ThemeSources;
  publicFiles: PublicFile[];
  files: string[];
  /** Files beside records written as `index.md`, with their size and time. */
  assets: AssetSource[];
  fileStates: FileStates;
  /** The fonts social cards are drawn with (the theme's, and the root's `templates/fonts/`). */
  cardFonts: CardFont[];
  /** Problems of the config, of finding the record files and of the card fonts. */
  diagnostics: Diagnostic[];
  scanDiagnostics: Diagnostic[];
}

async function loadInputs(root: string, stat: typeof statFiles): Promise<Inputs> {
  const loaded = await loadConfig(root);
  const theme = await loadTheme(root);
  const scan = await scanRecordFiles(root);
  const fonts = loaded.config.socialCards ? findCardFonts(root) : { fonts: [], diagnostics: [] };
  return {
    config: loaded.config,
    theme,
    publicFiles: listPublicFiles(root),
    files: scan.files,
    assets: scan.assets.map((asset) => {
      const source = join(root, asset.file);
      const info = statSync(source);
      return { record: asset.record, file: asset.file, name: asset.name, source, size: info.size, mtimeMs: info.mtimeMs };
    }),
    fileStates: stat(root, scan.files),
    cardFonts: fonts.fonts,
    diagnostics: [...loaded.diagnostics, ...fonts.diagnostics],
    scanDiagnostics: scan.diagnostics,
  };
}

/** A hash of the record files' names, sizes and times, for the fingerprint of the inputs. */
function statesHash(states: FileStates): string {
  let names = '';
  const numbers = new Float64Array(states.size * 2);
  let i = 0;
  // Numbers as bytes: thousands of modification times turned into text cost more than the hash.
  states.forEach((state, file) => {
    names += `${file}\0`; // no path holds a NUL
    numbers[i++] = state.size;
    numbers[i++] = state.mtimeMs;
  });
  return hashBytes([Buffer.from(names), new Uint8Array(numbers.buffer)]);
}

/** What cached records depend on: the generator and the config. */
function recordsKey(config: SiteConfig): string {
  return fingerprint(generatorFingerprint(), config);
}

/** What the last build wrote into `out`, when the cache knows it and it is still there. */
async function lastBuild(
  store: CacheStore,
  out: string,
  trustLastOutput: boolean,
  onDisk: boolean,
  notes: string[],
): Promise<CachedOutput | null> {
  const manifest = await store.readManifest(generatorFingerprint());
  if (manifest.discarded) notes.push(manifest.discarded);
  // An interrupted build may have left the output other than the cache says: then trust neither.
  const repaired = onDisk ? await recover(out, store.folder) : false;
  const output = manifest.value?.output;
  if (!trustLastOutput || repaired || output?.out !== out) return null;
  return (await store.outputExists(out)) ? output : null;
}

async function readRecords(
  root: string,
  input: Inputs,
  store: CacheStore,
  useCache: boolean,
  drafts: boolean,
  notes: string[],
  options: BuildOptions,
): Promise<LoadedRecords> {
  const key = recordsKey(input.config);
  const cached = useCache ? await store.readRecords(key) : { value: null, discarded: null };
  if (cached.discarded) notes.push(cached.discarded);
  const scan = { files: input.files, diagnostics: input.scanDiagnostics };
  const read = await loadRecords(root, input.config, scan, input.fileStates, cached.value ?? new Map(), { drafts }, (done, total) =>
    options.onProgress?.('records', done, total),
  );
  // Kept at once: the records stay valid whatever becomes of this build.
  if (read.dirty) await store.writeRecords(key, read.entries);
  return read;
}

/**
 * Every file of the output, declared: the search index (first: it is the one that can fail
 * for want of a tool), pages, data exports, feeds, sitemap, social cards, public files.
 */
function outputFiles(model: SiteModel, input: Inputs, renderer: Renderer): (OutputFile | OutputFolder)[] {
  return [
    ...searchFiles(model, input.config),
    ...model.pages.map((page) => ({ path: page.outputPath, dependsOn: page.dependsOn, make: () => renderer.render(page.model()) })),
    ...siteFiles(model, input.config),
    ...(input.config.socialCards ? socialCardFiles(model, input.config, input.cardFonts) : []),
    { path: OUTPUT_MARK, dependsOn: [], make: () => OUTPUT_MARK_TEXT },
    ...input.publicFiles.map((file) => ({
      path: file.path,
      dependsOn: [{ value: `${file.source}\0${file.size}\0${file.mtimeMs}` }],
      make: () => readFile(file.source),
    })),
  ];
}

/**
 * Files made off this thread (social cards, drawn by resvg in the thread pool) that may be in
 * the making at once, while this thread goes on with the next files.
 */
const MAKING_AT_ONCE = 4;

/** Writes each file the plan says changed and keeps the others; returns how many were kept, and the folders deferred. */
async function writeFiles(
  files: (OutputFile | OutputFolder)[],
  planner: Planner,
  target: OutputTarget,
  last: OutputState,
  pages: number,
  options: BuildOptions,
): Promise<{ kept: number; deferred: string[] }> {
  let done = 0;
  let kept = 0;
  const deferred: string[] = [];
  const making = new Set<Promise<void>>();
  try {
    for (const file of files) {
      if ('folder' in file) {
        const key = planner.key({ path: file.folder, dependsOn: file.dependsOn });
        const folder = await writeFolder(file, key, target, last, options.deferFolders ?? false);
        kept += folder.kept;
        if (folder.deferred) deferred.push(file.folder);
        continue;
      }
      const key = planner.key(file);
      if (target.isCurrent(file.path, key)) {
        target.keep(file.path, key);
        kept++;
      } else {
        // A page may show a record read again from its file, which may need the Markdown pipeline.
        const content = withMarkdownIfNeeded(file.make);
        if (content instanceof Promise) {
          const written = content.then((made) => target.write(file.path, made, key));
          making.add(written);
          // Its failure is thrown where it is awaited, below.
          written.then(() => making.delete(written), () => undefined);
          if (making.size >= MAKING_AT_ONCE) await Promise.race(making);
        } else await target.write(file.path, content, key);
      }
      if (++done % 500 === 0 && done <= pages) options.onProgress?.('pages', done, pages);
    }
    await Promise.all(making);
  } finally {
    // Nothing is written into the output once the build gives it up.
    await Promise.allSettled(making);
  }
  options.onProgress?.('pages', pages, pages);
  return { kept, deferred };
}

/**
 * A folder's files, each written with the folder's key: kept when the last build made them
 * with this key (its output lists them), else all made again; or, when `defer` and the last
 * build made the folder at all, all kept as they are, under their own keys.
 */
async function writeFolder(
  folder: OutputFolder,
  key: string,
  target: OutputTarget,
  last: OutputState,
  defer: boolean,
): Promise<{ kept: number; deferred: boolean }> {
  const lastFiles = Object.keys(last).filter((path) => path.startsWith(folder.folder));
  const current = lastFiles.filter((path) => last[path]!.key === key);
  if (current.length > 0 && current.every((path) => target.isCurrent(path, key))) {
    for (const path of current) target.keep(path, key);
    return { kept: current.length, deferred: false };
  }
  if (defer && lastFiles.length > 0 && lastFiles.every((path) => target.isCurrent(path, last[path]!.key))) {
    for (const path of lastFiles) target.keep(path, last[path]!.key);
    return { kept: lastFiles.length, deferred: true };
  }
  for (const file of await withMarkdown(folder.make)) {
    if (!file.path.startsWith(folder.folder)) throw new Error(`${file.path} is outside ${folder.folder}`);
    await target.write(file.path, file.content, key);
  }
  return { kept: 0, deferred: false };
}

/**
 * Makes the output through a target (a fresh or spare copy of it, swapped in when complete),
 * then records it in the cache: on any failure the last good output stays.
 */
async function publish(
  out: string,
  store: CacheStore,
  last: CachedOutput | null,
  options: BuildOptions,
  timer: ReturnType<typeof stageTimer>,
  make: (target: OutputTarget) => Promise<unknown>,
  remember: (written: WriteStats) => Promise<void>,
): Promise<WriteStats> {
  const lastOutput = last ? { files: last.files, spare: last.spare } : null;
  const target = await (options.target ?? ((known) => DiskTarget.open(out, store.folder, known)))(lastOutput);
  let written: WriteStats;
  try {
    await make(target);
    written = await timer.time('write', () => target.commit());
  } catch (err) {
    await target.abort();
    throw err;
  }
  await timer.time('cache', () => remember(written));
  await target.settle();
  return written;
}

interface PublicFile {
  /** Path under the output folder. */
  path: string;
  source: string;
  size: number;
  mtimeMs: number;
}

/** The default theme's public files, overridden by the root's of the same name. */
function listPublicFiles(root: string): PublicFile[] {
  const files = new Map<string, PublicFile>();
  for (const folder of themeRoots(root).map((base) => join(base, 'public'))) {
    let paths: string[];
    try {
      paths = listFiles(folder);
    } catch {
      paths = [];
    }
    for (const path of paths) {
      const source = join(folder, path);
      const info = statSync(source);
      files.set(path, { path, source, size: info.size, mtimeMs: info.mtimeMs });
    }
  }
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The texts of the files that have problems, for code frames. */
async function sourcesOf(root: string, diagnostics: Diagnostic[]): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const file of new Set(diagnostics.map((d) => d.file))) {
    const read = await readTextFile(root, file);
    if (read.ok) sources.set(file, read.text);
  }
  return sources;
}

function summary(
  timer: ReturnType<typeof stageTimer>,
  out: string,
  counts: { records: number; pages: number; draftsLeftOut: number },
  written: { written: number; unchanged: number; removed: number },
  reused: BuildSummary['reused'],
  processed: number,
  diagnostics: Diagnostic[],
  notes: string[],
  deferred: string[],
): BuildSummary {
  return {
    out,
    ...counts,
    written: written.written,
    unchanged: written.unchanged,
    removed: written.removed,
    reused,
    processed,
    deferred,
    warnings: sortDiagnostics(diagnostics.filter((d) => d.severity === 'warning')),
    notes,
    timings: timer.timings,
    ms: timer.total(),
  };
}

function stageTimer() {
  const timings: StageTiming[] = [];
  const started = performance.now();
  function time<T>(stage: string, run: () => T): T {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    const record = () => {
      const ms = performance.now() - start;
      const { user, system } = process.cpuUsage(startCpu);
      const cpuMs = (user + system) / 1000;
      const rss = process.memoryUsage.rss();
      const existing = timings.find((t) => t.stage === stage);
      if (existing) {
        existing.ms += ms;
        existing.cpuMs += cpuMs;
        existing.rss = rss;
      } else timings.push({ stage, ms, cpuMs, rss });
    };
    const result = run();
    if (result instanceof Promise) return result.finally(record) as T;
    record();
    return result;
  }
  return { timings, time, total: () => performance.now() - started };
}
