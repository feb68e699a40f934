/**
 * `leverage dev`: builds the site into memory, serves it, watches the root and rebuilds
 * what a change touches. An edited record's page is served first (quick-update.ts); the
 * incremental build that follows updates everything else. A bad record's error goes to the
 * terminal and, as an overlay, to the open pages, while the last good site stays served.
 */
import { join, relative, resolve, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { BuildFailed, build, buildKeys, compiledTheme } from '../build.js';
import { BuildError } from '../diagnostics.js';
import { loadConfig } from '../config/load.js';
import { readTextFile } from '../config/text-file.js';
import { loadTheme } from '../render/theme.js';
import { createRenderer, type Renderer } from '../render/render.js';
import type { RecordPage } from '../site/types.js';
import { siteInfo } from '../site/pages.js';
import { loadMarkdownPipeline } from '../markdown/render.js';
import { memoryCache } from '../incremental/store.js';
import { generatorFingerprint } from '../incremental/fingerprint.js';
import { MemorySite, memoryTarget } from './memory-output.js';
import { RELOAD_SCRIPT } from './reload-script.js';
import { startServer, type DevServer } from './server.js';
import { quickRecordUpdate, urlOf } from './quick-update.js';

export interface DevOptions {
  root: string;
  port: number;
  /** The address to listen on (default 127.0.0.1). */
  host?: string;
  drafts: boolean;
  log: (line: string) => void;
}

export interface DevSession {
  url: string;
  /** Resolves when the rebuilds queued so far are done (for tests). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const WATCHED = ['records', 'templates', 'public'];
const RENDER = { injectBeforeBodyEnd: RELOAD_SCRIPT };
/** How long the full rebuild after a quick update waits for an open page to fetch the page reloaded. */
const RELOAD_WAIT_MS = 500;

export async function startDev(options: DevOptions): Promise<DevSession> {
  // The server renders edits as they come, in code that cannot wait: load the whole of Markdown once, up front.
  await loadMarkdownPipeline();
  const root = resolve(options.root);
  const site = new MemorySite();
  const store = memoryCache(async () => site.files.size > 0);
  let problem: string | null = null;
  let server: DevServer | null = null;

  const report = async (diagnostics: readonly Diagnostic[], sources?: Map<string, string>) => {
    const text = await describe(root, diagnostics, sources);
    if (text === problem) return;
    problem = text;
    options.log(text);
    server?.broadcast('problem', text);
  };

  // What the quick path starts from: the last good build's record pages, and a renderer
  // made again only when the theme or the config changed.
  let lastPages = new Map<string, RecordPage>();
  let renderer: { key: string; renderer: Renderer } | null = null;

  const fullBuild = async () => {
    const changed: string[] = [];
    try {
      const summary = await build({
        root,
        out: join(root, '.leverage-dev'),
        drafts: options.drafts,
        store,
        render: RENDER,
        target: async () => memoryTarget(site, (path) => changed.push(path)),
        onModel: (model) => {
          lastPages = new Map(
            model.pages.filter((p): p is RecordPage => p.template === 'record').map((p) => [p.record.date, p]),
          );
        },
      });
      options.log(`rebuilt: ${summary.written} files changed, ${summary.unchanged} unchanged (${Math.round(summary.ms)} ms)`);
      if (problem) server?.broadcast('ok', null);
      problem = null;
      if (changed.length) server?.broadcast('reload', changed.map((p) => basePath + urlOf(p)));
    } catch (err) {
      if (err instanceof BuildFailed) await report(err.diagnostics, err.sources);
      else if (err instanceof BuildError) await report(err.diagnostics);
      else throw err;
    }
  };

  const quickUpdate = async (files: string[]) => {
    const entries = store.lastRecords();
    if (!entries || problem) return;
    const { config } = await loadConfig(root);
    const theme = await loadTheme(root);
    const { globalKey } = buildKeys(config, theme, RENDER);
    if (renderer?.key !== globalKey) {
      const site = siteInfo(config);
      // Compiling the theme anew took the first edit 0.1-0.2 s: the last build's is taken when it is this theme.
      const last = (await store.readManifest(generatorFingerprint())).value?.output?.theme;
      renderer = { key: globalKey, renderer: createRenderer(await compiledTheme(theme, site, last), site, RENDER) };
    }
    const context = { root, config, renderer: renderer.renderer, globalKey, drafts: options.drafts, entries, pages: lastPages };
    const result = quickRecordUpdate(context, files, site);
    if (!result.ok) return report(result.diagnostics);
    // The full rebuild that follows holds the server up for a while (0.3 s at 4000 records):
    // it waits until the open page has fetched its new version.
    await server?.reload(result.urls.map((u) => basePath + u), RELOAD_WAIT_MS);
  };

  // Changes arrive in bursts (an editor's save is several events): gather them, then rebuild.
  const pending = new Set<string>();
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const schedule = (path: string) => {
    pending.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const paths = [...pending];
      pending.clear();
      running = running.then(() => rebuild(paths)).catch((err) => options.log(`leverage dev: ${(err as Error).message}`));
    }, 25);
  };
  const rebuild = async (paths: string[]) => {
    const records = paths.filter((p) => p.startsWith(`records/`) && p.endsWith('.md'));
    if (records.length === paths.length) await quickUpdate(records);
    await fullBuild();
  };

  const { config } = await loadConfig(root);
  const basePath = config.basePath;
  await fullBuild();
  server = await startServer(site, { port: options.port, host: options.host, basePath, currentProblem: () => problem });

  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    ignored: (path) => !isWatched(relative(root, path)),
  });
  watcher.on('all', (_event, path) => schedule(relative(root, path).split(sep).join('/')));
  await new Promise<void>((resolveReady) => watcher.once('ready', () => resolveReady()));

  return {
    url: server.url,
    idle: async () => {
      while (timer || pending.size) await new Promise((r) => setTimeout(r, 10));
      await running;
    },
    close: async () => {
      if (timer) clearTimeout(timer);
      await watcher.close();
      await running;
      await server?.close();
    },
  };
}

function isWatched(rel: string): boolean {
  if (rel === '' || rel === 'site.yaml') return true;
  const top = rel.split(sep)[0]!;
  return WATCHED.includes(top);
}

async function describe(root: string, diagnostics: readonly Diagnostic[], sources?: Map<string, string>): Promise<string> {
  const lines: string[] = [];
  for (const d of diagnostics) {
    let source = sources?.get(d.file);
    if (source === undefined && d.line > 0) {
      const read = await readTextFile(root, d.file);
      if (read.ok) source = read.text;
    }
    lines.push(formatDiagnostic(d, source));
  }
  return lines.join('\n');
}
