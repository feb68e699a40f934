import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atomFeed, jsonFeed, siteUrl, sitemap, type FeedEntry, type FeedSite } from '../../src/output/feeds.js';
import { elementNames, parseXml } from '../support/xml.js';

/** Element names in document order; throws unless the document is well-formed XML. */
const wellFormed = (xml: string): string[] => elementNames(parseXml(xml));

/** Undoes escapeXml (for checking round trips). */
function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Any string, control characters and lone surrogates included. */
const anyText = fc.string({ unit: 'binary' });

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

const SITE: FeedSite = {
  title: 'Leverage & Co',
  url: 'https://example.com',
  basePath: '/blog',
  description: 'Daily records <of> AI work',
  author: 'Ada',
  language: 'en',
};

const ENTRIES: FeedEntry[] = [
  {
    url: 'https://example.com/blog/records/2026-03-01/',
    title: 'Leverage Record: March 1, 2026',
    date: '2026-03-01',
    summary: 'A quieter day.',
    html: '<p>Quiet.</p>',
    tags: ['AI'],
  },
  {
    url: 'https://example.com/blog/records/2026-03-02/',
    title: 'Leverage Record: March 2, 2026 <script>alert(1)</script>',
    date: '2026-03-02',
    summary: 'Tom & Jerry <b>bold</b>\u0001',
    html: '<p>Rows &amp; <code>&lt;tags&gt;</code></p><script>x()</script>',
    tags: ['AI', 'Time Record'],
  },
];

const between = (xml: string, tag: string): string[] =>
  [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);

describe('siteUrl', () => {
  it('joins url, base path and path', () => {
    expect(siteUrl(SITE, '/feed.xml')).toBe('https://example.com/blog/feed.xml');
    expect(siteUrl(SITE, 'feed.xml')).toBe('https://example.com/blog/feed.xml');
    expect(siteUrl({ url: 'https://example.com/', basePath: '' }, '/')).toBe('https://example.com/');
    expect(siteUrl({ url: '', basePath: '' }, '/feed.json')).toBe('/feed.json');
  });
});

