/**
 * The built site in a real browser (Chromium): a reader goes from the home page to a record,
 * from its tag link to the Time Record tag page, through the tag's pages, to the stats page and
 * back — at phone and desktop widths, in light and dark mode. Every page must pass the checks
 * of browser.ts; screenshots go to test-artifacts/e2e/.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { addDays } from '../../src/leverage/dates.js';
import { makeRoot, removeRoot } from '../support/site.js';
import { serveFolder, type StaticServer } from '../support/static-server.js';
import { ARTIFACTS, inspect, launchChromium, luminance, openPage, VIEWS, viewName, type View } from './browser.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
/** More than one tag page (30 a page by default). */
const PAGINATED_RECORDS = 37;

/** A root with nothing but small records, one a day. */
function paginatedRecords(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < PAGINATED_RECORDS; i++) {
    const date = addDays('2025-01-01', i);
    files[`records/${date}.md`] = [
      '---',
      `summary: Day ${i + 1} of a generated series, with \`code\` and *emphasis*.`,
      'tasks:',
      `  - task: "Write the parser for feature ${i + 1}"`,
      `    human: ${2 + (i % 7)}h`,
      `    claude: ${5 + (i % 11)}m`,
      '  - task: Review and document it',
      '    human: 1.5h',
      '    claude: 12m',
      '---',
      '',
      `Notes for day ${i + 1}.`,
      '',
    ].join('\n');
  }
  return files;
}

interface Site {
  out: string;
  server: StaticServer;
}

let browser: Browser;
let temp: string;
let example: Site;
let paginated: Site;
let generatedRoot: string;

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'leverage-e2e-'));
  generatedRoot = await makeRoot(paginatedRecords());
  const [exampleOut, paginatedOut] = [join(temp, 'example'), join(temp, 'paginated')];
  await build({ root: REPO, out: exampleOut, cache: false });
  await build({ root: generatedRoot, out: paginatedOut, cache: false });
  example = { out: exampleOut, server: await serveFolder(exampleOut) };
  paginated = { out: paginatedOut, server: await serveFolder(paginatedOut) };
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await example?.server.close();
  await paginated?.server.close();
  if (temp) await rm(temp, { recursive: true, force: true });
  if (generatedRoot) await removeRoot(generatedRoot);
});

/** One reader's walk through a site in one view; every page is inspected on arrival. */
class Walk {
  readonly visited: string[] = [];
  private step = 0;

  constructor(
    private readonly page: Page,
    private readonly problems: string[],
    private readonly origin: string,
    private readonly folder: string,
    private readonly view: View,
  ) {}

  async goto(path: string, name: string): Promise<void> {
    await this.page.goto(this.origin + path, { waitUntil: 'load' });
    await this.arrive(path, name);
  }

  /** Clicks the link and expects to land on `path`. */
  async follow(link: ReturnType<Page['locator']>, path: string, name: string): Promise<void> {
    await expect.poll(() => link.count(), { message: `a link to ${path}` }).toBeGreaterThan(0);
    await Promise.all([this.page.waitForURL(this.origin + path, { waitUntil: 'load' }), link.first().click()]);
    await this.arrive(path, name);
  }

  async back(path: string): Promise<void> {
    await this.page.goBack({ waitUntil: 'load' });
    expect(new URL(this.page.url()).pathname).toBe(path);
    expect(this.problems).toEqual([]);
  }

  private async arrive(path: string, name: string): Promise<void> {
    expect(new URL(this.page.url()).pathname).toBe(path);
    this.step++;
    const shot = join(ARTIFACTS, this.folder, viewName(this.view), `${String(this.step).padStart(2, '0')}-${name}.png`);
    const report = await inspect(this.page, shot);
    expect(report.problems, `${path} at ${viewName(this.view)}`).toEqual([]);
    expect(this.problems, `${path} at ${viewName(this.view)}`).toEqual([]);
    const light = luminance(report.background) > 0.5;
    expect(light, `${path}: body background ${report.background} in ${this.view.colorScheme} mode`).toBe(
      this.view.colorScheme === 'light',
    );
    this.visited.push(path);
  }
}

