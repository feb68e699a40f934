/**
 * Which pages the site has and what each shows. Input: every record's content (oldest
 * first) and the config; output: page models. No templates, no file system.
 */
import type { SiteConfig } from '../config/types.js';
import { renderMarkdown } from '../markdown/render.js';
import type { LeverageRecord } from '../records/types.js';
import { seriesContext, type SeriesContext } from './series.js';
import { aliasConfig, aliasRecord } from './apply-aliases.js';
import { leverageChart, SMALL_CHART_RECORDS, statsPage } from './stats-page.js';
import { tagSlug } from './slug.js';
import { outputPathFor, tagFeedUrls, tagUrl, withBasePathInHtml } from './urls.js';
import type {
  FormattedTotals,
  HomePage,
  Link,
  NotFoundPage,
  PageSpec,
  RecordPage,
  RecordSet,
  RecordSummary,
  SiteInfo,
  SiteModel,
  TagGroup,
  TagPage,
  TagsPage,
} from './types.js';
import { formattedTotals } from './aggregate.js';
import { archivePages, monthLink } from './archive.js';
import { searchPage } from './search-page.js';
import { ALL_PARTS, lazy, listed, LISTED, NUMBERS, newestDate } from './listing.js';
import { pageCard, recordCard, recordCardUrl, SITE_CARD_URL, siteCard, type PageCard } from '../output/social-card.js';

export { formattedTotals };

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
    search: config.search,
  };
}

/**
 * Every page of the site, declared: its URL and what it depends on, with its model made only
 * when asked for (a rebuild makes the models of the pages it renders again, not the others).
 * The records' summaries declare the pages; their content is asked for by the models.
 *
 * @param records the valid records, oldest first, as read: the site's aliases are applied here
 *   to the records, as recordContent applied them to the content
 */
export function buildSiteModel(records: RecordSet, rawConfig: SiteConfig): SiteModel {
  const config = aliasConfig(rawConfig);
  const { summaries } = records;
  const published = (index: number) => aliasRecord(records.record(index), rawConfig);
  const series = lazySeries(() => seriesContext(summaries, published, records.content));
  const tags = groupByTag(summaries);
  const allTime = lazy(() => formattedTotals(summaries, config));
  const site = siteInfo(config);
  const pages: PageSpec[] = [
    ...recordPages(records, tags, series, config, site),
    ...tags.flatMap((tag) => tagPages(tag, records, config)),
    tagsPage(tags, summaries),
    homePage(records, allTime, config),
    statsPageSpec(records, published, allTime, config),
    ...archivePages(records, config),
    ...(config.search ? [searchPage()] : []),
    notFoundPage(),
  ];
  return { site, pages: config.socialCards ? withSiteCard(pages, pageCard(SITE_CARD_URL, siteCard(site))) : pages, records, series, tags };
}

/** Every page that names no card of its own (all but the records') names the site's. */
function withSiteCard(pages: PageSpec[], card: PageCard): PageSpec[] {
  return pages.map((spec) => (spec.template === 'record' ? spec : { ...spec, model: () => ({ ...spec.model(), card }) }));
}


/** A series context made when a page first asks it something. */
function lazySeries(make: () => SeriesContext): SeriesContext {
  const context = lazy(make);
  return { highlights: (date) => context().highlights(date), milestones: (date) => context().milestones(date) };
}


function recordPages(records: RecordSet, tags: TagGroup[], series: SeriesContext, config: SiteConfig, site: SiteInfo): PageSpec[] {
  const recordTag = tags.find((t) => t.slug === tagSlug(config.recordTag)) ?? null;
  const tagLink = recordTag ? { url: tagUrl(recordTag.slug), text: recordTag.name } : null;
  const { summaries } = records;
  const link = (index: number): Link | null => {
    if (index < 0 || index >= summaries.length) return null;
    return { url: summaries[index]!.url, text: records.content(index).title };
  };
  const recordTagShown = { value: JSON.stringify(tagLink) };
  return summaries.map((summary, i) => {
    const neighbours: string[] = [];
    if (i > 0) neighbours.push(summaries[i - 1]!.date);
    if (i + 1 < summaries.length) neighbours.push(summaries[i + 1]!.date);
    return {
      template: 'record',
      url: summary.url,
      outputPath: outputPathFor(summary.url),
      // Its own record whole; the neighbours' titles in the previous/next links; the highlights
      // and milestones compare it with the records before it.
      dependsOn: [
        { records: [summary.date], parts: ALL_PARTS },
        { records: neighbours, parts: LISTED },
        { records: { upTo: summary.date }, parts: NUMBERS },
        recordTagShown,
      ],
      lastmod: summary.date,
      model: (): RecordPage => {
        const record = records.content(i);
        return {
          template: 'record',
          url: record.url,
          outputPath: outputPathFor(record.url),
          title: record.title,
          description: record.summaryText,
          record,
          highlights: series.highlights(record.date),
          milestones: series.milestones(record.date),
          previous: link(i - 1),
          next: link(i + 1),
          recordTag: tagLink,
          month: monthLink(record.date.slice(0, 7)),
          card: config.socialCards
            ? pageCard(recordCardUrl(record.date), recordCard(site.title, record, config.workWeekHours))
            : null,
        };
      },
    };
  });
}

