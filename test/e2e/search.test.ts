/**
 * Search in a real browser (Chromium): on a built site served as files and on `leverage dev`
 * (the index served from memory), a word typed on /search/ lists the record whose task title
 * holds it, and in dev an open search page reloads on the new index after an edit; the header's search field leads there with the word; the search page passes the
 * checks of browser.ts in every view.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { startDev, type DevSession } from '../../src/dev/session.js';
import { makeRoot, removeRoot, writeFiles } from '../support/site.js';
import { serveFolder, type StaticServer } from '../support/static-server.js';
import { ARTIFACTS, inspect, launchChromium, openPage, VIEWS, viewName } from './browser.js';

const WAIT = { timeout: 15_000 };

const record = (date: string, task: string) =>
  `---\ndate: ${date}\ntags: [AI]\nsummary: Work of ${date}.\ntasks:\n  - task: ${task}\n    human: 3h\n    claude: 12m\n---\n\nNotes of ${date}.\n`;

const FILES = {
  'site.yaml': 'title: Searchable\nurl: https://example.com\nsearch: true\n',
  'records/2026-03-02.md': record('2026-03-02', 'Rewrite the tokenizer'),
  'records/2026-03-03.md': record('2026-03-03', 'Migrate the pelican tables'),
  'records/2026-03-04.md': record('2026-03-04', 'Document the release process'),
};

/** The result links Pagefind's UI lists, once it has listed some. */
async function resultLinks(page: Page): Promise<string[]> {
  await page.locator('.pagefind-ui__result-link').first().waitFor(WAIT);
  return page.locator('.pagefind-ui__result-link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

async function typeAndList(page: Page, origin: string, word: string): Promise<string[]> {
  await page.goto(`${origin}/search/`);
  await page.locator('.pagefind-ui__search-input').fill(word);
  return resultLinks(page);
}

describe('search in Chromium', () => {
  let root: string;
  let browser: Browser;
  let server: StaticServer;
  let dev: DevSession;

  beforeAll(async () => {
    root = await makeRoot(FILES);
    await build({ root });
    server = await serveFolder(join(root, 'dist'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await dev?.close();
    if (root) await removeRoot(root);
  });

  it('lists the record whose task title holds the word typed, and only it', async () => {
    const { page, problems, close } = await openPage(browser, VIEWS[2]!);
    try {
      expect(await typeAndList(page, server.origin, 'pelican')).toEqual(['/records/2026-03-03/']);
      expect(await page.locator('.pagefind-ui__result-title').first().innerText()).toContain('March 3, 2026');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('keeps the word typed in the address, so that the search survives a reload', async () => {
    const { page, problems, close } = await openPage(browser, VIEWS[2]!);
    try {
      expect(await typeAndList(page, server.origin, 'pelican')).toEqual(['/records/2026-03-03/']);
      await page.waitForURL(/\/search\/\?q=pelican$/, WAIT);
      await page.reload();
      expect(await resultLinks(page)).toEqual(['/records/2026-03-03/']);
      expect(await page.locator('.pagefind-ui__search-input').inputValue()).toBe('pelican');
      await page.locator('.pagefind-ui__search-input').fill('');
      await page.waitForURL(/\/search\/$/, WAIT);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('takes the word from the header\'s search field on any page', async () => {
    const { page, problems, close } = await openPage(browser, VIEWS[0]!);
    try {
      await page.goto(`${server.origin}/records/2026-03-02/`);
      await page.getByLabel('Search the records').fill('tokenizer');
      await page.getByLabel('Search the records').press('Enter');
      await page.waitForURL(/\/search\/\?q=tokenizer$/, WAIT);
      expect(await resultLinks(page)).toEqual(['/records/2026-03-02/']);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('passes the page checks in every view, with results shown', async () => {
    for (const view of VIEWS) {
      const { page, problems, close } = await openPage(browser, view);
      try {
        await page.goto(`${server.origin}/search/?q=release`);
        expect(await resultLinks(page)).toEqual(['/records/2026-03-04/']);
        const report = await inspect(page, join(ARTIFACTS, `search-${viewName(view)}.png`));
        expect([...problems, ...report.problems], viewName(view)).toEqual([]);
      } finally {
        await close();
      }
    }
  });

  it('works on leverage dev, the index served from memory', async () => {
    dev = await startDev({ root, port: 0, drafts: false, log: () => {} });
    const { page, problems, close } = await openPage(browser, VIEWS[2]!);
    try {
      // The reload script's event stream must be open before the edit.
      const stream = page.waitForResponse((r) => r.url().includes('/__leverage/events'), WAIT);
      expect(await typeAndList(page, dev.url.replace(/\/$/, ''), 'pelican')).toEqual(['/records/2026-03-03/']);
      await stream;
      // A record edited while the search page is open: once the index follows, the page reloads on it.
      await page.evaluate(() => ((globalThis as { beforeEdit?: boolean }).beforeEdit = true));
      await writeFiles(root, { 'records/2026-03-04.md': record('2026-03-04', 'Document the albatross release') });
      await page.waitForFunction(() => (globalThis as { beforeEdit?: boolean }).beforeEdit === undefined, null, WAIT);
      await page.locator('.pagefind-ui__search-input').fill('albatross');
      expect(await resultLinks(page)).toEqual(['/records/2026-03-04/']);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
