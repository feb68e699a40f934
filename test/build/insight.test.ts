/** Whole-site builds: generated highlights, milestones, the /stats/ page and its charts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { build } from '../../src/build.js';
import { makeRoot, readHtml, removeRoot, tableAfterHeading, tableHeaders, tableRows, texts } from '../support/site.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/reference');

const clean = (node: Element | Root): string => toText(node).trim().replace(/\s+/g, ' ');

/** The highlight and milestone sentences of a record page. */
async function highlightsOf(out: string, date: string): Promise<{ highlights: string[]; milestones: string[] }> {
  const page = await readHtml(join(out, `records/${date}/index.html`));
  const section = select('section.highlights', page);
  if (!section) return { highlights: [], milestones: [] };
  return {
    highlights: selectAll('li:not(.milestone)', section).map(clean),
    milestones: selectAll('li.milestone', section).map(clean),
  };
}

function day(date: string, human: string, claude: string, extra = ''): string {
  return `---\ndate: ${date}\n${extra}tasks:\n  - task: Work of ${date}\n    human: ${human}\n    claude: ${claude}\n---\n`;
}

describe('highlights of the reference day', () => {
  let root: string;
  let out: string;

  beforeAll(async () => {
    root = await makeRoot({});
    await cp(FIXTURE, root, { recursive: true });
    out = join(root, 'dist');
    await build({ root, out });
  });
  afterAll(() => removeRoot(root));

  it('names the highest and lowest rows and the hours one minute replaced', async () => {
    const { highlights, milestones } = await highlightsOf(out, '2026-03-02');
    expect(highlights).toEqual([
      'Highest leverage: row 15 (205.7x); lowest: row 1 (12.6x).',
      'One minute of Claude time replaced 1.7 hours of human engineering.',
    ]);
    expect(milestones).toEqual(['First record of the series (102.3x weighted leverage).']);
  });

  it('puts the highlights between the Aggregate and the Analysis, as plain escaped text', async () => {
    const html = await readFile(join(out, 'records/2026-03-02/index.html'), 'utf8');
    const section = /<section class="highlights">([\s\S]*?)<\/section>/.exec(html)![1]!;
    expect(section.replace(/<\/?(?:h2|ul|li)[^>]*>/g, '')).not.toMatch(/<[a-z]/i);
    const page = await readHtml(join(out, 'records/2026-03-02/index.html'));
    expect(texts(page, 'h2')).toEqual(expect.arrayContaining(['Aggregate', 'Highlights', 'Analysis']));
    const order = texts(page, 'h2');
    expect(order.indexOf('Aggregate')).toBeLessThan(order.indexOf('Highlights'));
    expect(order.indexOf('Highlights')).toBeLessThan(order.indexOf('Analysis'));
  });
});

