/**
 * Whole-site builds with the presentation options of site.yaml: rowOrder, weeksColumn,
 * truncateTitles and aliases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { build } from '../../src/build.js';
import { makeRoot, readHtml, readTree, removeRoot, tableAfterHeading, tableHeaders, tableRows, texts, writeFiles } from '../support/site.js';
import { REFERENCE_ROWS } from '../support/reference-day.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/reference');

const SUPERVISED = `---
date: 2026-03-03
tasks:
  - task: Release notes
    human: 2h
    claude: 10m
    supervision: 5
  - task: Changelog tidy-up
    human: 80h
    claude: 5m
    supervision: 2m
---
`;

/** A root with the reference day, a supervised day and this site.yaml, built. */
async function site(yaml: string): Promise<{ root: string; out: string }> {
  const root = await makeRoot({});
  await cp(FIXTURE, root, { recursive: true });
  await writeFiles(root, { 'site.yaml': yaml, 'records/2026-03-03.md': SUPERVISED });
  const out = join(root, 'dist');
  await build({ root, out });
  return { root, out };
}

describe('rowOrder: leverage', () => {
  let root: string;
  let out: string;
  beforeAll(async () => ({ root, out } = await site('rowOrder: leverage\n')));
  afterAll(() => removeRoot(root));

  it('orders The Numbers by leverage, highest first, keeping each row its number', async () => {
    const rows = tableRows(tableAfterHeading(await readHtml(join(out, 'records/2026-03-02/index.html')), 'The Numbers'));
    const expected = REFERENCE_ROWS.map((row, i) => ({ n: i + 1, ...row, value: (row.humanHours * 60) / row.claudeMinutes }))
      .sort((a, b) => b.value - a.value);
    expect(rows.map((r) => [r[0], r[4]])).toEqual(expected.map((e) => [String(e.n), e.leverage]));
    expect(rows[0]!.slice(0, 2)).toEqual(['15', 'Cross-subject consistency audit']);
  });

  it('keeps the author order in the exports and the row numbers in the highlights', async () => {
    const data = JSON.parse(await readFile(join(out, 'data/records.json'), 'utf8'));
    expect(data.records[0].tasks.map((t: { n: number }) => t.n)).toEqual(REFERENCE_ROWS.map((_, i) => i + 1));
    const page = await readHtml(join(out, 'records/2026-03-02/index.html'));
    expect(texts(page, '.highlights li')).toContain('Highest leverage: row 15 (205.7x); lowest: row 1 (12.6x).');
  });
});

describe('weeksColumn: true', () => {
  let root: string;
  let out: string;
  beforeAll(async () => ({ root, out } = await site('weeksColumn: true\nworkWeekHours: 40\n')));
  afterAll(() => removeRoot(root));

  it('shows a Weeks column', async () => {
    const table = tableAfterHeading(await readHtml(join(out, 'records/2026-03-02/index.html')), 'The Numbers');
    expect(tableHeaders(table)).toEqual(['#', 'Task', 'Human Est.', 'Claude', 'Weeks', 'Leverage']);
    const rows = tableRows(table);
    expect(rows[14]).toEqual(['15', 'Cross-subject consistency audit', '120 hours', '35 min', '3', '205.7x']);
    expect(rows[0]![4]).toBe('0.1');
  });

  it('puts it in place of the Supervision column; the Sup. Factor and supervision aggregates stay', async () => {
    const page = await readHtml(join(out, 'records/2026-03-03/index.html'));
    const table = tableAfterHeading(page, 'The Numbers');
    expect(tableHeaders(table)).toEqual(['#', 'Task', 'Human Est.', 'Claude', 'Weeks', 'Leverage', 'Sup. Factor']);
    expect(tableRows(table)).toEqual([
      ['1', 'Release notes', '2 hours', '10 min', '0.1', '12x', '24x'],
      ['2', 'Changelog tidy-up', '80 hours', '5 min', '2', '960x', '2,400x'],
    ]);
    const aggregate = tableRows(tableAfterHeading(page, 'Aggregate')).map((r) => r[0]);
    expect(aggregate).toContain('Supervisory time');
    expect(aggregate).toContain('Weighted supervisory factor');
  });
});

