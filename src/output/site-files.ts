/**
 * The files of a site that are not pages: data exports, feeds and the sitemap.
 *
 * Everything published comes from the site model or from the records with the site's aliases
 * applied (apply-aliases.ts), so no file holds a private name. Links are absolute in feeds
 * and the sitemap (site.yaml `url` + `basePath`), base-path prefixed in records.json.
 */
import { readFile } from 'node:fs/promises';
import type { SiteConfig } from '../config/types.js';
import { warning, type Diagnostic } from '../diagnostics.js';
import type { Dependency, RecordContent, RecordSummary, SiteInfo, SiteModel, TagGroup } from '../site/types.js';
import { tagDescription, tagFeedTitle } from '../site/pages.js';
import { monthUrl, outputPathFor, tagFeedUrls, tagUrl, yearUrl } from '../site/urls.js';
import type { SeriesContext } from '../site/series.js';
import { exportData, recordsJson, tasksCsv, type RecordData } from './exports.js';
import type { FileContent } from './write.js';
import type { Declared } from '../incremental/plan.js';
import { feedEntryHtml } from './feed-content.js';
import { atomFeed, jsonFeed, siteUrl, sitemap, type FeedEntry, type FeedSite } from './feeds.js';

export const ATOM_PATH = '/feed.xml';
export const JSON_FEED_PATH = '/feed.json';

/** A file of the output, declared: its path, what it depends on (as pages do), and how it is made. */
export interface OutputFile extends Declared {
  make: () => FileContent | Promise<FileContent>;
}

/** One of the files an OutputFolder makes: its path under the output folder (inside the folder). */
export interface FolderFile {
  path: string;
  content: FileContent;
}

/**
 * Files made together by one tool that names them itself (the search index: Pagefind's
 * content-hashed files), declared as one output: all of them are kept, or all made again and
 * the ones no longer made removed.
 */
export interface OutputFolder {
  /** The folder under the output folder, with a trailing slash: `pagefind/`. */
  folder: string;
  dependsOn: readonly Dependency[];
  make: () => Promise<readonly FolderFile[]>;
}

/**
 * The files that are not pages. Each is made when asked for, so that one large export is gone
 * before the next is made. Drafts (in a build with `--drafts`) have pages but reach none of
 * these files: a preview put online by mistake announces and exports only what is published.
 */
export function siteFiles(model: SiteModel, config: SiteConfig): OutputFile[] {
  const { summaries, record, content } = model.records;
  const indexes = summaries.map((_, index) => index);
  let made: RecordData[] | undefined;
  const data = () =>
    (made ??= indexes.filter((index) => !summaries[index]!.draft).map((index) => exportData({ record: record(index), content: content(index) }, config)));
  // The draft flag is in each record's numbers: a record made a draft or published again changes these files.
  const everyFigure: Dependency[] = [{ records: 'all', parts: ['numbers', 'text'] }];
  const newest = newestPublished(summaries, indexes, config);
  // A feed entry carries its record whole, with the highlights and milestones of its page.
  const feed: Dependency[] = [
    { records: newest.map(({ summary }) => summary.date), parts: ['numbers', 'text', 'body'] },
    { records: 'all', parts: ['numbers'] },
  ];
  const entries = () => newest.map(({ index }) => feedEntry(model.site, content(index), model.series));
  const siteFeed: FeedSite = feedSite(model.site, model.site.title, model.site.description);
  return [
    { path: 'data/records.json', dependsOn: everyFigure, make: () => recordsJson(data()) },
    { path: 'data/tasks.csv', dependsOn: everyFigure, make: () => tasksCsv(data()) },
    ...feedFiles(siteFeed, { atom: ATOM_PATH, json: JSON_FEED_PATH }, entries).map((file) => ({ ...file, dependsOn: feed })),
    ...model.tags.flatMap((tag) => tagFeeds(model, tag, config)),
    { path: 'sitemap.xml', dependsOn: [{ records: 'all', parts: ['numbers'] }], make: () => siteMap(model) },
  ];
}

/**
 * A tag's feeds: the site feed's entries for the tag's newest `feedRecords` records. Each
 * entry's highlights compare it with every earlier record, whatever its tags.
 */
function tagFeeds(model: SiteModel, tag: TagGroup, config: SiteConfig): OutputFile[] {
  const newest = newestPublished(tag.records, tag.indexes, config);
  const newestDate = newest[newest.length - 1]?.summary.date;
  if (newestDate === undefined) return []; // a tag of drafts only has no feed
  const dependsOn: Dependency[] = [
    { records: newest.map(({ summary }) => summary.date), parts: ['numbers', 'text', 'body'] },
    { records: { upTo: newestDate }, parts: ['numbers'] },
  ];
  const entries = () => newest.map(({ index }) => feedEntry(model.site, model.records.content(index), model.series));
  const site = feedSite(model.site, tagFeedTitle(model.site.title, tag.name), tagDescription(tag.name));
  const paths = { ...tagFeedUrls(tag.slug), page: tagUrl(tag.slug) };
  return feedFiles(site, paths, entries).map((file) => ({ ...file, dependsOn }));
}

interface Placed {
  summary: RecordSummary;
  /** Its place in the record set. */
  index: number;
}

/**
 * The newest `feedRecords` of some records that are not drafts, oldest first, with their
 * places in the record set (none when `feedRecords` is 0). Walks back from the newest: a tag
 * of thousands of records feeds a few.
 */