describe('milestones over a small series', () => {
  let root: string;
  let out: string;
  let withDrafts: string;

  beforeAll(async () => {
    root = await makeRoot({
      'records/2026-01-05.md': day('2026-01-05', '2h', '10m'), // 12x, 2 hours
      'records/2026-01-06.md': day('2026-01-06', '10h', '10m'), // 60x, 10 hours
      'records/2026-01-07.md': day('2026-01-07', '50h', '10m', 'draft: true\n'), // 300x, a draft
      'records/2026-01-08.md': day('2026-01-08', '1h', '10m'), // 6x
      'records/2026-01-09.md': day('2026-01-09', '20h', '10m'), // 120x, 20 hours
      'records/2026-01-10.md': day('2026-01-10', '20h', '10m'), // 120x again: ties claim nothing
    });
    out = join(root, 'dist');
    withDrafts = join(root, 'dist-drafts');
    await build({ root, out });
    await build({ root, out: withDrafts, drafts: true });
  });
  afterAll(() => removeRoot(root));

  const EXPECTED: Record<string, string[]> = {
    '2026-01-05': ['First record of the series (12x weighted leverage).'],
    '2026-01-06': [
      'First day above 50x weighted leverage.',
      'Highest weighted leverage so far: 60x (previous high 12x on January 5, 2026).',
      'Most human-equivalent hours so far: 10 hours (previous most 2 hours on January 5, 2026).',
    ],
    '2026-01-08': ['Lowest weighted leverage so far: 6x (previous low 12x on January 5, 2026).'],
    '2026-01-09': [
      'First day above 100x weighted leverage.',
      'Highest weighted leverage so far: 120x (previous high 60x on January 6, 2026).',
      'Most human-equivalent hours so far: 20 hours (previous most 10 hours on January 6, 2026).',
    ],
    '2026-01-10': [],
  };

  it('claims each milestone on the day it became true of the whole series so far', async () => {
    for (const [date, milestones] of Object.entries(EXPECTED)) {
      expect((await highlightsOf(out, date)).milestones, date).toEqual(milestones);
    }
  });

  it('every claim holds against the exported numbers', async () => {
    const data = JSON.parse(await readFile(join(out, 'data/records.json'), 'utf8'));
    const days: { date: string; leverage: number; hours: number }[] = data.records.map(
      (r: { date: string; totals: { leverage: number; humanMinutes: number } }) => ({
        date: r.date,
        leverage: Math.round(r.totals.leverage * 10) / 10,
        hours: r.totals.humanMinutes / 60,
      }),
    );
    for (const [i, d] of days.entries()) {
      const before = days.slice(0, i);
      for (const claim of (await highlightsOf(out, d.date)).milestones) {
        if (claim.startsWith('Highest weighted leverage')) expect(before.every((b) => b.leverage < d.leverage), claim).toBe(true);
        if (claim.startsWith('Lowest weighted leverage')) expect(before.every((b) => b.leverage > d.leverage), claim).toBe(true);
        if (claim.startsWith('Most human-equivalent')) expect(before.every((b) => b.hours < d.hours), claim).toBe(true);
        const above = /^First day above (\d+)x/.exec(claim);
        if (above) {
          const threshold = Number(above[1]);
          expect(d.leverage).toBeGreaterThan(threshold);
          expect(before.every((b) => b.leverage <= threshold), claim).toBe(true);
        }
      }
    }
  });

  it('compares each day with the previous published record', async () => {
    expect((await highlightsOf(out, '2026-01-08')).highlights).toContain(
      'Weighted leverage 6x, down from 60x on January 6, 2026 (-54x); human-equivalent hours 1, down from 10 (-9).',
    );
    expect((await highlightsOf(out, '2026-01-10')).highlights).toContain(
      'Weighted leverage 120x, the same as on January 9, 2026; human-equivalent hours 20, unchanged.',
    );
  });

  it('with --drafts, the draft claims no milestones and changes no published day', async () => {
    const draft = await highlightsOf(withDrafts, '2026-01-07');
    expect(draft.milestones).toEqual([]);
    expect(draft.highlights[0]).toBe('Only task: row 1 (300x).');
    for (const [date, milestones] of Object.entries(EXPECTED)) {
      const page = await highlightsOf(withDrafts, date);
      expect(page.milestones, date).toEqual(milestones);
      expect(page.highlights, date).toEqual((await highlightsOf(out, date)).highlights);
    }
  });
});

