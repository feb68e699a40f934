/**
 * The default theme (templates/ and public/): render every page of a small site built in
 * memory and check what a reader — or a screen reader — gets.
 */
import { mkdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { DEFAULT_CONFIG, type SiteConfig } from '../../src/config/types.js';
import type { LeverageRecord, Task } from '../../src/records/types.js';
import { recordContent } from '../../src/site/content.js';
import { loadMarkdownPipeline } from '../../src/markdown/render.js';
import { buildSiteModel, formattedTotals } from '../../src/site/pages.js';
import type { Page, RecordContent, SiteModel, StatsPage } from '../../src/site/types.js';
import { loadTheme, PACKAGE_ROOT, type ThemeSources } from '../../src/render/theme.js';
import { compileTheme } from '../../src/render/render.js';
import { recordSetOf } from '../../src/site/parts.js';
import { lineChart } from '../../src/render/charts.js';

// These tests call the renderers directly, outside the build's withMarkdown.
beforeAll(loadMarkdownPipeline);

const HOSTILE = '<img src=x onerror=alert(1)>';

type TaskInput = [task: string, humanHours: number, claudeMinutes: number, supervisionMinutes?: number];

function record(date: string, tasks: TaskInput[], extra: Partial<LeverageRecord> = {}): LeverageRecord {
  const [y, m, d] = date.split('-').map(Number);
  const long = new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  });
  return {
    date,
    file: `records/${date}.md`,
    title: `Leverage Record: ${long}`,
    model: 'Claude Opus 4.6',
    tags: ['AI', 'Time Record'],
    summary: null,
    tokens: null,
    tasksCompleted: tasks.length,
    draft: false,
    body: '',
    ...extra,
    tasks: tasks.map(
      ([task, human, claude, supervision], i): Task => ({
        n: i + 1,
        task,
        humanMinutes: human * 60,
        claudeMinutes: claude,
        supervisionMinutes: supervision ?? null,
        project: i % 2 === 0 ? 'Pipeline' : null,
      }),
    ),
  };
}

/** The reference day of records.md (titles shortened). */
const REFERENCE: TaskInput[] = [
  ['Batch runner and pool sizing for the ML pipeline, with deployment automation', 4, 19],
  ['CMS content model for the `docs` site', 6, 25],
  ['Migration of the **legacy** importer', 16, 18],
  ['Domain specs for 7 standardized test families (18 documents, 590 leaf goals)', 40, 25],
  ['Search index rebuild', 16, 12],
  ['Assessment blueprints', 90, 105],
  ['Rubric generator', 64, 49],
  ['Item bank authoring', 104, 34],
  ['Review tooling', 64, 30],
  ['Curriculum maps', 152, 59],
  ['Standards crosswalk', 168, 98],
  ['Content at scale', 240, 110],
  ['Release notes', 8, 20],
  ['Fix a flaky test', 4, 4],
  ['Localisation pass', 120, 35],
];

const RECORDS: LeverageRecord[] = [
  record('2026-03-01', [
    ['Set up the repository', 6, 30],
    ['Write the importer', 12, 40],
  ], { summary: 'A quiet start.', tags: ['AI', 'Time Record', 'Setup'] }),
  record('2026-03-02', REFERENCE, {
    summary: 'A marathon day of structured document authoring at scale, plus *CMS* work.',
    tokens: 2095000,
    tasksCompleted: 35,
    body: '## What went well\n\nThe batch runner.\n\n### Details\n\nMore text here.',
  }),
  record('2026-03-03', [
    [HOSTILE, 2, 10, 5],
    ['Pair on the **parser**', 3, 20, 15],
  ], { title: `Hostile ${HOSTILE} day`, summary: HOSTILE }),
];

