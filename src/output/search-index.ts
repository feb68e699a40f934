/**
 * The search index (site.yaml `search: true`): Pagefind's files under `pagefind/`, made from
 * the records' content, not from the rendered pages, so the index depends on the records
 * alone (every part of each: the words of titles, summary, analysis, tags and projects; the
 * date and weighted leverage as filters and sorts) and not on the theme's markup.
 *
 * Pagefind runs as its own binary, which comes as an npm package for each platform
 * (`@pagefind/linux-x64`, ...): nothing is downloaded at build time. Without it the build fails
 * before anything is written, naming the package to install.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { toText } from 'hast-util-to-text';
import type { CustomRecord, PagefindIndex } from 'pagefind';
import { BuildError, error } from '../diagnostics.js';
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
      const records = summaries.map((_, i) => searchRecord(content(i), model.site.basePath, model.site.language));
      return pagefindFiles(records, model.site.language);
    },
  };
  return [index, { path: SEARCH_SCRIPT, dependsOn: [{ value: script }], make: () => script }];
}

/** What the index holds of a record: its words, and its title, date, tags and leverage to show, filter and sort by. */
export function searchRecord(record: RecordContent, basePath: string, language: string): CustomRecord {
  const tags = record.tags.map((tag) => tag.text);
  const projects = [...new Set(record.rows.map((row) => row.project).filter((p): p is string => p !== null))];
  const words = [
    record.summaryText,
    ...record.rows.map((row) => row.taskText),
    analysisText(record.bodyHtml),
    ...tags,
    ...projects,
  ];
  return {
    url: `${basePath}${record.url}`,
    language,
    content: words.filter((text) => text !== '').join('\n'),
    meta: { title: record.title, date: record.dateLong },
    filters: { tags, year: [record.date.slice(0, 4)] },
    sort: { date: record.date, leverage: record.totals.leverage.toFixed(3) },
  };
}

const htmlParser = unified().use(rehypeParse, { fragment: true });

function analysisText(html: string): string {
  return html === '' ? '' : toText(htmlParser.parse(html));
}

/** Pagefind's files for these records, by path under the output folder, in path order. */
async function pagefindFiles(records: readonly CustomRecord[], language: string): Promise<FolderFile[]> {
  const index = await createIndex(await startPagefind(), language);
  try {
    for (const record of records) {
      const added = await index.addCustomRecord(record);
      if (added.errors.length) throw pagefindFailed(`${record.url}: ${added.errors.join('; ')}`);
    }
    const { files, errors } = await index.getFiles();
    if (errors.length) throw pagefindFailed(errors.join('; '));
    return files
      .filter((file) => !UNUSED.has(file.path))
      .map((file) => ({ path: `${SEARCH_FOLDER}${file.path}`, content: file.content }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
  } catch (err) {
    throw err instanceof BuildError ? err : pagefindFailed(String((err as Error)?.message ?? err));
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
