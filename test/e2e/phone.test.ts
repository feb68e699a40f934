/**
 * The Numbers and the list tables on a phone and a desktop, light and dark (and print): every
 * row's name and leverage in sight without scrolling sideways, on records with and without a
 * Supervision column and with a Project column; charts that open on their newest days.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { addDays } from '../../src/leverage/dates.js';
import { makeRoot, removeRoot } from '../support/site.js';
import { serveFolder, type StaticServer } from '../support/static-server.js';
import { ARTIFACTS, inspect, launchChromium, openPage, VIEWS, viewName } from './browser.js';

interface TaskSpec {
  task: string;
  human: string;
  claude: string;
  supervision?: string;
  project?: string;
}

function recordFile(tasks: TaskSpec[], title?: string): string {
  const lines = ['---'];
  if (title) lines.push(`title: ${JSON.stringify(title)}`);
  lines.push('tasks:');
  for (const t of tasks) {
    lines.push(`  - task: ${JSON.stringify(t.task)}`, `    human: ${t.human}`, `    claude: ${t.claude}`);
    if (t.supervision) lines.push(`    supervision: ${t.supervision}`);
    if (t.project) lines.push(`    project: ${t.project}`);
  }
  lines.push('---', '', 'The analysis of the day.', '');
  return lines.join('\n');
}

const LONG = 'Rewrite the internationalisation layer of the billing-reconciliation-service-with-a-very-long-name, end to end';

/** The records the pages are checked on, each showing The Numbers in another shape. */
const RECORDS = {
  /** Project column, no supervision: #, Task, Project, Human Est., Claude, Leverage. */
  project: '2026-03-02',
  /** Supervision, Sup. Factor and Project columns: the widest table. */
  supervisionAndProject: '2026-03-03',
  /** The plain table. */
  plain: '2026-03-04',
  /** Supervision without projects. */
  supervision: '2026-03-05',
};

function files(): Record<string, string> {
  const out: Record<string, string> = {
    [`records/${RECORDS.project}.md`]: recordFile([
      { task: LONG, human: '1240h', claude: '7m', project: 'billing-reconciliation-service' },
      { task: 'Fix a flaky test', human: '20m', claude: '4m' },
      { task: 'Docs pass', human: '6h', claude: '25m', project: 'docs' },
    ]),
    [`records/${RECORDS.supervisionAndProject}.md`]: recordFile([
      { task: LONG, human: '960h', claude: '11m', supervision: '35m', project: 'internationalisation-platform' },
      { task: 'Pair on the parser', human: '3h', claude: '20m', supervision: '15m', project: 'parser' },
    ]),
    [`records/${RECORDS.plain}.md`]: recordFile([
      { task: LONG, human: '16h', claude: '18m' },
      { task: 'Release notes', human: '2h', claude: '10m' },
    ]),
    [`records/${RECORDS.supervision}.md`]: recordFile([
      { task: LONG, human: '1500h', claude: '3m', supervision: '2m' },
      { task: 'Changelog tidy-up', human: '1h', claude: '5m', supervision: '2m' },
    ]),
  };
  // Forty earlier days, so the charts hold more days than a phone shows at once.
  for (let i = 1; i <= 40; i++) {
    const date = addDays('2026-03-02', -i);
    out[`records/${date}.md`] = recordFile([{ task: `Generated task ${i}`, human: `${2 + (i % 5)}h`, claude: `${5 + (i % 9)}m` }], `A long record title for day ${i}: ${LONG}`);
  }
  return out;
}

let browser: Browser;
let root: string;
let temp: string;
let server: StaticServer;

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'leverage-phone-'));
  root = await makeRoot(files());
  const out = join(temp, 'site');
  await build({ root, out, cache: false });
  server = await serveFolder(out);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (temp) await rm(temp, { recursive: true, force: true });
  if (root) await removeRoot(root);
});

/* eslint-disable @typescript-eslint/no-explicit-any */
/** Rows of a table whose name cell or key figure is not wholly inside the viewport's width. */
function rowsOutOfSight(selector: { table: string; name: string; key: string }): string[] {
  const doc = (globalThis as any).document;
  const width = (globalThis as any).innerWidth;
  const out: string[] = [];
  const rows = [...doc.querySelectorAll(`${selector.table} tbody tr`)];
  if (rows.length === 0) out.push(`no rows in ${selector.table}`);
  rows.forEach((row: any, i: number) => {
    for (const cellSelector of [selector.name, selector.key]) {
      const cell = row.querySelector(cellSelector);
      const box = cell?.getBoundingClientRect();
      if (!box || box.width === 0) out.push(`row ${i + 1}: no visible ${cellSelector}`);
      else if (box.left < -0.5 || box.right > width + 0.5) {
        out.push(`row ${i + 1}: ${cellSelector} "${cell.textContent.trim()}" spans ${box.left}–${box.right} of ${width}`);
      }
    }
  });
  return out;
}

