/**
 * One figure, one way (issue 18): a day's human hours and Claude minutes read the same on its
 * record page, its tag page, the stats page, the archive and its month's page, and the
 * all-time figures the same on home, stats, the archive and the tag covering every record.
 * An estimate under an hour reads in minutes everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Root } from 'hast';
import { build } from '../../src/build.js';
import { makeRoot, readHtml, removeRoot, tableAfterHeading, tableRows } from '../support/site.js';

const RECORDS = {
  // 8h + 3h 45m = 11.75 hours (shown to one decimal it was "11.8 hours" on lists); 10 + 2.25 = 12.25 min.
  'records/2026-03-02.md': `---
date: 2026-03-02
tags: [AI, Writing]
summary: A long day.
tasks:
  - task: Long work
    human: 8h
    claude: 10m
  - task: Shorter work
    human: 3h 45m
    claude: 2.25m
---

Body.
`,
  'records/2026-04-10.md': `---
date: 2026-04-10
tags: [AI]
summary: A short day.
tasks:
  - task: Tiny fix
    human: 20m
    claude: 5m
---

Body.
`,
};

/** Cell texts of every table row of a page whose text contains `label`. */
function rowsWith(tree: Root, label: string): string[][] {
  return selectAll('tr', tree)
    .map((tr) => selectAll('th, td', tr).map((cell) => toText(cell).trim().replace(/\s+/g, ' ')))
    .filter((cells) => cells.some((cell) => cell === label));
}

describe('a figure reads the same on every page', () => {
  let root: string;
  let out: string;
  const page = (path: string): Promise<Root> => readHtml(join(out, path));

  beforeAll(async () => {
    root = await makeRoot(RECORDS);
    out = join(root, 'dist');
    await build({ root, out });
  });
  afterAll(() => removeRoot(root));

  it("a day's 11.75 human hours: its page's rows and Aggregate", async () => {
    const tree = await page('records/2026-03-02/index.html');
    expect(tableRows(tableAfterHeading(tree, 'The Numbers')).map((row) => row[2])).toEqual(['8 hours', '3.75 hours']);
    expect(tableRows(tableAfterHeading(tree, 'Aggregate'))).toContainEqual(['Human equivalent', '11.75 hours (~0.3 work weeks)']);
  });

  /** Every time cell of the rows labelled `label`: human hours, or minutes of either kind. */
  async function timeCells(path: string, label: string): Promise<string[]> {
    const rows = rowsWith(await page(path), label);
    expect(rows.length, `rows of ${label} on ${path}`).toBeGreaterThan(0);
    return rows.flat().filter((cell) => /\d (hours?|min)$/.test(cell));
  }

  it.each([
    ['tags/ai/index.html', 'March 2, 2026', ['11.75 hours', '12.25 min']],
    ['tags/writing/index.html', 'March 2, 2026', ['11.75 hours', '12.25 min']],
    ['2026/03/index.html', 'March 2, 2026', ['11.75 hours', '12.25 min']],
    ['stats/index.html', 'March 2, 2026', ['11.75 hours', '12.25 min']],
    ['archive/index.html', 'March', ['11.75 hours', '12.25 min']],
    ['2026/index.html', 'March', ['11.75 hours', '12.25 min']],
  ])("%s lists the day's figures as its page shows them", async (path, label, shown) => {
    const cells = await timeCells(path, label);
    expect(new Set(cells)).toEqual(new Set(shown));
  });

  it('a human estimate under an hour reads in minutes on its page, its tag, its month, the archive and stats', async () => {
    const own = await page('records/2026-04-10/index.html');
    expect(tableRows(tableAfterHeading(own, 'The Numbers'))[0]).toContain('20 min');
    expect(tableRows(tableAfterHeading(own, 'Aggregate'))).toContainEqual(['Human equivalent', '20 min']);
    for (const [path, label] of [
      ['tags/ai/index.html', 'April 10, 2026'],
      ['2026/04/index.html', 'April 10, 2026'],
      ['stats/index.html', 'April 10, 2026'],
      ['archive/index.html', 'April'],
    ] as const) {
      expect(new Set(await timeCells(path, label)), path).toEqual(new Set(['20 min', '5 min']));
    }
    for (const path of ['records/2026-04-10/index.html', 'tags/ai/index.html', '2026/04/index.html', 'stats/index.html']) {
      expect(toText(await page(path)), path).not.toContain('0.33 hours');
    }
  });

  it('the all-time human equivalent reads the same on home, stats, the archive and the tag of every record', async () => {
    const allTime = '12.08 hours (~0.3 work weeks)';
    expect(tableRows(tableAfterHeading(await page('index.html'), 'All-time figures'))).toContainEqual(['Human equivalent', allTime]);
    expect(rowsWith(await page('stats/index.html'), 'Human equivalent')).toContainEqual(['Human equivalent', allTime]);
    expect(rowsWith(await page('tags/ai/index.html'), 'Human equivalent')).toContainEqual(['Human equivalent', allTime]);
    expect(await timeCells('archive/index.html', 'All of 2026')).toEqual(['12.08 hours', '17.25 min']);
  });
});