describe('truncateTitles', () => {
  let root: string;
  let out: string;
  beforeAll(async () => ({ root, out } = await site('truncateTitles: 24\n')));
  afterAll(() => removeRoot(root));

  const FULL = 'Domain specs for 7 standardized test families (18 documents, 590 leaf goals)';

  it('shortens long titles in tables, with the full text on hover', async () => {
    const page = await readHtml(join(out, 'records/2026-03-02/index.html'));
    const table = tableAfterHeading(page, 'The Numbers');
    const row = selectAll('tbody tr', table)[3]!;
    const abbr = select('abbr', row)!;
    expect(abbr.properties.title).toBe(FULL);
    expect(tableRows(table)[3]![1]).toBe('Domain specs for 7…');
    expect(tableRows(table)[1]![1]).toBe('Grader prompt revisions'); // short titles as they are
    expect(select('abbr', selectAll('tbody tr', table)[1]!)).toBeUndefined();
  });

  it('keeps the full titles in the data exports and the feeds', async () => {
    const data = JSON.parse(await readFile(join(out, 'data/records.json'), 'utf8'));
    expect(data.records[0].tasks[3].task).toBe(FULL);
    const csv = await readFile(join(out, 'data/tasks.csv'), 'utf8');
    expect(csv).toContain(`"${FULL}"`);
    const feed = JSON.parse(await readFile(join(out, 'feed.json'), 'utf8'));
    expect(feed.items[1].content_html).toContain(`title="${FULL}"`);
  });
});

describe('aliases', () => {
  let root: string;
  let out: string;

  beforeAll(async () => {
    root = await makeRoot({});
    await cp(FIXTURE, root, { recursive: true });
    await writeFiles(root, {
      'site.yaml': `title: Acme Diaries
description: Daily work for ACME.
url: https://example.com
author:
  name: Ada for Acme
  bio: I build things for [Acme](https://acme.example/about).
aboutRecords: Tasks for acme count like any other.
callToAction: Ask Acme Learn about it.
defaultTags: [AI, Time Record, Acme]
aliases:
  Acme: Client
  Acme Learn: an education platform
`,
      'records/2026-03-03.md': `---
date: 2026-03-03
title: An Acme day
tags: [AI, Time Record, Acme]
summary: Shipping **Acme Learn** for acme's team.
tasks:
  - task: Acme billing \`acme-api\` fix
    human: 3h
    claude: 10m
    project: Acme
  - task: "[Acme docs](https://docs.acme.example/start)"
    human: 1h
    claude: 5m
    project: acme-learn
---

Acme's release went out. ACME LEARN is next; see <https://acme.example/next>.

\`\`\`
acme deploy --prod
\`\`\`
`,
    });
    out = join(root, 'dist');
    await build({ root, out });
  });
  afterAll(() => removeRoot(root));

  it('no output file holds the private name, in any case', async () => {
    const files = await readTree(out);
    expect(files.size).toBeGreaterThan(10);
    for (const [path, bytes] of files) expect(bytes.toString('utf8'), path).not.toMatch(/acme/i);
  });

  it('shows the public names everywhere the private ones were', async () => {
    const page = await readHtml(join(out, 'records/2026-03-03/index.html'));
    expect(texts(page, 'h1')).toEqual(['An Client day']);
    expect(texts(page, '.summary')).toEqual(["Shipping an education platform for client's team."]);
    const rows = tableRows(tableAfterHeading(page, 'The Numbers'));
    expect(rows.map((r) => r[1])).toEqual(['Client billing client-api fix', 'Client docs']);
    expect(selectAll('.tags a', page).map((a) => a.properties.href)).toContain('/tags/client/');
    expect(texts(page, '.analysis p')[0]).toBe("Client's release went out. AN EDUCATION PLATFORM is next; see https://client.example/next.");
    expect(texts(page, 'title')[0]).toBe('An Client day · Client Diaries');
    const home = await readHtml(join(out, 'index.html'));
    expect(texts(home, '.lead')).toEqual(['Daily work for CLIENT.']);
    const stats = await readHtml(join(out, 'stats/index.html'));
    expect(tableRows(tableAfterHeading(stats, 'Per project')).map((r) => r[0])).toEqual(['(none)', 'Client', 'client-learn']);
    const data = JSON.parse(await readFile(join(out, 'data/records.json'), 'utf8'));
    expect(data.records[1].tasks[1].task).toBe('[Client docs](https://docs.client.example/start)');
    expect(data.records[1].tags).toEqual(['AI', 'Time Record', 'Client']);
  });
});
