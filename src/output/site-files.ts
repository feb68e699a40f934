/**
 * The files of a site that are not pages: data exports, feeds and the sitemap.
 *
 * Everything published comes from the site model or from the records with the site's aliases
 * applied (apply-aliases.ts), so no file holds a private name. Links are absolute in feeds
 * and the sitemap (site.yaml `url` + `basePath`), base-path prefixed in records.json.
 */
import type { SiteConfig } from '../config/types.js';
import type { Dependency, RecordContent, SiteInfo, SiteModel } from '../site/types.js';
import type { SeriesContext } from '../site/series.js';
import { exportData, recordsJson, tasksCsv, type RecordData } from './exports.js';
import type { FileContent } from './write.js';
import { feedEntryHtml } from './feed-content.js';
import { atomFeed, jsonFeed, siteUrl, sitemap, type FeedEntry, type FeedSite } from './feeds.js';

export const ATOM_PATH = '/feed.xml';
export const JSON_FEED_PATH = '/feed.json';

/** A file of the output, declared: its path, what it depends on (as pages do), and how it is made. */
export interface OutputFile {
  path: string;
  dependsOn: readonly Dependency[];
  make: () => FileContent | Promise<FileContent>;
}

/** The files that are not pages. Each is made when asked for, so that one large export is gone before the next is made. */
export function siteFiles(model: SiteModel, config: SiteConfig): OutputFile[] {
  const { summaries, record, content } = model.records;
  let made: RecordData[] | undefined;
  const data = () => (made ??= summaries.map((_, i) => exportData({ record: record(i), content: content(i) }, config)));
  const everyFigure: Dependency[] = [{ records: 'all', parts: ['numbers', 'text'] }];
  const first = config.feedRecords > 0 ? Math.max(0, summaries.length - config.feedRecords) : summaries.length;
  const newest = summaries.slice(first).map((summary, i) => ({ summary, index: first + i }));
  // A feed entry carries its record whole, with the highlights and milestones of its page.
  const feed: Dependency[] = [
    { records: newest.map(({ summary }) => summary.date), parts: ['numbers', 'text', 'body'] },
    { records: 'all', parts: ['numbers'] },
  ];
  const entries = () => newest.map(({ index }) => feedEntry(model.site, content(index), model.series));
  return [
    { path: 'data/records.json', dependsOn: everyFigure, make: () => recordsJson(data()) },
    { path: 'data/tasks.csv', dependsOn: everyFigure, make: () => tasksCsv(data()) },
    ...feedFiles(model.site, entries).map((file) => ({ ...file, dependsOn: feed })),
    { path: 'sitemap.xml', dependsOn: [{ records: 'all', parts: ['numbers'] }], make: () => siteMap(model) },
  ];
}

/** The Atom and JSON feeds of some entries. */
function feedFiles(info: SiteInfo, entries: () => readonly FeedEntry[]): { path: string; make: () => FileContent }[] {
  const site: FeedSite = {
    title: info.title,
    url: info.url,
    basePath: info.basePath,
    description: info.description,
    author: info.authorName,
    language: info.language,
  };
  return [
    { path: ATOM_PATH.slice(1), make: () => atomFeed(site, entries(), { atom: ATOM_PATH }) },
    { path: JSON_FEED_PATH.slice(1), make: () => jsonFeed(site, entries(), { json: JSON_FEED_PATH }) },
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
    html: feedEntryHtml(record, highlights, site.url),
    tags: record.tags.map((t) => t.text),
  };
}

/** Every page but the 404, absolute; lastmod: the newest day the page shows. */
export function siteMap(model: SiteModel): string {
  return sitemap(
    model.pages
      .filter((page) => page.template !== '404')
      .map((page) => ({ loc: siteUrl(model.site, page.url), lastmod: page.lastmod })),
  );
}
