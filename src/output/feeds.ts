/**
 * Atom 1.0 feed, JSON Feed 1.1 and sitemap, as strings. Deterministic: every date comes from
 * the records (as RFC 3339, midnight UTC of the calendar day), never from the build's clock.
 * Entries are written newest first (stable for equal dates). Characters XML 1.0 forbids
 * (control characters other than tab, LF, CR; lone surrogates; U+FFFE, U+FFFF) are stripped
 * from every text, in the JSON feed too.
 *
 * `site.url` is the absolute site URL without trailing slash; `basePath` is '' or `/blog`.
 * Feed and entry ids are absolute URLs, so a site without `url` gets root-relative ids
 * (feeds readers accept, but validators flag): set `url` to publish feeds.
 */
import { rfc3339 } from '../leverage/dates.js';
import { escapeXml, stripInvalidXml } from '../escape.js';

export interface FeedSite {
  title: string;
  /** Absolute, no trailing slash (`https://example.com`). */
  url: string;
  /** '' or `/blog`. */
  basePath: string;
  description: string;
  author?: string | null;
  language: string;
}

export interface FeedEntry {
  /** Absolute permalink; also the entry's id. */
  url: string;
  title: string;
  /** `YYYY-MM-DD`: published. */
  date: string;
  /** `YYYY-MM-DD`, when the entry changed after `date` (default: `date`). */
  updated?: string;
  /** Plain text. */
  summary: string;
  /** Full HTML content. */
  html: string;
  tags?: string[];
}

export interface FeedPaths {
  /** Path of the Atom feed under the site (default `/feed.xml`). */
  atom?: string;
  /** Path of the JSON feed under the site (default `/feed.json`). */
  json?: string;
  /** Path of the page the feed follows, its id and alternate link (default `/`: the site). */
  page?: string;
}


/** The absolute URL of a site path (`/feed.xml` → `https://example.com/blog/feed.xml`). */
export function siteUrl(site: Pick<FeedSite, 'url' | 'basePath'>, path: string): string {
  const base = `${site.url.replace(/\/+$/, '')}${site.basePath.replace(/\/+$/, '')}`;
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}

function newestFirst(entries: readonly FeedEntry[]): FeedEntry[] {
  return [...entries].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

function updatedOf(entry: FeedEntry): string {
  return entry.updated && entry.updated > entry.date ? entry.updated : entry.date;
}

/** Newest entry date (updated or published), as RFC 3339; the Unix epoch for an empty feed. */
function feedUpdated(entries: readonly FeedEntry[]): string {
  let newest: string | null = null;
  for (const e of entries) {
    const d = updatedOf(e);
    if (newest === null || d > newest) newest = d;
  }
  return newest === null ? '1970-01-01T00:00:00Z' : rfc3339(newest);
}

function authorName(site: FeedSite): string {
  return site.author?.trim() || site.title;
}

/** Atom 1.0 (RFC 4287). */
export function atomFeed(site: FeedSite, entries: readonly FeedEntry[], paths: FeedPaths = {}): string {
  const home = siteUrl(site, paths.page ?? '/');
  const self = siteUrl(site, paths.atom ?? '/feed.xml');
  const lines: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(site.language)}">`,
    `  <id>${escapeXml(home)}</id>`,
    `  <title type="text">${escapeXml(site.title)}</title>`,
  ];
  if (site.description) lines.push(`  <subtitle type="text">${escapeXml(site.description)}</subtitle>`);
  lines.push(
    `  <updated>${feedUpdated(entries)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(home)}"/>`,
    `  <author><name>${escapeXml(authorName(site))}</name></author>`,
    `  <generator>Leverage Record</generator>`,
  );
  for (const entry of newestFirst(entries)) {
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(entry.url)}</id>`,
      `    <title type="text">${escapeXml(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
      `    <published>${rfc3339(entry.date)}</published>`,
      `    <updated>${rfc3339(updatedOf(entry))}</updated>`,
      ...(entry.tags ?? []).map((tag) => `    <category term="${escapeXml(tag)}"/>`),
      `    <summary type="text">${escapeXml(entry.summary)}</summary>`,
      `    <content type="html">${escapeXml(entry.html)}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1), two-space indented. */
export function jsonFeed(site: FeedSite, entries: readonly FeedEntry[], paths: FeedPaths = {}): string {
  const clean = stripInvalidXml;
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: clean(site.title),
    home_page_url: siteUrl(site, paths.page ?? '/'),
    feed_url: siteUrl(site, paths.json ?? '/feed.json'),
    ...(site.description ? { description: clean(site.description) } : {}),
    language: clean(site.language),
    authors: [{ name: clean(authorName(site)) }],
    items: newestFirst(entries).map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: clean(entry.title),
      content_html: clean(entry.html),
      summary: clean(entry.summary),
      date_published: rfc3339(entry.date),
      ...(updatedOf(entry) !== entry.date ? { date_modified: rfc3339(updatedOf(entry)) } : {}),
      ...(entry.tags && entry.tags.length ? { tags: entry.tags.map(clean) } : {}),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

/** sitemaps.org 0.9; `lastmod` a `YYYY-MM-DD`. Input order kept; a repeated `loc` is dropped. */
export function sitemap(urls: readonly { loc: string; lastmod?: string | null }[]): string {
  const seen = new Set<string>();
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
  ];
  for (const url of urls) {
    if (seen.has(url.loc)) continue;
    seen.add(url.loc);
    lines.push(
      '  <url>',
      `    <loc>${escapeXml(url.loc)}</loc>`,
      ...(url.lastmod ? [`    <lastmod>${escapeXml(url.lastmod)}</lastmod>`] : []),
      '  </url>',
    );
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}
