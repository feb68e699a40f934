/**
 * Whole-site builds: the Atom feed (RFC 4287), JSON Feed 1.1 and sitemap checked against their
 * specs, the discovery metadata of pages, and a site served under a base path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Root } from 'hast';
import { build } from '../../src/build.js';
import { makeRoot, readHtml, readTree, removeRoot, tableAfterHeading, tableRows, writeFiles } from '../support/site.js';
import { children, only, parseXml, type XmlElement } from '../support/xml.js';
import { REFERENCE_AGGREGATE } from '../support/reference-day.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/reference');
const ORIGIN = 'https://example.com';
const BASE = `${ORIGIN}/blog`;
const ATOM = 'http://www.w3.org/2005/Atom';
/** RFC 3339 date-time (section 5.6). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

const SITE_YAML = `title: Ada's <Record>
description: Daily records & figures.
url: ${ORIGIN}
basePath: /blog
author:
  name: Ada Example
  bio: Writes [about it](/stats/).
callToAction: Subscribe to [the feed](/feed.xml).
feedRecords: 2
`;

function day(date: string, summary: string, body = ''): string {
  return `---\ndate: ${date}\nsummary: "${summary}"\ntasks:\n  - task: Work with \`code\`\n    human: 2h\n    claude: 10m\n---\n${body}`;
}

const clean = (node: Parameters<typeof toText>[0]): string => toText(node).trim().replace(/\s+/g, ' ');

describe('feeds and discovery on a site under /blog', () => {
  let root: string;
  let out: string;
  let files: Map<string, Buffer>;
  const file = (path: string): string => files.get(path)!.toString('utf8');

  beforeAll(async () => {
    root = await makeRoot({});
    await cp(FIXTURE, root, { recursive: true });
    await writeFiles(root, {
      'site.yaml': SITE_YAML,
      'records/2026-03-01.md': day('2026-03-01', 'The day before.'),
      'records/2026-03-03.md': day('2026-03-03', 'A short day & a <b>bold</b> claim.', 'See [the stats](/stats/) and [home](/).\n'),
    });
    out = join(root, 'dist');
    await build({ root, out });
    files = await readTree(out);
  });
  afterAll(() => removeRoot(root));

  describe('Atom (RFC 4287)', () => {
    let feed: XmlElement;
    beforeAll(() => {
      feed = parseXml(file('feed.xml'));
    });

    it('is a well-formed Atom feed with the required feed elements', () => {
      expect(feed.name).toBe('feed');
      expect(feed.attributes.xmlns).toBe(ATOM);
      expect(only(feed, 'id').text).toBe(`${BASE}/`);
      expect(only(feed, 'title').text).toBe("Ada's <Record>");
      expect(only(feed, 'updated').text).toBe('2026-03-03T00:00:00Z');
      expect(only(only(feed, 'author'), 'name').text).toBe('Ada Example');
      const links = children(feed, 'link');
      expect(links.find((l) => l.attributes.rel === 'self')?.attributes.href).toBe(`${BASE}/feed.xml`);
      expect(links.find((l) => l.attributes.rel === 'alternate')?.attributes.href).toBe(`${BASE}/`);
    });

    it('has the newest feedRecords records, each with id, title, dates, link, summary and content', () => {
      const entries = children(feed, 'entry');
      expect(entries.map((e) => only(e, 'id').text)).toEqual([`${BASE}/records/2026-03-03/`, `${BASE}/records/2026-03-02/`]);
      for (const entry of entries) {
        const id = only(entry, 'id').text;
        expect(new URL(id).href).toBe(id);
        expect(only(entry, 'title').text).toMatch(/^Leverage Record: March \d, 2026$/);
        expect(only(entry, 'updated').text).toMatch(RFC3339);
        expect(only(entry, 'published').text).toMatch(RFC3339);
        expect(only(entry, 'link').attributes).toMatchObject({ rel: 'alternate', type: 'text/html', href: id });
        expect(only(entry, 'content').attributes.type).toBe('html');
        expect(only(entry, 'summary').text).not.toBe('');
        expect(children(entry, 'category').map((c) => c.attributes.term)).toEqual(['AI', 'Time Record']);
      }
      // Plain text: the author's raw HTML is shown as text, never as markup.
      expect(only(entries[0]!, 'summary').text).toBe('A short day & a <b>bold</b> claim.');
    });

    it('carries the full record: summary, The Numbers, Aggregate, highlights and analysis', () => {
      const entry = children(feed, 'entry')[1]!;
      const html: Root = fromHtml(only(entry, 'content').text, { fragment: true });
      expect(selectAll('h2', html).map(clean)).toEqual(['The Numbers', 'Aggregate', 'Highlights', 'Analysis']);
      const [numbers, aggregate] = selectAll('table', html);
      expect(selectAll('tbody tr', numbers!)).toHaveLength(15);
      expect(selectAll('tbody tr', aggregate!).map((tr) => selectAll('th, td', tr).map(clean))).toEqual(REFERENCE_AGGREGATE);
      expect(selectAll('li', html).map(clean)).toContain('Highest leverage: row 15 (205.7x); lowest: row 1 (12.6x).');
      expect(clean(select('p', html)!)).toBe('A marathon day of structured document authoring at scale, plus CMS work.');
    });

    it('makes every link in the content absolute', () => {
      const content = only(children(feed, 'entry')[0]!, 'content').text;
      const html = fromHtml(content, { fragment: true });
      expect(selectAll('a', html).map((a) => a.properties.href)).toEqual([`${BASE}/stats/`, `${BASE}/`]);
      // The author's inline HTML in the summary stays text.
      expect(selectAll('b', html)).toEqual([]);
      expect(clean(select('p', html)!)).toBe('A short day & a <b>bold</b> claim.');
    });
  });

  describe('JSON Feed 1.1', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let feed: any;
    beforeAll(() => {
      feed = JSON.parse(file('feed.json'));
    });

    it('has the top-level fields of the spec', () => {
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.title).toBe("Ada's <Record>");
      expect(feed.home_page_url).toBe(`${BASE}/`);
      expect(feed.feed_url).toBe(`${BASE}/feed.json`);
      expect(feed.description).toBe('Daily records & figures.');
      expect(feed.language).toBe('en');
      expect(feed.authors).toEqual([{ name: 'Ada Example' }]);
      expect(Array.isArray(feed.items)).toBe(true);
    });

    it('has one item per feed record, each with id, url, content_html and RFC 3339 dates', () => {
      expect(feed.items).toHaveLength(2);
      for (const item of feed.items) {
        expect(typeof item.id).toBe('string');
        expect(item.url).toBe(item.id);
        expect(item.url).toMatch(/^https:\/\/example\.com\/blog\/records\/2026-03-0\d\/$/);
        expect(typeof item.content_html).toBe('string');
        expect(item.content_html).toContain('<h2>The Numbers</h2>');
        expect(item.date_published).toMatch(RFC3339);
        if ('date_modified' in item) expect(item.date_modified).toMatch(RFC3339);
        expect(item.tags).toEqual(['AI', 'Time Record']);
      }
      expect(feed.items[0].date_published).toBe('2026-03-03T00:00:00Z');
      expect(feed.items[0].summary).toBe('A short day & a <b>bold</b> claim.');
      const atom = parseXml(file('feed.xml'));
      expect(feed.items[1].content_html).toBe(only(children(atom, 'entry')[1]!, 'content').text);
    });
  });

  it('lists every page in the sitemap with an absolute URL, record pages with their date', () => {
    const urlset = parseXml(file('sitemap.xml'));
    expect(urlset.name).toBe('urlset');
    expect(urlset.attributes.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const entries = children(urlset, 'url').map((u) => ({
      loc: only(u, 'loc').text,
      lastmod: children(u, 'lastmod')[0]?.text,
    }));
    const pages = [...files.keys()]
      .filter((p) => p.endsWith('.html') && p !== '404.html')
      .map((p) => `${BASE}/${p.replace(/index\.html$/, '')}`);
    expect(entries.map((e) => e.loc).sort()).toEqual(pages.sort());
    for (const e of entries) {
      expect(e.lastmod, e.loc).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const record = /\/records\/(\d{4}-\d{2}-\d{2})\/$/.exec(e.loc);
      if (record) expect(e.lastmod).toBe(record[1]);
    }
    expect(entries.find((e) => e.loc === `${BASE}/`)?.lastmod).toBe('2026-03-03');
  });

  it('gives every page canonical, Open Graph and Twitter metadata and the feed links', async () => {
    for (const path of [...files.keys()].filter((p) => p.endsWith('.html'))) {
      const page = fromHtml(file(path));
      const url = `${BASE}/${path.replace(/index\.html$/, '')}`;
      const meta = (key: string): unknown =>
        select(`meta[property="${key}"], meta[name="${key}"]`, page)?.properties.content;
      expect(select('link[rel="canonical"]', page)?.properties.href, path).toBe(url);
      expect(meta('og:url'), path).toBe(url);
      expect(meta('og:title'), path).toBeTruthy();
      expect(meta('twitter:card'), path).toBe('summary');
      const alternates = selectAll('link[rel="alternate"]', page).map((l) => [l.properties.type, l.properties.href]);
      // A tag's pages announce its own feeds too (test/build/archive.test.ts).
      expect(alternates.slice(0, 2), path).toEqual([
        ['application/atom+xml', '/blog/feed.xml'],
        ['application/feed+json', '/blog/feed.json'],
      ]);
      const tag = /^tags\/([^/]+)\//.exec(path)?.[1];
      expect(alternates.slice(2), path).toEqual(
        tag ? [['application/atom+xml', `/blog/tags/${tag}/feed.xml`], ['application/feed+json', `/blog/tags/${tag}/feed.json`]] : [],
      );
    }
    const record = await readHtml(join(out, 'records/2026-03-02/index.html'));
    const description = 'A marathon day of structured document authoring at scale, plus CMS work.';
    expect(select('meta[name="description"]', record)?.properties.content).toBe(description);
    expect(select('meta[property="og:description"]', record)?.properties.content).toBe(description);
    expect(select('meta[property="og:type"]', record)?.properties.content).toBe('article');
    expect(clean(select('.reading-time', record)!)).toMatch(/^\d+ min read$/);
  });

  it('puts the base path on every internal link of every page, author links included', async () => {
    for (const path of [...files.keys()].filter((p) => p.endsWith('.html'))) {
      const page = fromHtml(file(path));
      const refs = selectAll('[href], [src]', page).map((el) => String(el.properties.href ?? el.properties.src));
      for (const ref of refs) {
        if (ref.startsWith('/')) expect(ref, `${path}: ${ref}`).toMatch(/^\/blog\//);
      }
    }
    const record = await readHtml(join(out, 'records/2026-03-03/index.html'));
    const hrefs = selectAll('a', record).map((a) => a.properties.href);
    expect(hrefs).toEqual(expect.arrayContaining(['/blog/stats/', '/blog/', '/blog/feed.xml']));
    const stats = await readHtml(join(out, 'stats/index.html'));
    expect(selectAll('tbody th a', tableAfterHeading(stats, 'Best days')).map((a) => a.properties.href)).toContain(
      '/blog/records/2026-03-02/',
    );
    expect(tableRows(tableAfterHeading(stats, 'Best days'))).toHaveLength(3);
  });

  it('gives records.json base-path URLs', async () => {
    const data = JSON.parse(await readFile(join(out, 'data/records.json'), 'utf8'));
    expect(data.records.map((r: { url: string }) => r.url)).toEqual([
      '/blog/records/2026-03-01/',
      '/blog/records/2026-03-02/',
      '/blog/records/2026-03-03/',
    ]);
  });
});

describe('feeds of a site at the root of its host', () => {
  it('use the site URL without a base path, and never leave the output folder', async () => {
    const root = await makeRoot({
      'site.yaml': `url: ${ORIGIN}/\n`,
      'records/2026-03-03.md': day('2026-03-03', 'One day.'),
    });
    try {
      await build({ root });
      const feed = parseXml(await readFile(join(root, 'dist/feed.xml'), 'utf8'));
      expect(only(feed, 'id').text).toBe(`${ORIGIN}/`);
      expect(only(children(feed, 'entry')[0]!, 'id').text).toBe(`${ORIGIN}/records/2026-03-03/`);
      const json = JSON.parse(await readFile(join(root, 'dist/feed.json'), 'utf8'));
      expect(json.feed_url).toBe(`${ORIGIN}/feed.json`);
    } finally {
      await removeRoot(root);
    }
  });
});
