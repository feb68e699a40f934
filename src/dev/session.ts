/**
 * `leverage dev`: builds the site into memory, serves it, watches the root and rebuilds on
 * every change, with the same build as `leverage build` (a cache and an output in memory):
 * what a change touches is made again, and the open pages showing it reload. A bad record's
 * error goes to the terminal and, as an overlay, to the open pages, while the last good site
 * stays served; a warning goes to the terminal when a build first has it.
 */
import { statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { BuildFailed, build } from '../build.js';
import { BuildError } from '../diagnostics.js';
import { loadConfig } from '../config/load.js';
import { readTextFile } from '../config/text-file.js';
import { loadMarkdownPipeline } from '../markdown/render.js';
import { memoryCache } from '../incremental/store.js';
import { MemorySite, memoryTarget } from './memory-output.js';
import { WatchedFileStates } from './file-states.js';
import { RELOAD_SCRIPT } from './reload-script.js';
import { startServer, type DevServer } from './server.js';

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
  /** Resolves when the rebuilds queued so far are done, that of a deferred search index too (for tests). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const WATCHED = ['records', 'templates', 'public'];
/**
 * After a rebuild that left the search index behind (build's `deferFolders`), how long the
 * root must stay unchanged before the index is made: a burst of saves is served page by page
 * without an index made between them.
 */
const DEFERRED_AFTER_MS = 300;
/** chokidar's: a file's 'change' within this time of its last one is not reported. */
const WATCHER_THROTTLE_MS = 50;
const RENDER = { injectBeforeBodyEnd: RELOAD_SCRIPT };

export async function startDev(options: DevOptions): Promise<DevSession> {
  // The server renders edits as they come, in code that cannot wait: load the whole of Markdown once, up front.
  await loadMarkdownPipeline();
  const root = resolve(options.root);
  const site = new MemorySite();
  const store = memoryCache(async () => site.files.size > 0);
  const fileStates = new WatchedFileStates();
  let problem: string | null = null;
  /** The last build's warnings: a rebuild prints those it did not have, once. */
  let warned = new Set<string>();
  let server: DevServer | null = null;

  const report = async (diagnostics: readonly Diagnostic[], sources?: Map<string, string>) => {
    const text = await describe(root, diagnostics, sources);
    if (text === problem) return;
    problem = text;
    options.log(text);
    server?.broadcast('problem', text);
  };

  // A rebuild after an edit leaves a slow folder (the search index) as it was, so the edited
  // page is served at once; the folder is made by a rebuild once the root has been quiet.
  let deferredTimer: NodeJS.Timeout | null = null;
  /** The folders the last build left as they were: the next build without deferring makes them. */
  let behind: string[] = [];
  const rebuild = async (deferFolders: boolean) => {
    const changed: string[] = [];
    try {
      const summary = await build({
        root,
        out: join(root, '.leverage-dev'),
        drafts: options.drafts,
        store,
        statFiles: fileStates.stat,
        render: RENDER,
        deferFolders,
        target: async () => memoryTarget(site, (path) => changed.push(path)),
      });
      const fresh = summary.warnings.filter((d) => !warned.has(warningKey(d)));
      warned = new Set(summary.warnings.map(warningKey));
      if (fresh.length) options.log(await describe(root, fresh));
      const follows = summary.deferred.length ? `; ${summary.deferred.join(', ')} follows` : '';
      options.log(`rebuilt: ${summary.written} files changed, ${summary.unchanged} unchanged (${Math.round(summary.ms)} ms)${follows}`);
      if (summary.deferred.length) scheduleDeferred();
      if (problem) server?.broadcast('ok', null);
      problem = null;
      // A folder made whole (the search index) reloads every page that loaded a file of it,
      // even one it fetched from a worker, which the page cannot list: `/pagefind/*`.
      const madeFolders = deferFolders ? [] : behind.filter((folder) => changed.some((path) => path.startsWith(folder)));
      behind = summary.deferred;
      // A page removed (a record deleted) is reloaded too: it then shows the 404 page.
      const urls = [...changed.map((p) => basePath + urlOf(p)), ...madeFolders.map((folder) => `${basePath}/${folder}*`)];
      if (urls.length) server?.broadcast('reload', urls);
    } catch (err) {
      if (err instanceof BuildFailed) await report(err.diagnostics, err.sources);
      else if (err instanceof BuildError) await report(err.diagnostics);
      else throw err;
    }
  };

  // Changes arrive in bursts (an editor's save is several events, and the watcher drops a
  // file's second change within 50 ms): wait for a pause, then rebuild. At 10 ms a rebuild
  // could read a file half written and miss the change that completed it.
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const queue = (deferFolders: boolean) => {
    running = running.then(() => rebuild(deferFolders)).catch((err) => options.log(`leverage dev: ${(err as Error).message}`));
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    // The rebuild this change brings defers the folder again, and schedules it again.
    if (deferredTimer) clearTimeout(deferredTimer);
    deferredTimer = null;
    timer = setTimeout(() => {
      timer = null;
      queue(true);
    }, 25);
  };
  const scheduleDeferred = () => {
    if (deferredTimer) clearTimeout(deferredTimer);
    deferredTimer = setTimeout(() => {
      deferredTimer = null;
      queue(false);
    }, DEFERRED_AFTER_MS);
  };

  const { config } = await loadConfig(root);
  const basePath = config.basePath;
  await rebuild(false);
  server = await startServer(site, { port: options.port, host: options.host, basePath, currentProblem: () => problem });

  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    ignored: (path) => !isWatched(relative(root, path)),
  });
  // The watcher drops a file's second change within 50 ms of its first: a file is looked at
  // again once that time is past, and rebuilt from if it changed since its event.
  const lookAgain = new Set<NodeJS.Timeout>();
  const rebuildFor = (path: string) => {
    fileStates.changed(relative(root, path));
    schedule();
  };
  watcher.on('all', (_event, path) => {
    rebuildFor(path);
    const seen = fileState(path);
    const again = setTimeout(() => {
      lookAgain.delete(again);
      if (fileState(path) !== seen) rebuildFor(path);
    }, WATCHER_THROTTLE_MS + 10);
    lookAgain.add(again);
  });
  await new Promise<void>((resolveReady) => watcher.once('ready', () => resolveReady()));
  // A file changed before the watcher was ready is not missed by the next rebuild.
  fileStates.clear();

  return {
    url: server.url,
    idle: async () => {
      do {
        while (timer || deferredTimer || lookAgain.size) await new Promise((r) => setTimeout(r, 10));
        await running;
      } while (timer || deferredTimer || lookAgain.size);
    },
    close: async () => {
      for (const again of lookAgain) clearTimeout(again);
      if (timer) clearTimeout(timer);
      if (deferredTimer) clearTimeout(deferredTimer);
      await watcher.close();
      await running;
      await server?.close();
    },
  };
}

/** The URL of an output file: `records/x/index.html` → `/records/x/`. */
export function urlOf(path: string): string {
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** A file's size and time as one value, or null when it is not there. */
function fileState(path: string): string | null {
  try {
    const { size, mtimeMs } = statSync(path);
    return `${size}\0${mtimeMs}`;
  } catch {
    return null;
  }
}

function isWatched(rel: string): boolean {
  if (rel === '' || rel === 'site.yaml') return true;
  const top = rel.split(sep)[0]!;
  return WATCHED.includes(top);
}

const warningKey = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}: ${d.message}`;

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
