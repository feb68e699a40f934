/**
 * The archive (/archive/, /YYYY/, /YYYY/MM/) and the per-tag feeds of a small site, their
 * figures checked against sums worked out by hand; the same bytes in every time zone; and
 * incremental builds after a record moves to another month or is deleted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { build } from '../../src/build.js';
import { makeRoot, readHtml, readTree, removeRoot, tableAfterHeading, tableRows, text, texts, writeFiles } from '../support/site.js';
import { children, only, parseXml } from '../support/xml.js';
import { runCli } from '../support/cli.js';
import { expectSameAsColdBuild } from '../incremental/same-as-cold.js';

const ORIGIN = 'https://example.com';

/** A record of one task or more: `[human, claude]` each. */
function day(date: string, tags: string[], tasks: [string, string][]): string {
  const rows = tasks.map(([human, claude], i) => `  - task: Task ${i + 1} of ${date}\n    human: ${human}\n    claude: ${claude}\n`).join('');
  return `---\ndate: ${date}\ntags: [${tags.join(', ')}]\nsummary: The day ${date}.\ntasks:\n${rows}---\n\nWhat happened on ${date}.\n`;
}

// Hand computation (weighted: Σ human ÷ Σ claude over the period, never a mean of the days):
//   December 2025: 120 min ÷ 10 min = 12x
//   January 2026: (180 + 60) min ÷ (20 + 40) min = 240 ÷ 60 = 4x (the days' 9x and 1.5x average 5.25x)
//   March 2026: (240 + 120) min ÷ (10 + 50) min = 360 ÷ 60 = 6x
//   2026: 600 min ÷ 120 min = 5x
const RECORDS: Record<string, string> = {
  'records/2025-12-31.md': day('2025-12-31', ['AI', 'Writing'], [['2h', '10m']]),
  'records/2026-01-05.md': day('2026-01-05', ['AI'], [['3h', '20m']]),
  'records/2026-01-20.md': day('2026-01-20', ['AI', 'Writing'], [['1h', '40m']]),
  'records/2026-03-02.md': day('2026-03-02', ['AI'], [['4h', '10m'], ['2h', '50m']]),
};
const SITE_YAML = `title: Small <Site>\nurl: ${ORIGIN}\nfeedRecords: 2\n`;

const clean = (node: Root | Element): string => toText(node).trim().replace(/\s+/g, ' ');
const rowsOf = (table: Element, part: 'tbody' | 'tfoot') =>
  selectAll(`${part} tr`, table).map((tr) => selectAll('th, td', tr).map(clean));