function groupByTag(records: readonly RecordSummary[]): TagGroup[] {
  const groups = new Map<string, TagGroup>();
  // Thousands of records share a handful of tags: each spelling is slugged once.
  const slugs = new Map<string, string>();
  records.forEach((record, index) => {
    for (const tag of record.tags) {
      let slug = slugs.get(tag.text);
      if (slug === undefined) {
        slug = tagSlug(tag.text);
        slugs.set(tag.text, slug);
      }
      let group = groups.get(slug);
      if (!group) {
        group = { slug, name: tag.text, records: [], indexes: [] };
        groups.set(slug, group);
      }
      // Two of a record's tags may share a slug: the record is listed once.
      if (group.indexes[group.indexes.length - 1] === index) continue;
      group.records.push(record);
      group.indexes.push(index);
    }
  });
  return [...groups.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

function tagPages(tag: TagGroup, records: RecordSet, config: SiteConfig): PageSpec[] {
  const newestFirst = [...tag.indexes].reverse();
  const pageCount = Math.max(1, Math.ceil(newestFirst.length / config.pageSize));
  const totals = lazy(() => formattedTotals(tag.records, config));
  const chartSvg = lazy(() =>
    leverageChart(tag.records, {
      id: 'tag-leverage',
      title: `Weighted leverage per day, ${tag.name}`,
      limit: SMALL_CHART_RECORDS,
      height: 200,
    }),
  );
  // The totals and chart summarise every record of the tag: every page depends on all of
  // them (one list shared by the pages: a tag of thousands of records has hundreds of pages).
  const dates = tag.records.map((r) => r.date);
  const pages: PageSpec[] = [];
  for (let page = 1; page <= pageCount; page++) {
    const url = tagUrl(tag.slug, page);
    pages.push({
      template: 'tag',
      url,
      outputPath: outputPathFor(url),
      dependsOn: [{ records: dates, parts: LISTED }, { value: `${tag.name}\0${page}` }],
      lastmod: newestDate(tag.records),
      model: (): TagPage => ({
        template: 'tag',
        url,
        outputPath: outputPathFor(url),
        title: page > 1 ? `${tag.name} (page ${page} of ${pageCount})` : tag.name,
        description: tagDescription(tag.name),
        tag: { url: tagUrl(tag.slug), text: tag.name, slug: tag.slug, count: tag.records.length },
        feeds: { title: tagFeedTitle(config.title, tag.name), ...tagFeedUrls(tag.slug) },
        records: newestFirst.slice((page - 1) * config.pageSize, page * config.pageSize).map((i) => listed(records.content(i))),
        totals: totals(),
        pagination: {
          page,
          pages: pageCount,
          previous: page > 1 ? tagUrl(tag.slug, page - 1) : null,
          next: page < pageCount ? tagUrl(tag.slug, page + 1) : null,
        },
        chartSvg: chartSvg(),
      }),
    });
  }
  return pages;
}

export function tagDescription(tagName: string): string {
  return `Every record tagged ${tagName}.`;
}

/** The title of a tag's feeds: `Site: Tag`. */
export function tagFeedTitle(siteTitle: string, tagName: string): string {
  return `${siteTitle}: ${tagName}`;
}

function tagsPage(tags: TagGroup[], records: readonly RecordSummary[]): PageSpec {
  const url = '/tags/';
  return {
    template: 'tags',
    url,
    outputPath: outputPathFor(url),
    dependsOn: [{ records: 'all', parts: NUMBERS }],
    lastmod: newestDate(records),
    model: (): TagsPage => ({
      template: 'tags',
      url,
      outputPath: outputPathFor(url),
      title: 'Tags',
      description: 'Every tag with its number of records.',
      tags: tags.map((t) => ({ url: tagUrl(t.slug), text: t.name, count: t.records.length })),
    }),
  };
}

function homePage(records: RecordSet, totals: () => FormattedTotals, config: SiteConfig): PageSpec {
  const url = '/';
  const { summaries } = records;
  const first = config.homeRecords > 0 ? Math.max(0, summaries.length - config.homeRecords) : summaries.length;
  const shown = summaries.slice(first).map((_, i) => first + i).reverse();
  return {
    template: 'home',
    url,
    outputPath: outputPathFor(url),
    dependsOn: [
      { records: 'all', parts: NUMBERS },
      { records: shown.map((i) => summaries[i]!.date), parts: LISTED },
    ],
    lastmod: newestDate(summaries),
    model: (): HomePage => ({
      template: 'home',
      url,
      outputPath: outputPathFor(url),
      title: config.title,
      description: config.description,
      records: shown.map((i) => listed(records.content(i))),
      totals: totals(),
      chartSvg: leverageChart(summaries, { id: 'home-leverage', limit: SMALL_CHART_RECORDS, height: 200 }),
    }),
  };
}

function statsPageSpec(
  records: RecordSet,
  published: (index: number) => LeverageRecord,
  totals: () => FormattedTotals,
  config: SiteConfig,
): PageSpec {
  const url = '/stats/';
  const all = records.summaries.map((_, i) => i);
  return {
    template: 'stats',
    url,
    outputPath: outputPathFor(url),
    dependsOn: [{ records: 'all', parts: LISTED }],
    lastmod: newestDate(records.summaries),
    model: () => statsPage(all.map(published), all.map(records.content), totals(), config),
  };
}

function notFoundPage(): PageSpec {
  const url = '/404.html';
  return {
    template: '404',
    url,
    outputPath: '404.html',
    dependsOn: [],
    lastmod: null,
    model: (): NotFoundPage => ({
      template: '404',
      url,
      outputPath: '404.html',
      title: 'Page not found',
      description: 'There is no page at this address.',
    }),
  };
}


