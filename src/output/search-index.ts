/**
 * The search index (site.yaml `search: true`): Pagefind's files under `pagefind/`, made from
 * the records' content, not from the rendered pages, so the index depends on the records
 * alone (every part of each: the words of task titles, summary, analysis, tags and projects;
 * the title and date to show; tags and year to filter by; date and weighted leverage to sort
 * by) and not on the theme's markup.
 *
 * Each record goes to Pagefind as a small HTML document of its own (not its page): the
 * summary, titles and analysis are HTML already, and Pagefind reads HTML itself; turning them
 * into text here, for custom records, took longer than Pagefind's whole indexing.
 *
 * Pagefind runs as its own binary, which comes as an npm package for each platform
 * (`@pagefind/linux-x64`, ...): nothing is downloaded at build time. Without it the build fails
 * before anything is written, naming the package to install.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTMLFile, PagefindIndex } from 'pagefind';
import { escapeHtml } from '../escape.js';
import { BuildError, error } from '../diagnostics.js';
import { MarkdownPipelineNeeded } from '../markdown/render.js';
import type { SiteConfig } from '../config/types.js';
import type { RecordContent, SiteModel } from '../site/types.js';
import { ALL_PARTS } from '../site/listing.js';
import { PACKAGE_ROOT } from '../render/theme.js';
import type { FolderFile, OutputFile, OutputFolder } from './site-files.js';

export const SEARCH_FOLDER = 'pagefind/';
export const SEARCH_SCRIPT = 'search.js';

/** Pagefind writes three user interfaces; the search page uses the default one (pagefind-ui). */
const UNUSED = new Set([
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
]);

/** The index and the search page's script, when the site has search. */
export function searchFiles(model: SiteModel, config: SiteConfig): (OutputFile | OutputFolder)[] {
  if (!config.search) return [];
  const script = readFileSync(join(PACKAGE_ROOT, 'templates', SEARCH_SCRIPT), 'utf8');
  const index: OutputFolder = {
    folder: SEARCH_FOLDER,
    dependsOn: [{ records: 'all', parts: ALL_PARTS }, { value: `pagefind ${pagefindVersion()}` }],
    make: () => {
      const { summaries, content } = model.records;
      const recordAt = (i: number): HTMLFile => {
        const record = content(i);
        return { url: `${model.site.basePath}${record.url}`, content: searchDocument(record, model.site.language) };
      };
      return pagefindFiles(summaries.length, recordAt, model.site.language);
    },
  };
  return [index, { path: SEARCH_SCRIPT, dependsOn: [{ value: script }], make: () => script }];
}

/** A record as Pagefind reads it: what it shows and filters by (left out of the words), then its words. */
export function searchDocument(record: RecordContent, language: string): string {
  const tags = record.tags.map((tag) => escapeHtml(tag.text));
  const projects = [...new Set(record.rows.map((row) => row.project).filter((p): p is string => p !== null))];
  return [
    `<html lang="${escapeHtml(language)}"><body>`,
    '<div data-pagefind-ignore>',
    `<h1 data-pagefind-meta="title">${escapeHtml(record.title)}</h1>`,
    `<p data-pagefind-meta="date">${escapeHtml(record.dateLong)}</p>`,
    ...tags.map((tag) => `<p data-pagefind-filter="tags">${tag}</p>`),
    `<p data-pagefind-filter="year">${record.date.slice(0, 4)}</p>`,
    `<p data-pagefind-sort="date">${record.date}</p>`,
    `<p data-pagefind-sort="leverage">${record.totals.leverage.toFixed(3)}</p>`,
    '</div>',
    record.summaryHtml ? `<p>${record.summaryHtml}</p>` : '',
    `<ul>${record.rows.map((row) => `<li>${row.taskHtml}</li>`).join('')}</ul>`,
    record.bodyHtml,
    `<p>${[...tags, ...projects.map(escapeHtml)].join(', ')}</p>`,
    '</body></html>',
  ].join('\n');
}