describe('the /stats/ page', () => {
  let root: string;
  let out: string;
  let stats: Root;

  beforeAll(async () => {
    root = await makeRoot({
      'records/2026-02-27.md': day('2026-02-27', '3h', '20m', 'tasksCompleted: 4\n'),
      'records/2026-03-01.md': `---
date: 2026-03-01
tokens: 1000
tasks:
  - task: Billing export
    human: 10h
    claude: 20m
    supervision: 10m
    project: billing
  - task: Docs pass
    human: 2h
    claude: 30m
    supervision: 5m
    project: docs
---
`,
    });
    await cp(FIXTURE, root, { recursive: true });
    out = join(root, 'dist');
    await build({ root, out });
    stats = await readHtml(join(out, 'stats/index.html'));
  });
  afterAll(() => removeRoot(root));

  it('shows the all-time totals', () => {
    expect(tableRows(tableAfterHeading(stats, 'All-time figures'))).toEqual([
      ['Days recorded', '3'],
      ['Tasks completed', '41'],
      ['Human equivalent', '1,111 hours (~27.8 work weeks)'],
      ['Claude wall-clock', '713 minutes (~11.9 hours)'],
      ['Supervisory time', '15 minutes (~0.3 hours)'],
      ['Tokens consumed', '~2,096,000'],
      ['Weighted leverage factor', '93.5x'],
      ['Weighted supervisory factor', '48x'],
    ]);
    expect(clean(stats)).toContain('cover the 1 of 3 records that track supervision');
  });

  it('has a section per figure, each chart with a text alternative', () => {
    expect(texts(stats, 'main h2')).toEqual([
      'All-time figures',
      'Weighted leverage per day',
      // Every record is in the last 14 days: no 90-day chart showing the same bars again.
      'Human-equivalent hours per day, last 14 days',
      'Distribution of task factors',
      'Best days',
      'Worst days',
      'Per month',
      'Per project',
    ]);
    const sections = selectAll('main section', stats);
    const charts = sections.filter((s) => select('svg', s));
    expect(charts).toHaveLength(3);
    for (const section of charts) {
      const svg = select('svg', section)!;
      expect(svg.properties.role).toBe('img');
      expect(clean(select('svg > title', section)!)).not.toBe('');
      expect(clean(select('svg > desc', section)!)).not.toBe('');
      expect(select('table', section), clean(select('h2', section)!)).toBeTruthy();
    }
    // Long data tables are collapsed under their chart.
    expect(selectAll('details table', stats)).toHaveLength(2);
  });

  it('charts leverage per day and the hours of the last 14 days, calendar day by day', () => {
    const leverage = selectAll('main section', stats).find((s) => clean(select('h2', s)!) === 'Weighted leverage per day')!;
    expect(selectAll('svg .chart-point', leverage)).toHaveLength(3);
    expect(tableRows(select('table', leverage)!)).toEqual([
      ['February 27, 2026', '9x'],
      ['March 1, 2026', '14.4x'],
      ['March 2, 2026', '102.3x'],
    ]);
    const last14 = selectAll('main section', stats).find((s) => clean(select('h2', s)!).endsWith('last 14 days'))!;
    // Feb 27 … Mar 2: four calendar days (Feb 28 without a record counts as 0).
    expect(selectAll('svg .chart-bar', last14)).toHaveLength(4);
    expect(clean(select('p.note', last14)!)).toBe(
      '3 records from February 27, 2026 to March 2, 2026: 1,111 hours (~27.8 work weeks) of human-equivalent work at a weighted leverage of 93.5x.',
    );
  });

  it('shows the distribution of task factors', () => {
    const table = tableAfterHeading(stats, 'Distribution of task factors');
    expect(tableHeaders(table)).toEqual(['Leverage', 'Tasks', 'Human equivalent']);
    expect(tableRows(table).map((r) => r.slice(0, 2))).toEqual([
      ['<10x', '2'],
      ['10–25x', '3'],
      ['25–50x', '1'],
      ['50–100x', '6'],
      ['100–200x', '5'],
      ['≥200x', '1'],
    ]);
  });

  it('links the best and worst days to their record pages', () => {
    const best = tableAfterHeading(stats, 'Best days');
    expect(tableRows(best).map((r) => [r[0], r[4]])).toEqual([
      ['March 2, 2026', '102.3x'],
      ['March 1, 2026', '14.4x'],
      ['February 27, 2026', '9x'],
    ]);
    expect(selectAll('tbody th a', best).map((a) => a.properties.href)).toEqual([
      '/records/2026-03-02/',
      '/records/2026-03-01/',
      '/records/2026-02-27/',
    ]);
    expect(tableRows(tableAfterHeading(stats, 'Worst days'))[0]![0]).toBe('February 27, 2026');
  });

  it('has per-month and per-project tables', () => {
    expect(tableRows(tableAfterHeading(stats, 'Per month'))).toEqual([
      ['February 2026', '1', '4', '3 hours', '20 min', '9x'],
      ['March 2026', '2', '37', '1,108 hours', '693 min', '95.9x'],
    ]);
    expect(tableRows(tableAfterHeading(stats, 'Per project'))).toEqual([
      ['(none)', '2', '16', '1,099 hours', '663 min', '99.5x'],
      ['billing', '1', '1', '10 hours', '20 min', '30x'],
      ['docs', '1', '1', '2 hours', '30 min', '4x'],
    ]);
  });

  it('gives the home page and the tag pages a small leverage chart', async () => {
    for (const path of ['index.html', 'tags/time-record/index.html', 'tags/ai/index.html']) {
      const page = await readHtml(join(out, path));
      const svg = select('figure svg.chart', page);
      expect(svg, path).toBeTruthy();
      expect(selectAll('.chart-point', svg!), path).toHaveLength(3);
      expect(clean(select('desc', svg!)!), path).toContain('Weighted leverage of each record.');
    }
  });

  it('links the stats page from every page', async () => {
    const home = await readHtml(join(out, 'index.html'));
    expect(selectAll('nav a', home).map((a) => a.properties.href)).toContain('/stats/');
  });
});

describe('a site without records', () => {
  it('still builds a stats page', async () => {
    const root = await makeRoot({ 'records/.keep': '' });
    try {
      await build({ root });
      const stats = await readHtml(join(root, 'dist/stats/index.html'));
      expect(texts(stats, 'h1')).toEqual(['Stats']);
      expect(tableRows(tableAfterHeading(stats, 'All-time figures'))[0]).toEqual(['Days recorded', '0']);
    } finally {
      await removeRoot(root);
    }
  });
});
