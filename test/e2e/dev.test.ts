/**
 * `leverage dev` in a real browser (Chromium): an open record page reloads itself when its
 * record is edited or its stylesheet changes, shows a broken record's error as an overlay over the last good page, and
 * drops the overlay once the record is fixed — with no console error along the way.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevSession } from '../../src/dev/session.js';
import { makeRoot, removeRoot } from '../support/site.js';
import { ARTIFACTS, launchChromium, openPage } from './browser.js';

const WAIT = { timeout: 10_000 };

const record = (date: string, body: string, claude = '10m') =>
  `---\ndate: ${date}\ntasks:\n  - task: Work\n    human: 4h\n    claude: ${claude}\n---\n\n${body}\n`;

/* eslint-disable @typescript-eslint/no-explicit-any */
/** The page's text without the dev overlay. */
const pageText = (page: Page): Promise<string> =>
  page.evaluate(() =>
    [...(globalThis as any).document.body.children]
      .filter((el: any) => el.id !== 'leverage-dev-error')
      .map((el: any) => el.innerText ?? '')
      .join('\n'),
  );

describe('leverage dev in Chromium', () => {
  let root: string;
  let dev: DevSession;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let closePage: () => Promise<void>;
  const log: string[] = [];
  const file = () => join(root, 'records/2026-03-02.md');

  beforeAll(async () => {
    root = await makeRoot({
      'records/2026-03-01.md': record('2026-03-01', 'The day before.'),
      'records/2026-03-02.md': record('2026-03-02', 'First version of the day.'),
      'records/2026-03-03.md': record('2026-03-03', 'The day after.'),
    });
    dev = await startDev({ root, port: 0, drafts: false, log: (line) => log.push(line) });
    browser = await launchChromium();
    ({ page, problems, close: closePage } = await openPage(browser, { width: 1280, height: 800, colorScheme: 'light' }));
    // The reload script's event stream must be open before the first edit.
    const stream = page.waitForResponse((r) => r.url().includes('/__leverage/events'), WAIT);
    await page.goto(`${dev.url}records/2026-03-02/`);
    await stream;
  });

  afterAll(async () => {
    await closePage?.();
    await browser?.close();
    await dev?.close();
    if (root) await removeRoot(root);
  });

  it('shows the record', async () => {
    expect(await pageText(page)).toContain('First version of the day.');
  });

  it('reloads the open page when the record is edited', async () => {
    await page.evaluate(() => ((globalThis as any).__beforeEdit = true));
    await writeFile(file(), record('2026-03-02', 'Second version, edited on disk.'));
    await page.waitForFunction(() => (globalThis as any).document.body.innerText.includes('Second version, edited on disk.'), null, WAIT);
    // A real reload, not a patch of the old document.
    expect(await page.evaluate(() => (globalThis as any).__beforeEdit)).toBeUndefined();
    expect(await pageText(page)).not.toContain('First version of the day.');
    await dev.idle();
  });

  it('reloads the open page when a file it loaded changes: the stylesheet', async () => {
    await page.evaluate(() => ((globalThis as any).__beforeEdit = true));
    const outline = () => page.evaluate(() => (globalThis as any).getComputedStyle((globalThis as any).document.body).outlineStyle);
    expect(await outline()).not.toBe('dashed');
    await mkdir(join(root, 'public'), { recursive: true });
    await writeFile(join(root, 'public/style.css'), 'body { outline: 3px dashed red; }\n');
    await page.waitForFunction(() => (globalThis as any).getComputedStyle((globalThis as any).document.body).outlineStyle === 'dashed', null, WAIT);
    expect(await page.evaluate(() => (globalThis as any).__beforeEdit)).toBeUndefined();
    await rm(join(root, 'public/style.css'));
    await page.waitForFunction(() => (globalThis as any).getComputedStyle((globalThis as any).document.body).outlineStyle !== 'dashed', null, WAIT);
    await dev.idle();
  });

  it('shows a broken record as an overlay over the last good page, and removes it once fixed', async () => {
    await writeFile(file(), record('2026-03-02', 'Broken version.', 'soon'));
    const overlay = page.locator('#leverage-dev-error');
    await overlay.waitFor({ state: 'visible', ...WAIT });
    expect(await overlay.getAttribute('role')).toBe('alert');
    const text = await overlay.innerText();
    expect(text).toMatch(/records\/2026-03-02\.md:\d+:\d+/);
    expect(text).toContain('records/2026-03-02.md:6:13');
    expect(text).toContain('claude must be a duration');
    await dev.idle();
    const underneath = await pageText(page);
    expect(underneath).toContain('Second version, edited on disk.');
    expect(underneath).not.toContain('Broken version.');
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'dev-overlay.png') });

    await writeFile(file(), record('2026-03-02', 'Fixed version.'));
    await overlay.waitFor({ state: 'detached', ...WAIT });
    await page.waitForFunction(() => (globalThis as any).document.body.innerText.includes('Fixed version.'), null, WAIT);
    expect(await page.locator('#leverage-dev-error').count()).toBe(0);
  });

  it('logs no console error, uncaught exception or failed request', () => {
    expect(problems).toEqual([]);
  });
});
