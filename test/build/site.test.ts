/** Whole-site builds of small roots, asserting on the files a reader or a tool would get. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../../src/build.js';
import { makeRoot, writeFiles, readHtml, readTree, removeRoot, tableAfterHeading, tableHeaders, tableRows, texts } from '../support/site.js';
import { REFERENCE_AGGREGATE, REFERENCE_ROWS } from '../support/reference-day.js';
import { selectAll } from 'hast-util-select';

const FIXTURE = join(import.meta.dirname, '../fixtures/reference');

const SECOND_DAY = `---
date: 2026-03-03
tags: [AI, Time Record, Writing]
summary: A short day.
tasks:
  - task: Release notes
    human: 2h
    claude: 10m
    supervision: 5
  - task: Changelog tidy-up
    human: 1 hour
    claude: 5m
    supervision: 2m
---

Short body.
`;

describe('a root holding only records/ builds a complete site', () => {
  let root: string;
  let out: string;

  beforeAll(async () => {
    root = await makeRoot({});
    await cp(FIXTURE, root, { recursive: true });
    await writeFiles(root, { 'records/2026/2026-03-03.md': SECOND_DAY });
    out = join(root, 'dist');
    await build({ root, out });
  });
  afterAll(() => removeRoot(root));

  it('writes every page of site.md', async () => {
    const files = [...(await readTree(out)).keys()];
    for (const path of [
      'index.html',
      'records/2026-03-02/index.html',
      'records/2026-03-03/index.html',
      'tags/index.html',
      'tags/time-record/index.html',
      'tags/ai/index.html',
      'tags/writing/index.html',
      '404.html',
      'data/records.json',
      'data/tasks.csv',
      'style.css',
      'favicon.svg',
    ]) {
      expect(files, path).toContain(path);
    }
  });

  it('shows The Numbers of the reference day exactly', async () => {
    const page = await readHtml(join(out, 'records/2026-03-02/index.html'));
    const table = tableAfterHeading(page, 'The Numbers');
    expect(tableHeaders(table)).toEqual(['#', 'Task', 'Human Est.', 'Claude', 'Leverage']);
    const rows = tableRows(table);
    expect(rows).toHaveLength(15);
    rows.forEach((row, i) => {
      const expected = REFERENCE_ROWS[i]!;
      expect(row[0]).toBe(String(i + 1));
      expect(row[2]).toBe(`${expected.humanHours} hours`);
      expect(row[3]).toBe(`${expected.claudeMinutes} min`);
      expect(row[4]).toBe(expected.leverage);
    });
    expect(rows[2]![1]).toBe('Rubric schema for assessment documents');
  });

  it('shows the Aggregate of the reference day exactly', async () => {
    const page = await readHtml(join(out, 'records/2026-03-02/index.html'));
    expect(tableRows(tableAfterHeading(page, 'Aggregate'))).toEqual(REFERENCE_AGGREGATE);
  });

  it('shows supervision columns and aggregate rows when a record has supervision', async () => {
    const page = await readHtml(join(out, 'records/2026-03-03/index.html'));
    const numbers = tableAfterHeading(page, 'The Numbers');
    expect(tableHeaders(numbers)).toEqual(['#', 'Task', 'Human Est.', 'Claude', 'Supervision', 'Leverage', 'Sup. Factor']);
    expect(tableRows(numbers)).toEqual([
      ['1', 'Release notes', '2 hours', '10 min', '5 min', '12x', '24x'],
      ['2', 'Changelog tidy-up', '1 hour', '5 min', '2 min', '12x', '30x'],
    ]);
    expect(tableRows(tableAfterHeading(page, 'Aggregate'))).toEqual([
      ['Tasks completed', '2'],
      ['Human equivalent', '3 hours (~0.1 work weeks)'],
      ['Claude wall-clock', '15 minutes (~0.3 hours)'],
      ['Supervisory time', '7 minutes (~0.1 hours)'],
      ['Weighted leverage factor', '12x'],
      ['Weighted supervisory factor', '25.7x'],
    ]);
  });

  it('gives each record page its title, date, tags, about text, analysis and neighbours', async () => {
    const html = await readFile(join(out, 'records/2026-03-02/index.html'), 'utf8');
    const page = await readHtml(join(out, 'records/2026-03-02/index.html'));
    expect(texts(page, 'h1')).toEqual(['Leverage Record: March 2, 2026']);
    expect(texts(page, 'time')).toContain('March 2, 2026');
    const hrefs = selectAll('a', page).map((a) => String(a.properties.href));
    expect(hrefs).toContain('/tags/time-record/');
    expect(hrefs).toContain('/tags/ai/');
    expect(hrefs).toContain('/records/2026-03-03/');
    expect(html).toContain('About These Records');
    expect(texts(page, 'h2')).toContain('Analysis');
    expect(html).toContain('<a href="https://example.com">link</a>');
    expect(html).toMatch(/See all records under the Time Record tag/);
    expect(html).toContain('A marathon day of structured document authoring at scale, plus CMS work.');
  });

  it('lists records on tag pages newest first with their figures', async () => {
    const page = await readHtml(join(out, 'tags/time-record/index.html'));
    const rows = selectAll('table', page)
      .map(tableRows)
      .find((rows) => rows.some((r) => r.includes('Leverage Record: March 2, 2026')))!;
    expect(rows.map((r) => r[0])).toEqual(['March 3, 2026', 'March 2, 2026']);
    expect(rows[1]).toEqual(['March 2, 2026', 'Leverage Record: March 2, 2026', '35', '1,096 hours', '643 min', '102.3x']);
  });

  it('lists every tag with its record count', async () => {
    const page = await readHtml(join(out, 'tags/index.html'));
    const items = texts(page, 'main li');
    expect(items).toEqual(expect.arrayContaining([expect.stringMatching(/^AI\D*2\b/), expect.stringMatching(/^Writing\D*1\b/)]));
  });

  it('exports every number unrounded in data/records.json', async () => {
    const data = JSON.parse(await readFile(join(out, 'data/records.json'), 'utf8'));
    expect(data.records.map((r: { date: string }) => r.date)).toEqual(['2026-03-02', '2026-03-03']);
    const reference = data.records[0];
    expect(reference).toMatchObject({
      date: '2026-03-02',
      url: '/records/2026-03-02/',
      title: 'Leverage Record: March 2, 2026',
      tags: ['AI', 'Time Record'],
    });
    expect(reference.tasks[0]).toEqual({
      n: 1,
      task: 'Batch runner and pool sizing for the ML pipeline, with deployment automation',
      project: null,
      humanMinutes: 240,
      claudeMinutes: 19,
      supervisionMinutes: null,
      leverage: 12.631578947368421,
      supervisoryLeverage: null,
    });
    expect(reference.totals).toEqual({
      rows: 15, tasksCompleted: 35, humanMinutes: 65760, claudeMinutes: 643,
      supervisionMinutes: null, tokens: 2095000, leverage: 102.27060653188181, supervisoryLeverage: null,
    });
    expect(data.totals).toMatchObject({ records: 2, rows: 17, tasksCompleted: 37, humanMinutes: 65940, claudeMinutes: 658 });
  });

  it('exports one CSV row per task', async () => {
    const csv = (await readFile(join(out, 'data/tasks.csv'), 'utf8')).trim().split('\r\n');
    expect(csv[0]).toBe('date,n,task,project,humanMinutes,claudeMinutes,supervisionMinutes,leverage,supervisoryLeverage');
    expect(csv).toHaveLength(1 + 17);
    expect(csv[1]).toBe('2026-03-02,1,"Batch runner and pool sizing for the ML pipeline, with deployment automation",,240,19,,12.631578947368421,');
    expect(csv[17]).toBe('2026-03-03,2,Changelog tidy-up,,60,5,2,12,30');
  });
});

describe('pagination of tag pages', () => {
  it('puts 30 records on a page and links the pages', async () => {
    const files: Record<string, string> = {};
    for (let d = 1; d <= 31; d++) {
      const date = `2026-01-${String(d).padStart(2, '0')}`;
      files[`records/${date}.md`] = `---\ntasks:\n  - task: Work\n    human: ${d}h\n    claude: 10m\n---\n`;
    }
    const root = await makeRoot(files);
    try {
      await build({ root });
      const first = await readHtml(join(root, 'dist/tags/time-record/index.html'));
      const second = await readHtml(join(root, 'dist/tags/time-record/page/2/index.html'));
      const dates = (page: typeof first) => texts(page, 'tbody tr td:first-child, tbody tr th:first-child').filter((t) => /2026/.test(t));
      expect(dates(first)).toHaveLength(30);
      expect(dates(first)[0]).toBe('January 31, 2026');
      expect(dates(second)).toEqual(['January 1, 2026']);
      expect(selectAll('a', first).map((a) => a.properties.href)).toContain('/tags/time-record/page/2/');
      expect(selectAll('a', second).map((a) => a.properties.href)).toContain('/tags/time-record/');
      expect(existsSync(join(root, 'dist/tags/time-record/page/3/index.html'))).toBe(false);
    } finally {
      await removeRoot(root);
    }
  });
});