describe('the archive of a small site', () => {
  let root: string;
  const page = (path: string) => readHtml(join(root, 'dist', path));

  beforeAll(async () => {
    root = await makeRoot({ 'site.yaml': SITE_YAML, ...RECORDS });
    await build({ root });
  });
  afterAll(() => removeRoot(root));

  it('lists every year and month newest first, each with its records and weighted figures', async () => {
    const archive = await page('archive/index.html');
    expect(text(archive, 'h1')).toBe('Archive');
    expect(texts(archive, 'main h2')).toEqual(['2026', '2025']);
    expect(selectAll('main h2 a', archive).map((a) => a.properties.href)).toEqual(['/2026/', '/2025/']);
    const [y2026, y2025] = selectAll('table.period-list', archive);
    expect(rowsOf(y2026!, 'tbody')).toEqual([
      ['March', '1', '6 hours', '60 min', '6x'],
      ['January', '2', '4 hours', '60 min', '4x'],
    ]);
    expect(selectAll('tbody a', y2026!).map((a) => a.properties.href)).toEqual(['/2026/03/', '/2026/01/']);
    expect(rowsOf(y2026!, 'tfoot')).toEqual([['All of 2026', '3', '10 hours', '120 min', '5x']]);
    expect(rowsOf(y2025!, 'tbody')).toEqual([['December', '1', '2 hours', '10 min', '12x']]);
    expect(rowsOf(y2025!, 'tfoot')).toEqual([['All of 2025', '1', '2 hours', '10 min', '12x']]);
  });

  it('has a page per year with its months, its Aggregate and links to the years around it', async () => {
    const year = await page('2026/index.html');
    expect(text(year, 'h1')).toBe('2026');
    expect(rowsOf(select('table.period-list', year)!, 'tbody')).toEqual([
      ['March', '1', '6 hours', '60 min', '6x'],
      ['January', '2', '4 hours', '60 min', '4x'],
    ]);
    expect(tableRows(tableAfterHeading(year, 'Aggregate'))).toEqual([
      ['Records', '3'],
      ['Tasks completed', '4'],
      ['Human equivalent', '10 hours (~0.3 work weeks)'],
      ['Claude wall-clock', '120 minutes (~2 hours)'],
      ['Weighted leverage factor', '5x'],
    ]);
    expect(selectAll('.prev-next a', year).map((a) => [a.properties.rel, a.properties.href])).toEqual([[['prev'], '/2025/']]);
    expect(existsSync(join(root, 'dist/2024/index.html'))).toBe(false);
  });

  it('shows a month’s Aggregate, a Monday-first calendar with each recorded day’s factor, and its records', async () => {
    const month = await page('2026/01/index.html');
    expect(text(month, 'h1')).toBe('January 2026');
    expect(selectAll('.breadcrumbs a', month).map((a) => a.properties.href)).toEqual(['/archive/', '/2026/']);
    expect(tableRows(tableAfterHeading(month, 'Aggregate'))).toEqual([
      ['Records', '2'],
      ['Tasks completed', '2'],
      ['Human equivalent', '4 hours (~0.1 work weeks)'],
      ['Claude wall-clock', '60 minutes (~1 hour)'],
      ['Weighted leverage factor', '4x'],
    ]);
    const calendar = select('table.calendar', month)!;
    expect(texts(calendar, 'thead th')).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    const weeks = selectAll('tbody tr', calendar).map((tr) => selectAll('td', tr).map(clean));
    // January 1, 2026 was a Thursday.
    expect(weeks).toEqual([
      ['', '', '', '1', '2', '3', '4'],
      ['5 weighted leverage 9x', '6', '7', '8', '9', '10', '11'],
      ['12', '13', '14', '15', '16', '17', '18'],
      ['19', '20 weighted leverage 1.5x', '21', '22', '23', '24', '25'],
      ['26', '27', '28', '29', '30', '31', ''],
    ]);
    const recorded = selectAll('td.recorded', calendar);
    expect(recorded.map((td) => select('a', td)!.properties.href)).toEqual(['/records/2026-01-05/', '/records/2026-01-20/']);
    expect(recorded.map((td) => td.properties.className)).toEqual([['recorded', 'level-4'], ['recorded', 'level-1']]);
    expect(tableRows(tableAfterHeading(month, 'Records')).map((row) => [row[0], row[5]])).toEqual([
      ['January 5, 2026', '9x'],
      ['January 20, 2026', '1.5x'],
    ]);
    // A month without records has no page; its neighbours link past it.
    expect(existsSync(join(root, 'dist/2026/02/index.html'))).toBe(false);
    expect(selectAll('.prev-next a', month).map((a) => [a.properties.href, clean(a)])).toEqual([
      ['/2025/12/', '← Earlier December 2025'],
      ['/2026/03/', 'Later → March 2026'],
    ]);
  });

  it('is in the navigation of every page, linked from the home page and each record’s page, and in the sitemap', async () => {
    for (const path of ['index.html', 'archive/index.html', 'records/2026-01-05/index.html', '2026/01/index.html']) {
      const html = await page(path);
      const archive = selectAll('.site-nav a', html).find((a) => clean(a) === 'Archive');
      expect(archive?.properties.href, path).toBe('/archive/');
    }
    const home = await page('index.html');
    expect(selectAll('main a', home).map((a) => a.properties.href)).toContain('/archive/');
    const record = await page('records/2026-01-20/index.html');
    expect(selectAll('.record-month-link a', record).map((a) => [clean(a), a.properties.href])).toEqual([
      ['See every record of January 2026', '/2026/01/'],
    ]);
    const sitemap = parseXml((await readTree(join(root, 'dist'))).get('sitemap.xml')!.toString('utf8'));
    const urls = children(sitemap, 'url').map((url) => [only(url, 'loc').text, only(url, 'lastmod').text]);
    expect(urls).toEqual(
      expect.arrayContaining([
        [`${ORIGIN}/archive/`, '2026-03-02'],
        [`${ORIGIN}/2025/`, '2025-12-31'],
        [`${ORIGIN}/2026/01/`, '2026-01-20'],
      ]),
    );
  });
});

