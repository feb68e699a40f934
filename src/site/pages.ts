/**
 * Which pages the site has and what each shows. Input: every record's content (oldest
 * first) and the config; output: page models. No templates, no file system.
 */
import type { SiteConfig } from '../config/types.js';
import { seriesTotals } from '../leverage/numbers.js';
import { renderMarkdown } from '../markdown/render.js';
import type { LeverageRecord } from '../records/types.js';
import { seriesContext, type SeriesContext } from './series.js';
import { aliasConfig, aliasRecord } from './apply-aliases.js';
import { leverageChart, SMALL_CHART_RECORDS, statsPage } from './stats-page.js';
import { tagSlug } from './slug.js';
import { outputPathFor, tagUrl, withBasePathInHtml } from './urls.js';
import type {
  FormattedTotals,
  HomePage,
  Link,
  NotFoundPage,
  Page,
  RecordContent,
  RecordPage,
  SiteInfo,
  SiteModel,
  TagPage,
  TagsPage,
} from './types.js';
import { aggregateRows } from './aggregate.js';

/** The site's texts as published: aliases applied, Markdown rendered, links given the base path. */
export function siteInfo(source: SiteConfig): SiteInfo {
  const config = aliasConfig(source);
  const markdown = { allowHtml: config.allowHtml };
  const html = (markdownText: string): string =>
    withBasePathInHtml(renderMarkdown(markdownText, markdown), config.basePath);
  return {
    title: config.title,
    description: config.description,
    url: config.url,
    basePath: config.basePath,
    language: config.language,
    authorName: config.author?.name ?? null,
    authorBioHtml: config.author ? html(config.author.bio) : '',
    aboutRecordsHtml: html(config.aboutRecords),
    callToActionHtml: html(config.callToAction),
  };
}

/**
 * @param sources the validated records, oldest first (as read: the site's aliases are applied
 *   here, as recordContent applies them to the content)
 * @param records their content (same order)
 */
export function buildSiteModel(sources: LeverageRecord[], records: RecordContent[], rawConfig: SiteConfig): SiteModel {
  const config = aliasConfig(rawConfig);
  const published = sources.map((source) => aliasRecord(source, rawConfig));
  const newestFirst = [...records].reverse();
  const tags = groupByTag(records);
  const allTime = formattedTotals(records, config);
  const pages: Page[] = [
    ...recordPages(published, records, tags, config),
    ...tags.flatMap((tag) => tagPages(tag, config)),
    tagsPage(tags),
    homePage(newestFirst, records, allTime, config),
    statsPage(published, records, allTime, config),
    notFoundPage(),
  ];
  return { site: siteInfo(config), pages, records };
}

/**
 * Only the pages of the records of some dates, exactly as buildSiteModel makes them: the dev
 * server shows an edited record at once and brings the list pages up to date after.
 */
export function recordPagesFor(
  dates: ReadonlySet<string>,
  sources: LeverageRecord[],
  records: RecordContent[],
  rawConfig: SiteConfig,
): RecordPage[] {
  const config = aliasConfig(rawConfig);
  const published = sources.map((source) => aliasRecord(source, rawConfig));
  return recordPages(published, records, groupByTag(records), config, dates);
}

function recordPages(
  published: LeverageRecord[],
  records: RecordContent[],
  tags: TagGroup[],
  config: SiteConfig,
  only?: ReadonlySet<string>,
): RecordPage[] {
  const series = seriesContext(published, records);
  const recordTag = tags.find((t) => t.slug === tagSlug(config.recordTag)) ?? null;
  return records.flatMap((record, i) =>
    only && !only.has(record.date) ? [] : [recordPage(record, records[i - 1], records[i + 1], recordTag, series)],
  );
}

function recordPage(
  record: RecordContent,
  previous: RecordContent | undefined,
  next: RecordContent | undefined,
  recordTag: TagGroup | null,
  series: SeriesContext,
): RecordPage {
  const neighbour = (r: RecordContent | undefined): Link | null =>
    r ? { url: r.url, text: r.title } : null;
  return {
    template: 'record',
    url: record.url,
    outputPath: outputPathFor(record.url),
    title: record.title,
    description: record.summaryText,
    // Neighbours' titles appear in the previous/next links.
    dependsOn: [previous?.date, record.date, next?.date].filter((d): d is string => d !== undefined),
    record,
    highlights: series.highlights(record.date),
    milestones: series.milestones(record.date),
    previous: neighbour(previous),
    next: neighbour(next),
    recordTag: recordTag ? { url: tagUrl(recordTag.slug), text: recordTag.name } : null,
  };
}

