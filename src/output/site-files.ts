/**
 * The files of a site that are not pages: data exports, feeds and the sitemap.
 *
 * Everything published comes from the site model or from the records with the site's aliases
 * applied (apply-aliases.ts), so no file holds a private name. Links are absolute in feeds
 * and the sitemap (site.yaml `url` + `basePath`), base-path prefixed in records.json.
 */
import type { SiteConfig } from '../config/types.js';
import type { LeverageRecord } from '../records/types.js';
import type { Page, RecordContent, RecordPage, SiteInfo, SiteModel } from '../site/types.js';
import { exportData, recordsJson, tasksCsv, type RecordData } from './exports.js';
import type { FileContent } from './write.js';
import { feedEntryHtml } from './feed-content.js';
import { atomFeed, jsonFeed, siteUrl, sitemap, type FeedEntry, type FeedSite } from './feeds.js';

export const ATOM_PATH = '/feed.xml';
export const JSON_FEED_PATH = '/feed.json';

export interface SiteFile {
  path: string;
  /** Equal keys, equal bytes (as for pages); '' when the file has none and is always made. */
  key: string;
  content: () => FileContent;
}

/**
 * Each file made when it is asked for, so that one large export is gone before the next is made.
 * @param sources the records the model was made from, oldest first (as read)
 * @param exportsKey the data exports' key: made of each record's exports key (incremental/shape.ts)
 */
export function* siteFiles(
  model: SiteModel,
  sources: LeverageRecord[],
  config: SiteConfig,
  exportsKey: string,
  feed: readonly FeedEntry[],
): Generator<SiteFile> {
  let made: RecordData[] | undefined;
  const data = () => (made ??= sources.map((record, i) => exportData({ record, content: model.records[i]! }, config)));
  yield { path: 'data/records.json', key: exportsKey, content: () => recordsJson(data()) };
  yield { path: 'data/tasks.csv', key: exportsKey, content: () => tasksCsv(data()) };
  yield* feedFiles(model.site, feed);
  yield { path: 'sitemap.xml', key: '', content: () => siteMap(model) };
}

/** The Atom and JSON feeds of some entries (feedEntries). */
export function feedFiles(info: SiteInfo, entries: readonly FeedEntry[]): SiteFile[] {
  const site: FeedSite = {
    title: info.title,
    url: info.url,
    basePath: info.basePath,
    description: info.description,
    author: info.authorName,
    language: info.language,
  };
  return [
    { path: ATOM_PATH.slice(1), key: '', content: () => atomFeed(site, entries, { atom: ATOM_PATH }) },
    { path: JSON_FEED_PATH.slice(1), key: '', content: () => jsonFeed(site, entries, { json: JSON_FEED_PATH }) },
  ];
}

/** The newest `count` records as feed entries, with their full HTML. */
export function feedEntries(model: SiteModel, count: number): FeedEntry[] {
  const pages = new Map(
    model.pages.filter((p): p is RecordPage => p.template === 'record').map((p) => [p.record.date, p]),
  );
  const newest = count > 0 ? model.records.slice(-count) : [];
  return newest.map((record) => feedEntry(model.site, record, pages.get(record.date)));
}

/** A record's feed entry: its content, and the highlights and milestones of its page. */
export function feedEntry(site: SiteInfo, record: RecordContent, page: Pick<RecordPage, 'highlights' | 'milestones'> | undefined): FeedEntry {
  const highlights = page ? [...page.highlights, ...page.milestones] : [];
  return {
    url: siteUrl(site, record.url),
    title: record.title,
    date: record.date,
    summary: record.summaryText,
    html: feedEntryHtml(record, highlights, site.url),
    tags: record.tags.map((t) => t.text),
  };
}

/** Every page but the 404, absolute; lastmod: a record page's date, else its newest record's. */
export function siteMap(model: SiteModel): string {
  const latest = model.records.length ? model.records[model.records.length - 1]!.date : null;
  // A tag's pages share one list of dates: its newest is found once.
  const newest = new Map<readonly string[], string | null>();
  const lastmod = (page: Page): string | null => {
    if (page.template === 'record') return page.record.date;
    if (page.dependsOn === 'all') return latest;
    let date = newest.get(page.dependsOn);
    if (date === undefined) {
      date = page.dependsOn.reduce<string | null>((max, d) => (max === null || d > max ? d : max), null);
      newest.set(page.dependsOn, date);
    }
    return date;
  };
  return sitemap(
    model.pages
      .filter((page) => page.template !== '404')
      .map((page) => ({ loc: siteUrl(model.site, page.url), lastmod: lastmod(page) })),
  );
}
