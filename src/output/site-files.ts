/**
 * The files of a site that are not pages: data exports, feeds and the sitemap.
 *
 * Everything published comes from the site model or from the records with the site's aliases
 * applied (apply-aliases.ts), so no file holds a private name. Links are absolute in feeds
 * and the sitemap (site.yaml `url` + `basePath`), base-path prefixed in records.json.
 */
import type { SiteConfig } from '../config/types.js';
import type { Dependency, RecordContent, SiteInfo, SiteModel, TagGroup } from '../site/types.js';
import { tagDescription, tagFeedTitle } from '../site/pages.js';
import { outputPathFor, tagFeedUrls, tagUrl } from '../site/urls.js';
import type { SeriesContext } from '../site/series.js';
import { exportData, recordsJson, tasksCsv, type RecordData } from './exports.js';
import type { FileContent } from './write.js';
import type { Declared } from '../incremental/plan.js';
import { socialCardFiles } from './social-card-files.js';
import { feedEntryHtml } from './feed-content.js';
import { atomFeed, jsonFeed, siteUrl, sitemap, type FeedEntry, type FeedSite } from './feeds.js';

export const ATOM_PATH = '/feed.xml';
export const JSON_FEED_PATH = '/feed.json';

/** A file of the output, declared: its path, what it depends on (as pages do), and how it is made. */
export interface OutputFile extends Declared {
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
  const siteFeed: FeedSite = feedSite(model.site, model.site.title, model.site.description);
  return [
    { path: 'data/records.json', dependsOn: everyFigure, make: () => recordsJson(data()) },
    { path: 'data/tasks.csv', dependsOn: everyFigure, make: () => tasksCsv(data()) },
    ...feedFiles(siteFeed, { atom: ATOM_PATH, json: JSON_FEED_PATH }, entries).map((file) => ({ ...file, dependsOn: feed })),
    ...model.tags.flatMap((tag) => tagFeeds(model, tag, config)),
    { path: 'sitemap.xml', dependsOn: [{ records: 'all', parts: ['numbers'] }], make: () => siteMap(model) },
    ...(config.socialCards ? socialCardFiles(model, config) : []),
  ];
}

/**
 * A tag's feeds: the site feed's entries for the tag's newest `feedRecords` records. Each
 * entry's highlights compare it with every earlier record, whatever its tags.
 */
function tagFeeds(model: SiteModel, tag: TagGroup, config: SiteConfig): OutputFile[] {
  const first = config.feedRecords > 0 ? Math.max(0, tag.indexes.length - config.feedRecords) : tag.indexes.length;
  const newest = tag.indexes.slice(first);
  const newestDate = tag.records[tag.records.length - 1]?.date;
  const dependsOn: Dependency[] = [
    { records: tag.records.slice(first).map((r) => r.date), parts: ['numbers', 'text', 'body'] },
    ...(newestDate === undefined || newest.length === 0 ? [] : [{ records: { upTo: newestDate }, parts: ['numbers'] } as const]),
  ];
  const entries = () => newest.map((index) => feedEntry(model.site, model.records.content(index), model.series));
  const site = feedSite(model.site, tagFeedTitle(model.site.title, tag.name), tagDescription(tag.name));
  const paths = { ...tagFeedUrls(tag.slug), page: tagUrl(tag.slug) };
  return feedFiles(site, paths, entries).map((file) => ({ ...file, dependsOn }));
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