describe('atomFeed', () => {
  const xml = atomFeed(SITE, ENTRIES);

  it('is well-formed Atom with the required elements', () => {
    const names = wellFormed(xml);
    expect(names[0]).toBe('feed');
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
    expect(count(names, 'entry')).toBe(2);
    expect(count(names, 'id')).toBe(3);
    expect(count(names, 'updated')).toBe(3);
    expect(count(names, 'published')).toBe(2);
    expect(count(names, 'content')).toBe(2);
    expect(count(names, 'summary')).toBe(2);
    expect(count(names, 'category')).toBe(3);
  });

  it('has the feed metadata', () => {
    expect(xml).toContain('  <id>https://example.com/blog/</id>');
    expect(xml).toContain('<title type="text">Leverage &amp; Co</title>');
    expect(xml).toContain('<subtitle type="text">Daily records &lt;of&gt; AI work</subtitle>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://example.com/blog/feed.xml"/>');
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://example.com/blog/"/>');
    expect(xml).toContain('<author><name>Ada</name></author>');
  });

  it('is updated at the newest entry date, as RFC 3339', () => {
    const updated = between(xml, 'updated');
    expect(updated[0]).toBe('2026-03-02T00:00:00Z');
    for (const d of [...updated, ...between(xml, 'published')]) expect(d).toMatch(RFC3339);
  });

  it('lists entries newest first, with id, link and dates', () => {
    const entries = between(xml, 'entry');
    expect(entries[0]).toContain('<id>https://example.com/blog/records/2026-03-02/</id>');
    expect(entries[0]).toContain('<link rel="alternate" type="text/html" href="https://example.com/blog/records/2026-03-02/"/>');
    expect(entries[0]).toContain('<published>2026-03-02T00:00:00Z</published>');
    expect(entries[0]).toContain('<updated>2026-03-02T00:00:00Z</updated>');
    expect(entries[0]).toContain('<category term="Time Record"/>');
    expect(entries[1]).toContain('<id>https://example.com/blog/records/2026-03-01/</id>');
  });

  it('escapes titles, summaries and HTML content; strips control characters', () => {
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('<b>');
    expect(xml).toContain('<title type="text">Leverage Record: March 2, 2026 &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(xml).toContain('<summary type="text">Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt;</summary>');
    const content = between(xml, 'content')[0]!;
    expect(xml).toContain('<content type="html">');
    expect(unescapeXml(content)).toBe(ENTRIES[1]!.html);
    expect(content).toContain('Rows &amp;amp; &lt;code&gt;&amp;lt;tags&amp;gt;&lt;/code&gt;');
  });

  it('takes the updated date of an entry when later', () => {
    const feed = atomFeed(SITE, [{ ...ENTRIES[0]!, updated: '2026-04-01' }, ENTRIES[1]!]);
    expect(between(feed, 'updated')[0]).toBe('2026-04-01T00:00:00Z');
    expect(feed).toContain('<published>2026-03-01T00:00:00Z</published>\n    <updated>2026-04-01T00:00:00Z</updated>');
  });

  it('falls back to the site title as author, and leaves out an empty subtitle', () => {
    const feed = atomFeed({ ...SITE, author: undefined, description: '' }, ENTRIES);
    wellFormed(feed);
    expect(feed).toContain('<author><name>Leverage &amp; Co</name></author>');
    expect(feed).not.toContain('<subtitle');
  });

  it('an empty feed is still valid and deterministic', () => {
    const feed = atomFeed(SITE, []);
    expect(wellFormed(feed)).not.toContain('entry');
    expect(between(feed, 'updated')).toEqual(['1970-01-01T00:00:00Z']);
  });

  it('is deterministic and does not reorder its input', () => {
    const input = [...ENTRIES];
    expect(atomFeed(SITE, input)).toBe(atomFeed(SITE, [...ENTRIES]));
    expect(input).toEqual(ENTRIES);
    expect(atomFeed(SITE, [...ENTRIES].reverse())).toBe(xml);
  });

  it('takes another self path', () => {
    expect(atomFeed(SITE, ENTRIES, { atom: '/atom.xml' })).toContain('href="https://example.com/blog/atom.xml"');
  });

  it('any text gives well-formed XML (property)', () => {
    fc.assert(
      fc.property(anyText, anyText, anyText, anyText, (title, summary, html, tag) => {
        wellFormed(atomFeed({ ...SITE, title }, [{ ...ENTRIES[0]!, title, summary, html, tags: [tag] }]));
      }),
    );
  });
});

describe('jsonFeed', () => {
  const text = jsonFeed(SITE, ENTRIES);
  const feed = JSON.parse(text) as Record<string, unknown> & { items: Record<string, unknown>[] };

  it('parses and has the required fields', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Leverage & Co');
    expect(feed.home_page_url).toBe('https://example.com/blog/');
    expect(feed.feed_url).toBe('https://example.com/blog/feed.json');
    expect(feed.description).toBe('Daily records <of> AI work');
    expect(feed.language).toBe('en');
    expect(feed.authors).toEqual([{ name: 'Ada' }]);
    expect(feed.items).toHaveLength(2);
  });

  it('has items newest first with id, url, title, content, summary, date and tags', () => {
    const [first, second] = feed.items;
    expect(first).toEqual({
      id: 'https://example.com/blog/records/2026-03-02/',
      url: 'https://example.com/blog/records/2026-03-02/',
      title: 'Leverage Record: March 2, 2026 <script>alert(1)</script>',
      content_html: ENTRIES[1]!.html,
      summary: 'Tom & Jerry <b>bold</b>',
      date_published: '2026-03-02T00:00:00Z',
      tags: ['AI', 'Time Record'],
    });
    expect(second!.date_published).toMatch(RFC3339);
    expect(second!.id).toBe('https://example.com/blog/records/2026-03-01/');
  });

  it('adds date_modified only when updated, and tags only when there are some', () => {
    const f = JSON.parse(jsonFeed(SITE, [{ ...ENTRIES[0]!, updated: '2026-04-01', tags: [] }])) as { items: Record<string, unknown>[] };
    expect(f.items[0]!.date_modified).toBe('2026-04-01T00:00:00Z');
    expect(f.items[0]).not.toHaveProperty('tags');
    expect(feed.items[0]).not.toHaveProperty('date_modified');
  });

  it('is deterministic, indented and ends with a newline', () => {
    expect(jsonFeed(SITE, [...ENTRIES].reverse())).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "version": ');
  });

  it('an empty feed has no items', () => {
    expect((JSON.parse(jsonFeed(SITE, [])) as { items: unknown[] }).items).toEqual([]);
  });

  it('takes another feed path', () => {
    expect((JSON.parse(jsonFeed(SITE, ENTRIES, { json: '/f.json' })) as { feed_url: string }).feed_url).toBe(
      'https://example.com/blog/f.json',
    );
  });
});

describe('sitemap', () => {
  const xml = sitemap([
    { loc: 'https://example.com/blog/', lastmod: '2026-03-02' },
    { loc: 'https://example.com/blog/records/2026-03-02/', lastmod: '2026-03-02' },
    { loc: 'https://example.com/blog/tags/a&b/' },
    { loc: 'https://example.com/blog/' },
  ]);

  it('is a well-formed sitemaps.org urlset', () => {
    const names = wellFormed(xml);
    expect(names[0]).toBe('urlset');
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(count(names, 'url')).toBe(3);
    expect(count(names, 'lastmod')).toBe(2);
  });

  it('keeps the order, drops repeats, escapes locations', () => {
    expect(between(xml, 'loc')).toEqual([
      'https://example.com/blog/',
      'https://example.com/blog/records/2026-03-02/',
      'https://example.com/blog/tags/a&amp;b/',
    ]);
    expect(between(xml, 'lastmod')).toEqual(['2026-03-02', '2026-03-02']);
  });

  it('an empty sitemap is valid', () => {
    expect(wellFormed(sitemap([]))).toEqual(['urlset']);
  });
});

function count(names: string[], name: string): number {
  return names.filter((n) => n === name).length;
}