describe.each(VIEWS)('in Chromium at $width px, $colorScheme', (view) => {
  it('the example blog: home → record → Time Record tag → stats → back, and every page reads well', async () => {
    const { page, problems, close } = await openPage(browser, view);
    try {
      const walk = new Walk(page, problems, example.server.origin, 'example', view);
      await walk.goto('/', 'home');
      const firstRecord = page.locator('article.record-summary h3 a');
      const href = await firstRecord.first().getAttribute('href');
      expect(href).toMatch(/^\/records\/\d{4}-\d{2}-\d{2}\/$/);
      await walk.follow(firstRecord, href!, 'record');
      await expect.poll(() => page.locator('h2', { hasText: 'The Numbers' }).count()).toBe(1);
      await expect.poll(() => page.locator('h2', { hasText: 'Aggregate' }).count()).toBe(1);

      await walk.follow(page.locator('ul.tags a', { hasText: /^Time Record$/ }), '/tags/time-record/', 'tag-time-record');
      expect(await page.locator('h1').textContent()).toBe('Time Record');
      const rows = await page.locator('table.record-list tbody tr').count();
      expect(rows).toBeGreaterThan(0);

      // From the tag page to a record in it, and on to the previous day.
      const older = page.locator('table.record-list tbody tr').nth(1).locator('a');
      const olderHref = (await older.getAttribute('href'))!;
      await walk.follow(older, olderHref, 'record-from-tag');
      await walk.back('/tags/time-record/');

      await walk.follow(page.locator('nav.site-nav a', { hasText: 'Stats' }), '/stats/', 'stats');
      expect(await page.locator('h1').textContent()).toBeTruthy();
      await walk.back('/tags/time-record/');
      await walk.back(href!);

      await walk.follow(page.locator('nav.site-nav a', { hasText: 'Tags' }), '/tags/', 'tags');
      await walk.follow(page.locator('nav.site-nav a', { hasText: 'Home' }), '/', 'home-again');
      expect(walk.visited).toEqual(['/', href, '/tags/time-record/', olderHref, '/stats/', '/tags/', '/']);
    } finally {
      await close();
    }
  });

  it(`a ${PAGINATED_RECORDS}-record site: record → tag page 1 → page 2 → page 1 → stats → back`, async () => {
    const { page, problems, close } = await openPage(browser, view);
    try {
      const walk = new Walk(page, problems, paginated.server.origin, 'paginated', view);
      await walk.goto('/', 'home');
      const latest = page.locator('article.record-summary h3 a').first();
      const latestDate = addDays('2025-01-01', PAGINATED_RECORDS - 1);
      await walk.follow(latest, `/records/${latestDate}/`, 'record');
      await walk.follow(page.locator('ul.tags a', { hasText: /^Time Record$/ }), '/tags/time-record/', 'tag-page-1');
      expect(await page.locator('table.record-list tbody tr').count()).toBe(30);
      await expect.poll(() => page.locator('.pagination .page-count').textContent()).toBe('Page 1 of 2');

      await walk.follow(page.locator('.pagination a[rel="next"]'), '/tags/time-record/page/2/', 'tag-page-2');
      expect(await page.locator('table.record-list tbody tr').count()).toBe(PAGINATED_RECORDS - 30);
      expect(await page.locator('.pagination .page-count').textContent()).toBe('Page 2 of 2');
      expect(await page.locator('.pagination a[rel="next"]').count()).toBe(0);
      // Newest first across the pages: page 2 ends with the first day.
      expect(await page.locator('table.record-list tbody tr').last().locator('time').getAttribute('datetime')).toBe(
        '2025-01-01',
      );

      await walk.follow(page.locator('.pagination a[rel="prev"]'), '/tags/time-record/', 'tag-page-1-again');
      await walk.follow(page.locator('nav.site-nav a', { hasText: 'Stats' }), '/stats/', 'stats');
      await walk.back('/tags/time-record/');
      await walk.back('/tags/time-record/page/2/');
    } finally {
      await close();
    }
  });
});