/** Highlights are the series module's business; the theme test sets its own, to lay them out. */
const HIGHLIGHTS: Record<string, { highlights: string[]; milestones: string[] }> = {
  '2026-03-02': {
    highlights: ['Highest leverage: row 15 (<strong>205.7x</strong>); lowest: row 1 (<strong>12.6x</strong>).'],
    milestones: ['First day above <strong>100x</strong>.'],
  },
};

interface Site {
  model: SiteModel;
  pages: Page[];
  html: Map<string, string>;
  trees: Map<string, Root>;
}

function statsPage(records: RecordContent[], config: SiteConfig): StatsPage {
  return {
    template: 'stats',
    url: '/stats/',
    outputPath: 'stats/index.html',
    title: 'Stats',
    description: 'All-time figures.',
    totals: formattedTotals(records, config),
    sections: [
      {
        heading: 'Best days',
        chartSvg: '',
        table: {
          caption: 'Days with the highest weighted leverage',
          head: ['Day', 'Tasks', 'Leverage'],
          rows: records.map((r) => [{ url: r.url, text: r.dateLong }, r.list.tasks, r.list.leverage]),
        },
        note: 'Weighted leverage divides the totals.',
      },
      {
        heading: 'Per month',
        chartSvg: lineChart(
          records.map((r) => ({ label: r.date, value: r.totals.leverage })),
          { id: 'month', title: 'Leverage per day' },
        ),
        table: { caption: 'Per month', head: ['Month', 'Records'], rows: [['March 2026', '3']] },
        note: '',
      },
    ],
  };
}

async function buildSite(theme: ThemeSources, overrides: Partial<SiteConfig> = {}, charts = false): Promise<Site> {
  const config: SiteConfig = { ...DEFAULT_CONFIG, ...overrides };
  const contents = RECORDS.map((r) => recordContent(r, config));
  const model = buildSiteModel(recordSetOf(RECORDS, config), config);
  const pages: Page[] = [...model.pages.filter((p) => p.template !== 'stats').map((p) => p.model()), statsPage(contents, config)];
  for (const page of pages) {
    if (page.template !== 'record') continue;
    page.highlights = HIGHLIGHTS[page.record.date]?.highlights ?? [];
    page.milestones = HIGHLIGHTS[page.record.date]?.milestones ?? [];
  }
  if (charts) {
    const chart = lineChart(
      contents.map((r) => ({ label: r.date, value: r.totals.leverage })),
      { id: 'leverage', title: 'Weighted leverage per day', yLabel: 'Leverage (x)' },
    );
    for (const page of pages) if (page.template === 'home' || page.template === 'tag') page.chartSvg = chart;
  }
  const renderer = await compileTheme(theme, model.site);
  const html = new Map<string, string>();
  const trees = new Map<string, Root>();
  const parser = unified().use(rehypeParse);
  for (const page of pages) {
    const out = renderer.render(page);
    html.set(page.url, out);
    trees.set(page.url, parser.parse(out));
  }
  return { model, pages, html, trees };
}

const text = (node: Element | Root): string => toText(node).replace(/\s+/g, ' ').trim();

function tree(site: Site, url: string): Root {
  const t = site.trees.get(url);
  if (!t) throw new Error(`no page ${url}`);
  return t;
}

function heading(root: Root, tag: string, name: string): Element {
  const found = selectAll(tag, root).find((h) => text(h) === name);
  if (!found) throw new Error(`no <${tag}>${name}</${tag}>`);
  return found;
}

/** The first element after `el` among its parent's children. */
function nextElement(root: Root, el: Element): Element | undefined {
  const parent: Element | Root = selectAll('*', root).find((p) => p.children.includes(el)) ?? root;
  const siblings = (parent.children as (Element | Root['children'][number])[]).filter(
    (c): c is Element => c.type === 'element',
  );
  return siblings[siblings.indexOf(el) + 1];
}