interface TagGroup {
  slug: string;
  /** The spelling of the tag's first use (tags differing only in case share one page). */
  name: string;
  /** Oldest first. */
  records: RecordContent[];
}

function groupByTag(records: RecordContent[]): TagGroup[] {
  const groups = new Map<string, TagGroup>();
  // Thousands of records share a handful of tags: each spelling is slugged once.
  const slugs = new Map<string, string>();
  for (const record of records) {
    const seen = new Set<string>();
    for (const tag of record.tags) {
      let slug = slugs.get(tag.text);
      if (slug === undefined) {
        slug = tagSlug(tag.text);
        slugs.set(tag.text, slug);
      }
      if (seen.has(slug)) continue;
      seen.add(slug);
      let group = groups.get(slug);
      if (!group) {
        group = { slug, name: tag.text, records: [] };
        groups.set(slug, group);
      }
      group.records.push(record);
    }
  }
  return [...groups.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

function tagPages(tag: TagGroup, config: SiteConfig): TagPage[] {
  const newestFirst = [...tag.records].reverse();
  const pageCount = Math.max(1, Math.ceil(newestFirst.length / config.pageSize));
  const totals = formattedTotals(tag.records, config);
  const chartSvg = leverageChart(tag.records, {
    id: 'tag-leverage',
    title: `Weighted leverage per day, ${tag.name}`,
    limit: SMALL_CHART_RECORDS,
    height: 200,
  });
  // The totals and chart summarise every record of the tag: every page depends on all of
  // them (one list shared by the pages, not one per page: a tag of thousands of records has
  // hundreds of pages).
  const dependsOn = tag.records.map((r) => r.date);
  const pages: TagPage[] = [];
  for (let page = 1; page <= pageCount; page++) {
    const url = tagUrl(tag.slug, page);
    const shown = newestFirst.slice((page - 1) * config.pageSize, page * config.pageSize);
    pages.push({
      template: 'tag',
      url,
      outputPath: outputPathFor(url),
      title: page > 1 ? `${tag.name} (page ${page} of ${pageCount})` : tag.name,
      description: `Every record tagged ${tag.name}.`,
      dependsOn,
      tag: { url: tagUrl(tag.slug), text: tag.name, slug: tag.slug, count: tag.records.length },
      records: shown,
      totals,
      pagination: {
        page,
        pages: pageCount,
        previous: page > 1 ? tagUrl(tag.slug, page - 1) : null,
        next: page < pageCount ? tagUrl(tag.slug, page + 1) : null,
      },
      chartSvg,
    });
  }
  return pages;
}

function tagsPage(tags: TagGroup[]): TagsPage {
  return {
    template: 'tags',
    url: '/tags/',
    outputPath: outputPathFor('/tags/'),
    title: 'Tags',
    description: 'Every tag with its number of records.',
    dependsOn: 'all',
    tags: tags.map((t) => ({ url: tagUrl(t.slug), text: t.name, count: t.records.length })),
  };
}

/** @param records oldest first; @param newestFirst the same, newest first */
function homePage(newestFirst: RecordContent[], records: RecordContent[], totals: FormattedTotals, config: SiteConfig): HomePage {
  return {
    template: 'home',
    url: '/',
    outputPath: outputPathFor('/'),
    title: config.title,
    description: config.description,
    dependsOn: 'all',
    records: newestFirst.slice(0, config.homeRecords),
    totals,
    chartSvg: leverageChart(records, { id: 'home-leverage', limit: SMALL_CHART_RECORDS, height: 200 }),
  };
}

function notFoundPage(): NotFoundPage {
  return {
    template: '404',
    url: '/404.html',
    outputPath: '404.html',
    title: 'Page not found',
    description: 'There is no page at this address.',
    dependsOn: [],
  };
}

/** Figures of a set of records (a tag, the whole series), in the Aggregate table's order. */
export function formattedTotals(records: RecordContent[], config: SiteConfig): FormattedTotals {
  const exact = seriesTotals(records.map((r) => r.totals));
  return { exact, rows: aggregateRows(exact, config) };
}
