/**
 * Browser helpers for the end-to-end tests: Chromium through playwright-core, and the checks
 * every page must pass in every view (no sideways scrolling, no console error or failed
 * request, table headers tied to their cells, headings in order, no serious axe violation).
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.LEVERAGE_CHROMIUM ?? '/usr/bin/chromium';
export const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/e2e/', import.meta.url));

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface View {
  width: number;
  height: number;
  colorScheme: 'light' | 'dark';
}

export const VIEWS: View[] = [
  { width: 390, height: 844, colorScheme: 'light' },
  { width: 390, height: 844, colorScheme: 'dark' },
  { width: 1280, height: 800, colorScheme: 'light' },
  { width: 1280, height: 800, colorScheme: 'dark' },
];

export const viewName = (view: View) => `${view.width}-${view.colorScheme}`;

/** A page in a view, collecting console errors, uncaught exceptions and failed requests. */
export async function openPage(browser: Browser, view: View): Promise<{ page: Page; problems: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({
    viewport: { width: view.width, height: view.height },
    colorScheme: view.colorScheme,
  });
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: view.colorScheme });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception on ${page.url()}: ${err.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'unknown';
    // Leaving a page cancels what it still loads (the favicon, typically): not a failure of the site.
    // A missing file shows up as an HTTP status ≥ 400 below.
    if (reason === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  return { page, problems, close: () => context.close() };
}

/** In-page checks; the functions run in the browser, so they use no Node types. */
/* eslint-disable @typescript-eslint/no-explicit-any */
function layoutAndStructure(): { problems: string[]; background: string } {
  const doc = (globalThis as any).document;
  const win = globalThis as any;
  const problems: string[] = [];
  const scrollWidth = doc.documentElement.scrollWidth;
  if (scrollWidth > win.innerWidth) {
    const wide = [...doc.body.querySelectorAll('*')]
      .filter((el: any) => el.getBoundingClientRect().right > win.innerWidth + 0.5)
      .slice(0, 5)
      .map((el: any) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`);
    problems.push(`the page scrolls sideways: scrollWidth ${scrollWidth} > innerWidth ${win.innerWidth} (${wide.join(', ')})`);
  }

  const headings: any[] = [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h: any) => ({
    level: Number(h.tagName[1]),
    text: h.textContent.trim().replace(/\s+/g, ' '),
  }));
  if (headings.length === 0 || headings[0].level !== 1) {
    problems.push(`the first heading is not an h1: ${headings[0] ? `h${headings[0].level} "${headings[0].text}"` : 'no headings'}`);
  }
  if (headings.filter((h: any) => h.level === 1).length !== 1) problems.push('the page has not exactly one h1');
  for (let i = 1; i < headings.length; i++) {
    if (headings[i].level > headings[i - 1].level + 1) {
      problems.push(
        `heading level skipped: h${headings[i - 1].level} "${headings[i - 1].text}" then h${headings[i].level} "${headings[i].text}"`,
      );
    }
  }

  const scopes = new Set(['col', 'row', 'colgroup', 'rowgroup']);
  doc.querySelectorAll('table').forEach((table: any, t: number) => {
    const name = `table ${t + 1}${table.className ? ` (.${table.className})` : ''}`;
    const referenced = new Set(
      [...table.querySelectorAll('[headers]')].flatMap((c: any) => c.getAttribute('headers').split(/\s+/)),
    );
    for (const th of table.querySelectorAll('th')) {
      if (!scopes.has(th.getAttribute('scope')) && !(th.id && referenced.has(th.id))) {
        problems.push(`${name}: header "${th.textContent.trim()}" has neither scope nor an id used by headers=""`);
      }
    }
    // Column headers by column index (colspans expanded).
    const columnHeaders = new Set<number>();
    for (const row of table.querySelectorAll('thead tr')) {
      let column = 0;
      for (const cell of row.cells) {
        for (let span = 0; span < cell.colSpan; span++) {
          if (cell.tagName === 'TH' && cell.getAttribute('scope') === 'col') columnHeaders.add(column);
          column++;
        }
      }
    }
    if (!table.querySelector('thead')) problems.push(`${name}: no <thead>`);
    for (const row of table.querySelectorAll('tbody tr')) {
      const rowHeader = [...row.cells].some((c: any) => c.tagName === 'TH' && c.getAttribute('scope') === 'row');
      let column = 0;
      for (const cell of row.cells) {
        const tied = cell.tagName === 'TH' || rowHeader || columnHeaders.has(column) || cell.hasAttribute('headers');
        if (!tied) problems.push(`${name}: cell "${cell.textContent.trim()}" has no header`);
        column += cell.colSpan;
      }
    }
  });
  return { problems, background: win.getComputedStyle(doc.body).backgroundColor };
}

export interface PageReport {
  problems: string[];
  /** The body's computed background colour (`rgb(…)`). */
  background: string;
}

/** Runs every check on the page as it is now, and saves a full-page screenshot. */
export async function inspect(page: Page, screenshot: string): Promise<PageReport> {
  const { problems, background } = await page.evaluate(layoutAndStructure);
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as any).axe.run((globalThis as any).document, { resultTypes: ['violations'] });
    return (result.violations as any[]).map((v) => ({
      id: v.id as string,
      impact: v.impact as string,
      help: v.help as string,
      targets: (v.nodes as any[]).slice(0, 3).map((n) => (n.target as string[]).join(' ')),
    }));
  });
  for (const v of violations) {
    if (v.impact === 'serious' || v.impact === 'critical') {
      problems.push(`axe ${v.id} (${v.impact}): ${v.help} at ${v.targets.join(' | ')}`);
    }
  }
  await mkdir(dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: true });
  return { problems, background };
}

/** Relative luminance of an `rgb(r, g, b)` colour, 0 (black) to 1 (white). */
export function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