function newestPublished(summaries: readonly RecordSummary[], indexes: readonly number[], config: SiteConfig): Placed[] {
  const newest: Placed[] = [];
  for (let i = summaries.length - 1; i >= 0 && newest.length < config.feedRecords; i--) {
    const summary = summaries[i]!;
    if (!summary.draft) newest.push({ summary, index: indexes[i]! });
  }
  return newest.reverse();
}

/** A file beside a record written as `index.md` (records/files.ts), as found by a build. */
export interface AssetSource {
  /** The record's file. */
  record: string;
  /** The asset's file, relative to the root. */
  file: string;
  /** Its path from the record's folder. */
  name: string;
  /** Its absolute path. */
  source: string;
  size: number;
  mtimeMs: number;
}

/**
 * The files beside each record the build shows, copied next to its page (`diagram.png` beside
 * `records/2026/2026-03-02/index.md` → `records/2026-03-02/diagram.png`), so relative links
 * of its Markdown work. Like a public file, each depends on its source's path, size and time.
 * A file whose place another output file takes (`index.html`, the page itself) is not copied:
 * a warning says so.
 *
 * @param others every other output file
 */
export function recordAssetFiles(
  model: SiteModel,
  assets: readonly AssetSource[],
  others: readonly (OutputFile | OutputFolder)[],
): { files: OutputFile[]; diagnostics: Diagnostic[] } {
  // Most sites have none: then nothing is indexed (a dev rebuild of thousands of records would pay for it).
  if (assets.length === 0) return { files: [], diagnostics: [] };
  const taken = new Set(others.flatMap((file) => ('path' in file ? [file.path] : [])));
  const folders = new Map(model.records.summaries.map((summary) => [summary.file, outputPathFor(summary.url).replace(/index\.html$/, '')]));
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const asset of assets) {
    const folder = folders.get(asset.record);
    if (folder === undefined) continue; // a draft's, or a record with errors
    const path = `${folder}${asset.name}`;
    if (taken.has(path)) {
      diagnostics.push(warning(asset.file, 0, 0, `not copied: ${path} is a file the site makes itself`, 'rename the file'));
      continue;
    }
    files.push({ path, dependsOn: [{ value: `${asset.source}\0${asset.size}\0${asset.mtimeMs}` }], make: () => readFile(asset.source) });
  }
  return { files, diagnostics };
}

function feedSite(info: SiteInfo, title: string, description: string): FeedSite {
  return {
    title,
    url: info.url,
    basePath: info.basePath,
    description,
    author: info.authorName,
    language: info.language,
  };
}

/** The Atom and JSON feeds of some entries, at the paths given. */
function feedFiles(
  site: FeedSite,
  paths: { atom: string; json: string; page?: string },
  entries: () => readonly FeedEntry[],
): { path: string; make: () => FileContent }[] {
  return [
    { path: outputPathFor(paths.atom), make: () => atomFeed(site, entries(), paths) },
    { path: outputPathFor(paths.json), make: () => jsonFeed(site, entries(), paths) },
  ];
}

/** A record's feed entry: its content, and the highlights and milestones of its page. */
export function feedEntry(site: SiteInfo, record: RecordContent, series: SeriesContext): FeedEntry {
  const highlights = [...series.highlights(record.date), ...series.milestones(record.date)];
  return {
    url: siteUrl(site, record.url),
    title: record.title,
    date: record.date,
    summary: record.summaryText,
    html: feedEntryHtml(record, highlights, site.url, site.url === '' ? '' : siteUrl(site, record.url)),
    tags: record.tags.map((t) => t.text),
  };
}

/**
 * Every page but the 404 and those of drafts alone (a draft's page, a tag's, a month's or a
 * year's pages when all their records are drafts), absolute; lastmod: the newest published day
 * the page shows (a draft's date would tell of the draft).
 */
export function siteMap(model: SiteModel): string {
  const drafts = new Set(model.records.summaries.filter((summary) => summary.draft).map((summary) => summary.date));
  const newest = newestPublishedUnder(model);
  const entries = model.pages.flatMap((page) => {
    if (page.template === '404') return [];
    if (drafts.size === 0 || page.lastmod === null || !drafts.has(page.lastmod)) {
      return [{ loc: siteUrl(model.site, page.url), lastmod: page.lastmod }];
    }
    const under = newest.find(([url]) => page.url.startsWith(url));
    const lastmod = under ? under[1] : newest[newest.length - 1]![1];
    return lastmod === null ? [] : [{ loc: siteUrl(model.site, page.url), lastmod }];
  });
  return sitemap(entries);
}

/**
 * For each record's page, tag, month and year: its URL (pages under it too, such as a tag's
 * page 2) and its newest published day, null when it shows drafts alone; last, the whole site's.
 */
function newestPublishedUnder(model: SiteModel): [string, string | null][] {
  const summaries = model.records.summaries;
  const newestOf = (records: readonly RecordSummary[]): string | null =>
    records.reduce<string | null>((newest, r) => (r.draft || (newest !== null && newest > r.date) ? newest : r.date), null);
  const byPeriod = (length: number, url: (key: string) => string): [string, string | null][] => {
    const groups = new Map<string, RecordSummary[]>();
    for (const summary of summaries) {
      const key = summary.date.slice(0, length);
      groups.set(key, [...(groups.get(key) ?? []), summary]);
    }
    return [...groups].map(([key, records]) => [url(key), newestOf(records)]);
  };
  return [
    ...summaries.map((summary): [string, string | null] => [summary.url, summary.draft ? null : summary.date]),
    ...model.tags.map((tag): [string, string | null] => [tagUrl(tag.slug), newestOf(tag.records)]),
    ...byPeriod(7, monthUrl),
    ...byPeriod(4, yearUrl),
    ['/', newestOf(summaries)],
  ];
}