/** Pagefind's files for these records, by path under the output folder, in path order. */
async function pagefindFiles(count: number, recordAt: (i: number) => HTMLFile, language: string): Promise<FolderFile[]> {
  const index = await createIndex(await startPagefind(), language);
  try {
    // Each record is sent as soon as it is made: Pagefind, another process, indexes it while
    // this thread makes the next (the index comes out the same as when each is awaited).
    const sent: Promise<{ url: string; errors: string[] }>[] = [];
    for (let i = 0; i < count; i++) {
      const record = recordAt(i);
      const added = index.addHTMLFile(record).then((response) => ({ url: record.url ?? '', errors: response.errors }));
      added.catch(() => undefined); // awaited below; not unhandled if this loop throws first
      sent.push(added);
    }
    for (const added of await Promise.all(sent)) {
      if (added.errors.length) throw pagefindFailed(`${added.url}: ${added.errors.join('; ')}`);
    }
    const { files, errors } = await index.getFiles();
    if (errors.length) throw pagefindFailed(errors.join('; '));
    return files
      .filter((file) => !UNUSED.has(file.path))
      .map((file) => ({ path: `${SEARCH_FOLDER}${file.path}`, content: file.content }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
  } catch (err) {
    throw err instanceof BuildError || err instanceof MarkdownPipelineNeeded ? err : pagefindFailed(String((err as Error)?.message ?? err));
  } finally {
    await index.deleteIndex().catch(() => undefined);
  }
}

type Pagefind = typeof import('pagefind');

const INSTALL = 'npm install pagefind (it brings the binary for this platform as @pagefind/<platform>)';

/**
 * Pagefind's Node module, once its binary is known to be there: Pagefind starts it on first
 * use and, when it cannot, prints a stack trace and reports only that its "backend closed".
 */
async function startPagefind(): Promise<Pagefind> {
  let pagefind: Pagefind;
  try {
    pagefind = await import('pagefind');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw err;
    throw missingPagefind('the package pagefind is not installed');
  }
  const named = binaryFromEnvironment();
  if (named) {
    try {
      accessSync(named.path, constants.X_OK);
    } catch {
      throw missingPagefind(`${named.variable} names ${named.path}, which is not an executable file`);
    }
  }
  return pagefind;
}

/** A new index; Pagefind fails here when it finds no binary for this platform. */
async function createIndex(pagefind: Pagefind, language: string): Promise<PagefindIndex> {
  let created: Awaited<ReturnType<Pagefind['createIndex']>>;
  try {
    created = await pagefind.createIndex({ forceLanguage: language });
  } catch (err) {
    throw missingPagefind(String((err as Error)?.message ?? err).split('\n')[0]!);
  }
  if (!created.index) throw pagefindFailed(created.errors.join('; '));
  return created.index;
}

/** Pagefind's binary named by an environment variable, which Pagefind reads before its package. */
function binaryFromEnvironment(): { variable: string; path: string } | null {
  for (const variable of ['PAGEFIND_EXTENDED_BINARY_PATH', 'PAGEFIND_BINARY_PATH']) {
    const path = process.env[variable];
    if (path) return { variable, path };
  }
  return null;
}

/** Part of the index's key: another Pagefind writes another index. */
function pagefindVersion(): string {
  try {
    const packageJson = new URL('../package.json', import.meta.resolve('pagefind'));
    return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
  } catch {
    return 'missing';
  }
}

function missingPagefind(reason: string): BuildError {
  return new BuildError([error('site.yaml', 0, 0, `search: true needs Pagefind's binary, which cannot be run: ${reason}`, INSTALL)]);
}

function pagefindFailed(reason: string): BuildError {
  return new BuildError([error('site.yaml', 0, 0, `search: true: Pagefind could not make the index: ${reason}`)]);
}