describe('per-tag feeds', () => {
  let root: string;
  let files: Map<string, Buffer>;
  const file = (path: string) => files.get(path)!.toString('utf8');

  beforeAll(async () => {
    root = await makeRoot({ 'site.yaml': SITE_YAML, ...RECORDS });
    await build({ root });
    files = await readTree(join(root, 'dist'));
  });
  afterAll(() => removeRoot(root));

  it('gives each tag an Atom feed of its newest feedRecords records, a strict XML document', () => {
    const feed = parseXml(file('tags/ai/feed.xml'));
    expect(feed.name).toBe('feed');
    expect(only(feed, 'id').text).toBe(`${ORIGIN}/tags/ai/`);
    expect(only(feed, 'title').text).toBe('Small <Site>: AI');
    expect(only(feed, 'updated').text).toBe('2026-03-02T00:00:00Z');
    const links = children(feed, 'link');
    expect(links.find((l) => l.attributes.rel === 'self')?.attributes.href).toBe(`${ORIGIN}/tags/ai/feed.xml`);
    expect(links.find((l) => l.attributes.rel === 'alternate')?.attributes.href).toBe(`${ORIGIN}/tags/ai/`);
    expect(children(feed, 'entry').map((e) => only(e, 'id').text)).toEqual([
      `${ORIGIN}/records/2026-03-02/`,
      `${ORIGIN}/records/2026-01-20/`,
    ]);
    const writing = parseXml(file('tags/writing/feed.xml'));
    expect(children(writing, 'entry').map((e) => only(e, 'id').text)).toEqual([
      `${ORIGIN}/records/2026-01-20/`,
      `${ORIGIN}/records/2025-12-31/`,
    ]);
  });

  it('has the same entries as the site feed', () => {
    const site = children(parseXml(file('feed.xml')), 'entry');
    const tag = children(parseXml(file('tags/ai/feed.xml')), 'entry');
    const shared = site.find((e) => only(e, 'id').text === `${ORIGIN}/records/2026-01-20/`)!;
    expect(tag.find((e) => only(e, 'id').text === `${ORIGIN}/records/2026-01-20/`)).toEqual(shared);
  });

  it('gives each tag a JSON Feed 1.1 with the same entries', () => {
    const feed = JSON.parse(file('tags/writing/feed.json'));
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Small <Site>: Writing',
      home_page_url: `${ORIGIN}/tags/writing/`,
      feed_url: `${ORIGIN}/tags/writing/feed.json`,
    });
    expect(feed.items.map((item: { id: string }) => item.id)).toEqual([
      `${ORIGIN}/records/2026-01-20/`,
      `${ORIGIN}/records/2025-12-31/`,
    ]);
    const site = JSON.parse(file('feed.json'));
    expect(feed.items[0]).toEqual(site.items.find((item: { id: string }) => item.id === `${ORIGIN}/records/2026-01-20/`));
  });

  it('announces the tag’s feeds on its page, in the head and as visible links', async () => {
    const html = await readHtml(join(root, 'dist/tags/writing/index.html'));
    const alternates = selectAll('head link[rel="alternate"]', html).map((l) => [l.properties.type, l.properties.href, l.properties.title]);
    expect(alternates).toEqual([
      ['application/atom+xml', '/feed.xml', 'Small <Site> (Atom)'],
      ['application/feed+json', '/feed.json', 'Small <Site> (JSON Feed)'],
      ['application/atom+xml', '/tags/writing/feed.xml', 'Small <Site>: Writing (Atom)'],
      ['application/feed+json', '/tags/writing/feed.json', 'Small <Site>: Writing (JSON Feed)'],
    ]);
    expect(selectAll('main .tag-feeds a', html).map((a) => [clean(a), a.properties.href])).toEqual([
      ['Atom feed', '/tags/writing/feed.xml'],
      ['JSON Feed', '/tags/writing/feed.json'],
    ]);
  });
});

describe('the archive in every time zone', () => {
  let root: string;
  beforeAll(async () => {
    root = await makeRoot({ 'site.yaml': SITE_YAML, ...RECORDS });
  });
  afterAll(() => removeRoot(root));

  it('is the same bytes built at UTC+14 and at UTC-10', async () => {
    const trees = [];
    for (const zone of ['Pacific/Kiritimati', 'America/Adak']) {
      const out = join(root, zone.replace('/', '-'));
      const result = await runCli(['build', '--root', root, '--out', out, '--no-cache'], { env: { TZ: zone }, timeoutMs: 60_000 });
      expect(result.code, result.stderr).toBe(0);
      trees.push(await readTree(out));
    }
    const [east, west] = trees as [Map<string, Buffer>, Map<string, Buffer>];
    expect(east.has('2026/01/index.html')).toBe(true);
    expect([...east.keys()]).toEqual([...west.keys()]);
    for (const [path, bytes] of east) expect(west.get(path)!.equals(bytes), path).toBe(true);
  });
});

describe('an incremental build of the archive', () => {
  let root: string;
  beforeAll(async () => {
    root = await makeRoot({ 'site.yaml': SITE_YAML, ...RECORDS });
    await build({ root });
  });
  afterAll(() => removeRoot(root));

  const monthRecords = async (path: string) =>
    tableRows(tableAfterHeading(await readHtml(join(root, 'dist', path)), 'Records')).map((row) => row[0]);

  it('updates both months when a record moves to another month', async () => {
    await rm(join(root, 'records/2026-01-20.md'));
    await writeFiles(root, { 'records/2026-03-20.md': day('2026-03-20', ['AI', 'Writing'], [['1h', '40m']]) });
    await expectSameAsColdBuild(root);
    expect(await monthRecords('2026/01/index.html')).toEqual(['January 5, 2026']);
    expect(await monthRecords('2026/03/index.html')).toEqual(['March 2, 2026', 'March 20, 2026']);
    const january = await readHtml(join(root, 'dist/2026/01/index.html'));
    expect(text(january, 'table.totals tr:last-child td')).toBe('9x');
  });

  it('updates both months, and drops a month left empty, when a record is deleted', async () => {
    await rm(join(root, 'records/2026-01-05.md'));
    await expectSameAsColdBuild(root);
    expect(existsSync(join(root, 'dist/2026/01/index.html'))).toBe(false);
    const december = await readHtml(join(root, 'dist/2025/12/index.html'));
    expect(selectAll('.prev-next a', december).map((a) => a.properties.href)).toEqual(['/2026/03/']);
    const archive = await readHtml(join(root, 'dist/archive/index.html'));
    expect(rowsOf(select('table.period-list', archive)!, 'tbody').map((row) => row[0])).toEqual(['March']);
  });
});
