/** Site-relative URLs and the output files they map to. */

export function recordUrl(date: string): string {
  return `/records/${date}/`;
}

/** A tag page's URL, the slug percent-encoded (`日本語` → `/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/`). */
export function tagUrl(slug: string, page = 1): string {
  const encoded = encodeURIComponent(slug);
  return page > 1 ? `/tags/${encoded}/page/${page}/` : `/tags/${encoded}/`;
}

/** `/records/2026-03-02/` → `records/2026-03-02/index.html`; `/404.html` → `404.html`; `/tags/%E6%97%A5/` → `tags/日/index.html`. */
export function outputPathFor(url: string): string {
  const path = decodeURIComponent(url).replace(/^\/+/, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** The base path put before a site-relative URL: `/blog` + `/tags/` → `/blog/tags/`. */
export function withBasePath(basePath: string, url: string): string {
  return url.startsWith('/') ? `${basePath}${url}` : url;
}

/** Absolute URL for feeds and canonical links; site-relative when no `url` is configured. */
export function absoluteUrl(siteUrl: string, basePath: string, url: string): string {
  return `${siteUrl}${withBasePath(basePath, url)}`;
}

/**
 * Root-relative links in HTML made from the author's Markdown (`[the feed](/feed.xml)`) get
 * the base path, like every link the templates make: with `basePath: /blog`,
 * `href="/feed.xml"` → `href="/blog/feed.xml"`. Protocol-relative (`//host`) and links that
 * already start with the base path are left alone.
 */
export function withBasePathInHtml(html: string, basePath: string): string {
  if (basePath === '') return html;
  return html.replace(/\b(href|src)="(\/(?!\/)[^"]*)"/g, (whole, attr: string, url: string) =>
    url === basePath || url.startsWith(`${basePath}/`) ? whole : `${attr}="${basePath}${url}"`,
  );
}

/** A tag's Atom and JSON feeds. */
export function tagFeedUrls(slug: string): { atom: string; json: string } {
  return { atom: `${tagUrl(slug)}feed.xml`, json: `${tagUrl(slug)}feed.json` };
}

export const ARCHIVE_URL = '/archive/';

/** `2026` → `/2026/`. */
export function yearUrl(year: string): string {
  return `/${year}/`;
}

/** `2026-03` → `/2026/03/`. */
export function monthUrl(month: string): string {
  return `/${month.slice(0, 4)}/${month.slice(5, 7)}/`;
}
