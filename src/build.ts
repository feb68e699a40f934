/**
 * build(): the whole pipeline, stage by stage, each timed.
 *
 *   files ─▶ records ─▶ numbers & content ─▶ page models ─▶ HTML ─▶ dist/
 *
 * Incremental: record files unchanged since the last build are taken from the cache
 * (incremental/), pages whose model is unchanged are not rendered again, and only files
 * whose bytes changed are written. When no input changed at all, nothing is done; when only
 * a few records changed, in what their own pages alone show, those pages are made again from
 * what the last build kept (incremental/quick-rebuild.ts). The output is byte-identical to a
 * build without cache.
 */
import { join, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { BuildError, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { loadConfig } from './config/load.js';
import { readTextFile } from './config/text-file.js';
import { scanRecordFiles } from './records/files.js';
import { buildSiteModel, siteInfo } from './site/pages.js';
import type { RecordContent, SiteInfo, SiteModel } from './site/types.js';
import { loadTheme, PACKAGE_ROOT, type ThemeSources } from './render/theme.js';
import { precompiledTheme } from './render/default-theme.js';
import { compileTheme, createRenderer, type CompiledTheme, type Renderer, type RenderOptions } from './render/render.js';
import { feedEntries, feedFiles, siteFiles } from './output/site-files.js';
import type { FeedEntry } from './output/feeds.js';
import { planQuickRebuild, quickState, type QuickPlan } from './incremental/quick-rebuild.js';
import {
  checkOutputFolder,
  DiskTarget,
  InPlaceTarget,
  listFiles,
  OUTPUT_MARK,
  OUTPUT_MARK_TEXT,
  OutputEdited,
  recover,
  type LastOutput,
  type OutputTarget,
  type WriteStats,
} from './output/write.js';
import { loadRecords, statFiles, type LoadedRecords } from './incremental/records.js';
import { withMarkdown } from './markdown/render.js';
import { fingerprint, generatorFingerprint } from './incremental/fingerprint.js';
import { pageKey } from './incremental/keys.js';
import { diskCache, noCache, type CacheStore } from './incremental/store.js';
import type { LeverageRecord } from './records/types.js';
import type { SiteConfig } from './config/types.js';

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
  target?: (last: LastOutput | null) => Promise<OutputTarget>;
  /** Progress of long builds: `records 1200/4000`, `pages 300/4300`. */
  onProgress?: (stage: 'records' | 'pages', done: number, total: number) => void;
  /** For the dev server: the model of a successful build. */
  onModel?: (model: SiteModel) => void;
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
  /** Files written because their bytes changed. */
  written: number;
  /** Files left as they were. */
  unchanged: number;
  removed: number;
  /** Record files parsed and rendered (the rest came from the cache). */
  processed: number;
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

export async function build(options: BuildOptions): Promise<BuildSummary> {
  try {
    return await buildOnce(options, true);
  } catch (err) {
    if (!(err instanceof OutputEdited)) throw err;
    // The output is not what the cache says: make all of it again.
    const summary = await buildOnce(options, false);
    summary.notes.unshift(`the last output changed since it was built (${err.path} is gone); wrote all of it again`);
    return summary;
  }
}

async function buildOnce(options: BuildOptions, trustLastOutput: boolean): Promise<BuildSummary> {
  const root = resolve(options.root);
  const out = resolve(options.out ?? join(root, 'dist'));
  const drafts = options.drafts ?? false;
  const store = options.store ?? (options.cache === false ? noCache() : diskCache(root));
  const timer = stageTimer();
  checkOutputFolder(root, out);

  // A bad setting keeps its default, so the records are still read and every problem of
  // the config and the records is reported in one run.
  const loaded = await timer.time('config', () => loadConfig(root));
  const config = loaded.config;
  const theme = await timer.time('theme', () => loadTheme(root));
  const publicFiles = await timer.time('public', () => listPublicFiles(root));
  const scan = await timer.time('scan', () => scanRecordFiles(root));
  const fileStates = await timer.time('stat', () => statFiles(root, scan.files));

  const generator = generatorFingerprint();
  const { recordsKey, globalKey } = buildKeys(config, theme, options.render);
  const inputs = fingerprint(globalKey, drafts, publicFiles, scan.diagnostics, fileStates);
  const notes: string[] = [];
  const manifest = await timer.time('cache', () => store.readManifest(generator));
  if (manifest.discarded) notes.push(manifest.discarded);
  // An interrupted build may have left the output other than the cache says: then trust neither.
  const repaired = options.target ? false : await recover(out, store.folder);
  const known = trustLastOutput && !repaired && manifest.value?.output?.out === out;
  const lastOutput = known && (await store.outputExists(out)) ? manifest.value!.output : null;

  const nothingChanged = lastOutput?.inputs === inputs && !hasErrors(loaded.diagnostics);
  if (nothingChanged && lastOutput.summary) {
    const unchanged = { written: 0, unchanged: Object.keys(lastOutput.files).length, removed: 0 };
    return summary(timer, out, lastOutput.summary, unchanged, 0, [...loaded.diagnostics, ...lastOutput.summary.warnings], notes);
  }

  const site = await withMarkdown(() => siteInfo(config));
  const others = fingerprint(globalKey, drafts, publicFiles, scan.diagnostics, scan.files);
  // An edit that only its record's own page shows: that page, and the feeds, from what the last build kept.
  const canBeQuick = lastOutput?.theme?.hash === theme.hash && !options.onModel && !hasErrors(loaded.diagnostics);
  const quick = canBeQuick ? manifest.value?.quick : null;
  const plan =
    quick &&
    (await withMarkdown(() =>
      timer.time('quick', () => planQuickRebuild({ root, config, theme, site, globalKey, others, states: fileStates, last: quick })),
    ));
  if (plan && lastOutput) {
    const renderer = timer.time('templates', () => createRenderer(lastOutput.theme.compiled, site, options.render));
    const written = await publish(out, store, lastOutput, { ...options, inPlace: true }, timer, (target) =>
      timer.time('render', () => writeQuickRebuild(plan, lastOutput.files, renderer, site, target)),
      (written) => store.writeOutput(generator, { ...lastOutput, inputs, files: written.files, spare: written.spare }, plan.state),
    );
    const warnings = [...loaded.diagnostics, ...lastOutput.summary.warnings];
    return summary(timer, out, lastOutput.summary, written, plan.processed, warnings, notes);
  }

  const cachedRecords = await timer.time('cache', () => store.readRecords(recordsKey));
  if (cachedRecords.discarded) notes.push(cachedRecords.discarded);
  const reading = timer.time('records', () =>
    loadRecords(root, config, scan, fileStates, cachedRecords.value ?? {}, { drafts }, (done, total) =>
      options.onProgress?.('records', done, total),
    ),
  );
  // When worker threads read the records, this thread compiles the templates meanwhile.
  const lastTheme = manifest.value?.output?.theme;
  const compiled = await compileWhileReading(() => compiledTheme(theme, site, lastTheme), reading, timer);
  const renderer = timer.time('templates', () => createRenderer(compiled, site, options.render));
  const read = await reading;
  // Kept now, while the process is small: the records stay valid whatever becomes of this build.
  if (read.dirty) await timer.time('cache', () => store.writeRecords(recordsKey, read.entries));
  const diagnostics = [...loaded.diagnostics, ...read.diagnostics];
  if (hasErrors(diagnostics)) throw new BuildFailed(diagnostics, await sourcesOf(root, diagnostics));

  const model = await withMarkdown(() => timer.time('pages', () => buildSiteModel(read.records, read.contents, config)));
  const feed = feedEntries(model, config.feedRecords);
  const exportsKey = fingerprint(recordsKey, read.records.map((record) => read.entries[record.file]!.exportsKey));
  const counts = { records: read.records.length, pages: model.pages.length };
  const warnings = read.diagnostics.filter((d) => d.severity === 'warning');
  const written = await publish(
    out,
    store,
    lastOutput,
    options,
    timer,
    async (target) => {
      await timer.time('render', () => renderPages(model, renderer, target, contentKeys(read), globalKey, options));
      await timer.time('files', () => writeSiteFiles(model, read.records, config, exportsKey, feed, publicFiles, target));
    },
    (written) => {
      options.onModel?.(model);
      const { files, spare } = written;
      const output = { out, inputs, files, spare, summary: { ...counts, warnings }, theme: { hash: theme.hash, compiled } };
      return store.writeOutput(generator, output, quickState(others, read.entries, read.records, model, feed));
    },
  );
  return summary(timer, out, counts, written, read.processed, diagnostics, notes);
}

/**
 * What cached work depends on: records on the generator and the config (`recordsKey`),
 * pages also on the theme and render options (`globalKey`).
 */
export function buildKeys(config: SiteConfig, theme: ThemeSources, render?: RenderOptions) {
  const recordsKey = fingerprint(generatorFingerprint(), config);
  return { recordsKey, globalKey: fingerprint(recordsKey, theme.hash, render ?? {}) };
}

/** The theme compiled: as the last build compiled it, as shipped with the package, or compiled now. */
export function compiledTheme(
  theme: ThemeSources,
  site: SiteInfo,
  last: { hash: string; compiled: CompiledTheme } | undefined,
): CompiledTheme | Promise<CompiledTheme> {
  return last?.hash === theme.hash ? last.compiled : (precompiledTheme(theme.hash) ?? compileTheme(theme, site));
}

/** Each record's content → the hash of its file, for page keys. */
export function contentKeys(read: {
  records: LeverageRecord[];
  contents: RecordContent[];
  entries: Record<string, { hash: string }>;
}): Map<RecordContent, string> {
  return new Map(read.contents.map((content, i) => [content, read.entries[read.records[i]!.file]!.hash]));
}

/** The theme compiled; when that fails, the records being read are waited for first. */
async function compileWhileReading(
  compile: () => CompiledTheme | Promise<CompiledTheme>,
  reading: Promise<LoadedRecords>,
  timer: ReturnType<typeof stageTimer>,
): Promise<CompiledTheme> {
  try {
    return await timer.time('templates', compile);
  } catch (err) {
    await reading.catch(() => undefined);
    throw err;
  }
}

/**
 * Makes the output through a target (a fresh or spare copy of it, swapped in when complete),
 * then records it in the cache: on any failure the last good output stays.
 */
async function publish(
  out: string,
  store: CacheStore,
  lastOutput: LastOutput | null,
  /** inPlace: change the few files of a quick rebuild in the output folder itself (InPlaceTarget). */
  options: BuildOptions & { inPlace?: boolean },
  timer: ReturnType<typeof stageTimer>,
  make: (target: OutputTarget) => Promise<unknown>,
  remember: (written: WriteStats) => Promise<void>,
): Promise<WriteStats> {
  const inPlace = options.inPlace && store.folder && lastOutput;
  const openTarget =
    options.target ??
    (inPlace ? () => InPlaceTarget.open(out, store.folder!, lastOutput) : (last) => DiskTarget.open(out, store.folder, last));
  const target = await openTarget(lastOutput ? { files: lastOutput.files, spare: lastOutput.spare } : null);
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

async function renderPages(
  model: SiteModel,
  renderer: Renderer,
  target: OutputTarget,
  keys: Map<RecordContent, string>,
  globalKey: string,
  options: BuildOptions,
): Promise<void> {
  let done = 0;
  for (const page of model.pages) {
    const key = pageKey(page, keys, globalKey);
    if (target.isCurrent(page.outputPath, key)) await target.keep(page.outputPath);
    else await target.write(page.outputPath, renderer.render(page), key);
    if (++done % 500 === 0) options.onProgress?.('pages', done, model.pages.length);
  }
  options.onProgress?.('pages', done, model.pages.length);
}

async function writeSiteFiles(
  model: SiteModel,
  records: LeverageRecord[],
  config: SiteConfig,
  exportsKey: string,
  feed: FeedEntry[],
  publicFiles: PublicFile[],
  target: OutputTarget,
): Promise<void> {
  for (const file of siteFiles(model, records, config, exportsKey, feed)) {
    if (file.key && target.isCurrent(file.path, file.key)) await target.keep(file.path);
    else await target.write(file.path, file.content(), file.key);
  }
  await target.write(OUTPUT_MARK, OUTPUT_MARK_TEXT, '');
  for (const file of publicFiles) await target.write(file.path, await readFile(file.source), '');
}

/** Writes the pages and feeds of a quick rebuild again, and keeps every other file of the last build. */
async function writeQuickRebuild(
  plan: QuickPlan,
  lastFiles: Record<string, unknown>,
  renderer: Renderer,
  site: SiteInfo,
  target: OutputTarget,
): Promise<void> {
  const pages = new Map(plan.pages.map((item) => [item.page.outputPath, item]));
  const feeds = new Map(plan.feed ? feedFiles(site, plan.feed).map((file) => [file.path, file]) : []);
  for (const path of Object.keys(lastFiles)) {
    const page = pages.get(path);
    const feed = feeds.get(path);
    if (page && target.isCurrent(path, page.key)) await target.keep(path);
    else if (page) await target.write(path, renderer.render(page.page), page.key);
    else if (feed) await target.write(path, feed.content(), feed.key);
    else await target.keepCurrent(path);
  }
}

interface PublicFile {
  /** Path under the output folder. */
  path: string;
  source: string;
  size: number;
  mtimeMs: number;
}

/**
 * The default theme's public files, overridden by the root's of the same name. Listed with
 * synchronous calls, like the theme: every build, a quick rebuild too, lists these few files.
 */
function listPublicFiles(root: string): PublicFile[] {
  const files = new Map<string, PublicFile>();
  for (const folder of [join(PACKAGE_ROOT, 'public'), join(root, 'public')]) {
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
  counts: { records: number; pages: number },
  written: { written: number; unchanged: number; removed: number },
  processed: number,
  diagnostics: Diagnostic[],
  notes: string[],
): BuildSummary {
  return {
    out,
    ...counts,
    written: written.written,
    unchanged: written.unchanged,
    removed: written.removed,
    processed,
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