/** The table right after a heading (directly, or as the only table of the wrapper after it). */
function tableAfter(root: Root, tag: string, name: string): Element {
  const next = nextElement(root, heading(root, tag, name));
  expect(next, `element after ${name}`).toBeDefined();
  const table = next!.tagName === 'table' ? next! : select('table', next!);
  expect(table, `table after ${name}`).toBeTruthy();
  return table!;
}

let theme: ThemeSources;
let site: Site;

beforeAll(async () => {
  theme = await loadTheme(PACKAGE_ROOT);
  site = await buildSite(theme, { author: { name: 'Ada Example', bio: 'Builds *things*.' }, callToAction: 'Write to me.' });
});

describe('default theme', () => {
  it('has a template for every page model and the public files', async () => {
    for (const name of ['record', 'tag', 'tags', 'home', 'stats', 'archive', 'year', 'month', '404']) expect(theme.templates.has(name)).toBe(true);
    for (const name of ['layout', 'totals', 'record-list']) expect(theme.partials.has(name)).toBe(true);
    expect(await readFile(join(PACKAGE_ROOT, 'public/style.css'), 'utf8')).toMatch(/prefers-color-scheme: dark/);
    expect(await readFile(join(PACKAGE_ROOT, 'public/favicon.svg'), 'utf8')).toMatch(/^<svg/);
  });

  it('renders every page as a complete document with head metadata and landmarks', () => {
    expect(site.html.size).toBe(site.model.pages.length);
    for (const [url, html] of site.html) {
      const root = tree(site, url);
      expect(html.startsWith('<!doctype html>'), url).toBe(true);
      expect(select('html', root)?.properties.lang, url).toBe('en');
      expect(select('meta[charset]', root), url).toBeTruthy();
      expect(select('meta[name="viewport"]', root), url).toBeTruthy();
      expect(text(select('title', root)!), url).toContain('Leverage Record');
      expect(select('meta[name="description"]', root)?.properties.content, url).toBeTypeOf('string');
      expect(select('link[rel="canonical"]', root)?.properties.href, url).toBe(url);
      expect(select('meta[property="og:url"]', root)?.properties.content, url).toBe(url);
      expect(select('meta[property="og:title"]', root), url).toBeTruthy();
      expect(select('meta[name="twitter:card"]', root), url).toBeTruthy();
      expect(select('link[rel="stylesheet"]', root)?.properties.href).toBe('/style.css');
      expect(select('link[rel="icon"]', root)?.properties.href).toBe('/favicon.svg');
      expect(select('link[type="application/atom+xml"]', root)?.properties.href).toBe('/feed.xml');
      expect(select('link[type="application/feed+json"]', root)?.properties.href).toBe('/feed.json');
      expect(selectAll('body > header', root)).toHaveLength(1);
      expect(selectAll('main#main', root)).toHaveLength(1);
      expect(selectAll('body > footer', root)).toHaveLength(1);
      const nav = select('header nav[aria-label]', root)!;
      expect(selectAll('a', nav).map(text), url).toEqual(['Home', 'Archive', 'Tags', 'Stats', 'Feed']);
      expect(select('a.skip-link', root)?.properties.href).toBe('#main');
      expect(text(select('footer', root)!)).toContain('Ada Example');
      expect(html, url).not.toMatch(/<script/i);
    }
  });

  it('has exactly one h1 and headings in order on every page', () => {
    for (const url of site.html.keys()) {
      const root = tree(site, url);
      const levels = selectAll('h1, h2, h3, h4, h5, h6', root).map((h) => Number(h.tagName[1]));
      expect(levels.filter((l) => l === 1), url).toHaveLength(1);
      expect(levels[0], url).toBe(1);
      levels.forEach((level, i) => {
        if (i > 0) expect(level, `${url}: heading ${i}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
      });
    }
  });

  it('gives og:type article to records and website to the rest', () => {
    expect(select('meta[property="og:type"]', tree(site, '/records/2026-03-02/'))?.properties.content).toBe('article');
    expect(select('meta[property="og:type"]', tree(site, '/'))?.properties.content).toBe('website');
  });

  describe('record page', () => {
    let root: Root;
    beforeAll(() => {
      root = tree(site, '/records/2026-03-02/');
    });

    it('shows title, date, model, reading time and tag links', () => {
      expect(text(select('h1', root)!)).toBe('Leverage Record: March 2, 2026');
      const time = select('main time', root)!;
      expect(time.properties.dateTime).toBe('2026-03-02');
      expect(text(time)).toBe('March 2, 2026');
      const meta = text(select('.record-header', root)!);
      expect(meta).toContain('Claude Opus 4.6');
      expect(meta).toMatch(/\b\d+ min read\b/);
      const tags = selectAll('main .tags a', root).map((a) => [text(a), a.properties.href]);
      expect(tags).toEqual([
        ['AI', '/tags/ai/'],
        ['Time Record', '/tags/time-record/'],
      ]);
      expect(text(select('.summary', root)!)).toBe(
        'A marathon day of structured document authoring at scale, plus CMS work.',
      );
      expect(select('.summary em', root)).toBeTruthy();
    });

    it('opens on The Numbers, with About These Records after the figures and before the Analysis', () => {
      const headings = selectAll('h2', root).map(text);
      expect(headings[0]).toBe('The Numbers');
      const about = headings.indexOf('About These Records');
      expect(about).toBeGreaterThan(headings.indexOf('Aggregate'));
      expect(about).toBeLessThan(headings.indexOf('Analysis'));
      expect(text(select('.about-records', root)!)).toContain('Human Est. is how long a senior engineer would need');
    });

    it('has The Numbers table with the expected headers and rows', () => {
      const table = tableAfter(root, 'h2', 'The Numbers');
      expect(selectAll('thead th', table).map(text)).toEqual(['#', 'Task', 'Project', 'Human Est.', 'Claude', 'Leverage']);
      for (const th of selectAll('thead th', table)) expect(th.properties.scope).toBe('col');
      const rows = selectAll('tbody tr', table);
      expect(rows).toHaveLength(15);
      const cells = (tr: Element) => selectAll('td, th', tr).map(text);
      expect(cells(rows[0]!)).toEqual([
        '1',
        'Batch runner and pool sizing for the ML pipeline, with deployment automation',
        'Pipeline',
        '4 hours',
        '19 min',
        '12.6x',
      ]);
      // A task without a project leaves its cell empty.
      expect(cells(rows[1]!)[2]).toBe('');
      expect(cells(rows[14]!)).toEqual(['15', 'Localisation pass', 'Pipeline', '120 hours', '35 min', '205.7x']);
      expect(select('th[scope="row"]', rows[0]!)).toBeTruthy();
      expect(select('th[scope="row"] code', rows[1]!)).toBeTruthy();
      for (const td of selectAll('td:not(.project)', rows[3]!)) expect(String(td.properties.className)).toContain('num');
      const wrapper = nextElement(root, heading(root, 'h2', 'The Numbers'))!;
      expect(String(wrapper.properties.className)).toContain('table-scroll');
      expect(wrapper.properties.tabIndex).toBe(0);
      expect(wrapper.properties.role).toBe('region');
    });

    it('has the Aggregate table with the reference figures', () => {
      const table = tableAfter(root, 'h2', 'Aggregate');
      expect(selectAll('thead th', table).map(text)).toEqual(['Metric', 'Value']);
      const rows = selectAll('tbody tr', table).map((tr) => [
        text(select('th[scope="row"]', tr)!),
        text(select('td', tr)!),
      ]);
      expect(rows).toEqual([
        ['Tasks completed', '35 (grouped into 15 categories above)'],
        ['Human equivalent', '1,096 hours (~27.4 work weeks)'],
        ['Claude wall-clock', '643 minutes (~10.7 hours)'],
        ['Tokens consumed', '~2,095,000'],
        ['Weighted leverage factor', '102.3x'],
      ]);
    });

    it('lists highlights and milestones, then the analysis', () => {
      const items = selectAll('.highlights li', root);
      expect(items.map(text)).toEqual([
        'Highest leverage: row 15 (205.7x); lowest: row 1 (12.6x).',
        'First day above 100x.',
      ]);
      expect(select('.highlights li strong', root)).toBeTruthy();
      heading(root, 'h2', 'Analysis');
      expect(text(select('.analysis', root)!)).toContain('What went well');
    });

    it('shows the call to action, the author and the record tag link', () => {
      expect(text(select('.call-to-action', root)!)).toBe('Write to me.');
      heading(root, 'h2', 'About the author');
      expect(text(select('.about-author', root)!)).toContain('Ada Example');
      expect(select('.about-author em', root)).toBeTruthy();
      const link = selectAll('main a', root).find((a) => text(a) === 'See all records under the Time Record tag');
      expect(link?.properties.href).toBe('/tags/time-record/');
    });

    it('links the previous and next days with their titles', () => {
      const prev = select('a[rel="prev"]', root)!;
      const next = select('a[rel="next"]', root)!;
      expect(prev.properties.href).toBe('/records/2026-03-01/');
      expect(text(prev)).toContain('Leverage Record: March 1, 2026');
      expect(next.properties.href).toBe('/records/2026-03-03/');
      expect(text(next)).toContain('Hostile');
      const first = tree(site, '/records/2026-03-01/');
      expect(select('a[rel="prev"]', first)).toBeUndefined();
      expect(select('a[rel="next"]', first)?.properties.href).toBe('/records/2026-03-02/');
    });

    it('leaves out empty sections', () => {
      const first = tree(site, '/records/2026-03-01/');
      expect(selectAll('h2', first).map(text)).not.toContain('Highlights');
      expect(selectAll('h2', first).map(text)).not.toContain('Analysis');
      const plain = buildSite(theme).then((s) => tree(s, '/records/2026-03-01/'));
      return plain.then((r) => {
        expect(select('.call-to-action', r)).toBeUndefined();
        expect(select('.about-author', r)).toBeUndefined();
        expect(text(select('footer', r)!)).not.toContain('Written by');
      });
    });

    it('adds Supervision and Sup. Factor columns when the record has supervision', () => {
      const r = tree(site, '/records/2026-03-03/');
      const table = tableAfter(r, 'h2', 'The Numbers');
      expect(selectAll('thead th', table).map(text)).toEqual([
        '#', 'Task', 'Project', 'Human Est.', 'Claude', 'Supervision', 'Leverage', 'Sup. Factor',
      ]);
      expect(selectAll('tbody tr', table).map((tr) => selectAll('td, th', tr).length)).toEqual([8, 8]);
      const aggregate = selectAll('tbody th', tableAfter(r, 'h2', 'Aggregate')).map(text);
      expect(aggregate).toContain('Supervisory time');
      expect(aggregate).toContain('Weighted supervisory factor');
    });

    it('adds a Weeks column and marks truncated titles when configured', async () => {
      const s = await buildSite(theme, { weeksColumn: true, truncateTitles: 30 });
      const table = tableAfter(tree(s, '/records/2026-03-02/'), 'h2', 'The Numbers');
      expect(selectAll('thead th', table).map(text)).toEqual(['#', 'Task', 'Project', 'Human Est.', 'Claude', 'Weeks', 'Leverage']);
      const abbr = select('tbody tr th abbr', table)!;
      expect(abbr.properties.title).toBe(
        'Batch runner and pool sizing for the ML pipeline, with deployment automation',
      );
      expect(text(abbr)).toMatch(/…$/);
    });
  });

  it('escapes a hostile title, task and summary', () => {
    const html = site.html.get('/records/2026-03-03/')!;
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    const root = tree(site, '/records/2026-03-03/');
    expect(selectAll('img', root)).toHaveLength(0);
    expect(text(select('h1', root)!)).toBe(`Hostile ${HOSTILE} day`);
    for (const html of site.html.values()) expect(html).not.toMatch(/<img src=x/i);
  });

  describe('lists', () => {
    it('tag page: heading, count, totals, leverage chart, newest-first record list', () => {
      const root = tree(site, '/tags/time-record/');
      expect(text(select('h1', root)!)).toBe('Time Record');
      expect(text(select('.page-header', root)!)).toContain('3 records');
      const totals = tableAfter(root, 'h2', 'Totals');
      expect(selectAll('tbody th', totals).map(text)).toContain('Weighted leverage factor');
      // The site model gives every tag page a leverage-over-time chart (site/stats-page.ts).
      expect(select('figure svg.chart', root)).toBeTruthy();
      const list = tableAfter(root, 'h2', 'Records');
      expect(selectAll('thead th', list).map(text)).toEqual(['Date', 'Record', 'Tasks', 'Human', 'Claude', 'Leverage']);
      const rows = selectAll('tbody tr', list);
      expect(rows.map((tr) => select('a', tr)!.properties.href)).toEqual([
        '/records/2026-03-03/',
        '/records/2026-03-02/',
        '/records/2026-03-01/',
      ]);
      expect(selectAll('td, th', rows[1]!).map(text)).toEqual([
        'March 2, 2026', 'Leverage Record: March 2, 2026', '35', '1,096 hours', '643 min', '102.3x',
      ]);
      expect(select('.pagination', root)).toBeUndefined();
      expect(text(select('.page-header', tree(site, '/tags/setup/'))!)).toContain('1 record');
    });

    it('tag pages paginate with Newer/Older and Page N of M', async () => {
      const s = await buildSite(theme, { pageSize: 2 });
      const first = tree(s, '/tags/time-record/');
      const second = tree(s, '/tags/time-record/page/2/');
      expect(text(select('.pagination', first)!)).toContain('Page 1 of 2');
      expect(select('.pagination a[rel="next"]', first)?.properties.href).toBe('/tags/time-record/page/2/');
      expect(select('.pagination a[rel="prev"]', first)).toBeUndefined();
      expect(text(select('.pagination a[rel="next"]', first)!)).toContain('Older');
      expect(select('.pagination a[rel="prev"]', second)?.properties.href).toBe('/tags/time-record/');
      expect(text(select('.pagination a[rel="prev"]', second)!)).toContain('Newer');
      expect(selectAll('table.record-list tbody tr', second)).toHaveLength(1);
    });

    it('charts appear in a figure when present', async () => {
      const s = await buildSite(theme, {}, true);
      for (const url of ['/', '/tags/time-record/']) {
        expect(select('figure svg.chart', tree(s, url)), url).toBeTruthy();
      }
    });

    it('tags page lists every tag with its count', () => {
      const root = tree(site, '/tags/');
      expect(selectAll('main li', root).map(text)).toEqual(['AI 3 records', 'Setup 1 record', 'Time Record 3 records']);
      expect(select('main a', root)?.properties.href).toBe('/tags/ai/');
    });

    it('home: intro, all-time figures and the latest records with summaries', () => {
      const root = tree(site, '/');
      expect(text(select('.lead', root)!)).toBe(DEFAULT_CONFIG.description);
      const totals = tableAfter(root, 'h2', 'All-time figures');
      expect(selectAll('tbody th', totals).map(text)[0]).toBe('Records');
      const articles = selectAll('article', root);
      expect(articles).toHaveLength(3);
      expect(select('h3 a', articles[1]!)?.properties.href).toBe('/records/2026-03-02/');
      expect(text(articles[1]!)).toContain('102.3x');
      expect(text(articles[1]!)).toContain('A marathon day');
      expect(select('time', articles[1]!)?.properties.dateTime).toBe('2026-03-02');
    });

    it('stats: totals and each section with heading, chart, table (links in cells) and note', () => {
      const root = tree(site, '/stats/');
      heading(root, 'h2', 'Best days');
      const table = tableAfter(root, 'h2', 'Best days');
      expect(text(select('caption', table)!)).toBe('Days with the highest weighted leverage');
      expect(selectAll('thead th', table).map(text)).toEqual(['Day', 'Tasks', 'Leverage']);
      const link = select('tbody th a', table)!;
      expect(link.properties.href).toBe('/records/2026-03-01/');
      expect(text(link)).toBe('March 1, 2026');
      expect(text(root)).toContain('Weighted leverage divides the totals.');
      expect(select('figure svg.chart', root)).toBeTruthy();
      const perMonth = selectAll('main section', root).find((sec) => text(select('h2', sec)!) === 'Per month')!;
      expect(select('figure svg.chart', perMonth)).toBeTruthy();
      expect(text(select('table tbody tr', perMonth)!)).toBe('March 2026 3');
    });

    it('404 links home', () => {
      const root = tree(site, '/404.html');
      expect(text(select('h1', root)!)).toBe('Page not found');
      expect(selectAll('main a', root).map((a) => a.properties.href)).toContain('/');
    });
  });

  it('prefixes every internal href and src with the base path', async () => {
    const s = await buildSite(theme, { basePath: '/blog', url: 'https://example.com' }, true);
    for (const [url, root] of s.trees) {
      const refs = selectAll('[href], [src]', root).map((el) => String(el.properties.href ?? el.properties.src));
      expect(refs.length).toBeGreaterThan(5);
      for (const ref of refs) {
        if (ref.startsWith('/')) expect(ref, `${url}: ${ref}`).toMatch(/^\/blog\//);
      }
      expect(select('link[rel="canonical"]', root)?.properties.href).toBe(`https://example.com/blog${url}`);
    }
    const record = tree(s, '/records/2026-03-02/');
    expect(select('.tags a', record)?.properties.href).toBe('/blog/tags/ai/');
    expect(select('a[rel="next"]', record)?.properties.href).toBe('/blog/records/2026-03-03/');
  });

  it('writes its own text in Latin-1 (arrows as entities), so pages of Latin-1 records stay one byte per character in memory', () => {
    // A single wider character makes V8 hold the whole rendered page at two bytes per
    // character, which made encoding 4000 pages 35% slower.
    for (const [url, html] of site.html) {
      if (/[^\x00-\xff]/.test(HOSTILE + JSON.stringify(site.model.pages.find((page) => page.url === url)))) continue;
      expect(html.match(/[^\x00-\xff]/g), url).toBeNull();
    }
    expect(text(select('a[rel="next"]', tree(site, '/records/2026-03-02/'))!)).toMatch(/^Next → /);
  });

  it('renders byte-identical output twice', async () => {
    const again = await buildSite(theme, { author: { name: 'Ada Example', bio: 'Builds *things*.' }, callToAction: 'Write to me.' });
    for (const [url, html] of site.html) expect(again.html.get(url), url).toBe(html);
  });
});

/** `THEME_PREVIEW=1 npx vitest run test/render/theme.test.ts` writes the pages for a browser. */
it.runIf(process.env.THEME_PREVIEW)('writes a preview to /tmp/theme-preview', async () => {
  const out = '/tmp/theme-preview';
  const s = await buildSite(
    theme,
    { basePath: out, author: { name: 'Ada Example', bio: 'Builds *things*.' }, callToAction: 'Enjoyed this? **Subscribe** to the feed.' },
    true,
  );
  for (const page of s.model.pages) {
    const file = join(out, page.outputPath);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, s.html.get(page.url)!);
  }
  for (const name of ['style.css', 'favicon.svg']) await copyFile(join(PACKAGE_ROOT, 'public', name), join(out, name));
});