/** True when the newest (last) point or bar of every chart on the page lies within the viewport. */
function newestPointsInSight(): string[] {
  const doc = (globalThis as any).document;
  const width = (globalThis as any).innerWidth;
  return [...doc.querySelectorAll('svg.chart')].flatMap((svg: any) => {
    const marks = svg.querySelectorAll('.chart-point, .chart-bar');
    const last = marks[marks.length - 1];
    if (!last) return [];
    const box = last.getBoundingClientRect();
    return box.left >= -0.5 && box.right <= width + 0.5 ? [] : [`${svg.querySelector('title').textContent}: newest at ${box.left}`];
  });
}
/** The computed display of The Numbers, its header row group and its first body row. */
function tasksTableDisplay(): string[] {
  const win = globalThis as any;
  return ['table.tasks', 'table.tasks thead', 'table.tasks tbody tr'].map(
    (selector) => win.getComputedStyle(win.document.querySelector(selector)).display,
  );
}
/* eslint-enable @typescript-eslint/no-explicit-any */

async function check(page: Page, path: string, shot: string): Promise<void> {
  await page.goto(server.origin + path, { waitUntil: 'load' });
  const report = await inspect(page, shot);
  expect(report.problems, path).toEqual([]);
}

const TASKS = { table: 'table.tasks', name: 'th.task', key: 'td.leverage' };
const LIST = { table: 'table.record-list', name: 'th.title', key: 'td.leverage' };
const PERIODS = { table: 'table.period-list', name: 'tbody th', key: 'td.leverage' };
/** The stats tables shown open (best and worst days, months, projects); their last column is the key figure. */
const STATS_TABLES = { table: 'section > .table-scroll > table.data-table', name: 'tbody th', key: 'td.key' };

describe.each(VIEWS)('at $width px, $colorScheme', (view) => {
  const shot = (name: string) => join(ARTIFACTS, 'phone', viewName(view), `${name}.png`);

  it.each(Object.entries(RECORDS))("a record page's task and leverage are in sight on every row (%s)", async (name, date) => {
    const { page, problems, close } = await openPage(browser, view);
    try {
      await check(page, `/records/${date}/`, shot(`record-${name}`));
      expect(await page.evaluate(rowsOutOfSight, TASKS)).toEqual([]);
      const headers = await page.locator('table.tasks thead th').allTextContents();
      expect(headers.includes('Project'), 'Project column').toBe(name === 'project' || name === 'supervisionAndProject');
      expect(headers.includes('Supervision'), 'Supervision column').toBe(name.startsWith('supervision'));
      // The page opens on The Numbers; About These Records follows the figures.
      const h2 = await page.locator('main h2').allTextContents();
      expect(h2[0]).toBe('The Numbers');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a tag page, a month page, the archive and the stats tables keep each row and its leverage in sight; charts open on the newest day', async () => {
    const { page, problems, close } = await openPage(browser, view);
    try {
      await check(page, '/tags/time-record/', shot('tag'));
      expect(await page.evaluate(rowsOutOfSight, LIST)).toEqual([]);
      expect(await page.evaluate(newestPointsInSight)).toEqual([]);

      await check(page, '/stats/', shot('stats'));
      expect(await page.evaluate(newestPointsInSight)).toEqual([]);
      expect(await page.evaluate(rowsOutOfSight, STATS_TABLES)).toEqual([]);

      await page.goto(`${server.origin}/records/${RECORDS.plain}/`);
      const month = (await page.locator('.record-month-link a').getAttribute('href'))!;
      await check(page, month, shot('month'));
      expect(await page.evaluate(rowsOutOfSight, LIST)).toEqual([]);

      await check(page, '/archive/', shot('archive'));
      expect(await page.evaluate(rowsOutOfSight, PERIODS)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('in print', () => {
  it('The Numbers is a table with its header row, whatever the width', async () => {
    const { page, close } = await openPage(browser, VIEWS[0]!);
    try {
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${server.origin}/records/${RECORDS.supervisionAndProject}/`);
      const display = await page.evaluate(tasksTableDisplay);
      expect(display).toEqual(['table', 'table-header-group', 'table-row']);
    } finally {
      await close();
    }
  });
});
