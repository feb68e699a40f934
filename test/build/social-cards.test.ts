/**
 * Whole-site builds with socialCards: each record's card holds its page's figures, every page
 * names a card by its absolute address, and a card is made again only when what it shows changed.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { select } from 'hast-util-select';
import type { Root } from 'hast';
import { build } from '../../src/build.js';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { parseRecord } from '../../src/records/parse.js';
import { recordContent } from '../../src/site/content.js';
import { withMarkdown } from '../../src/markdown/render.js';
import { recordCard } from '../../src/output/social-card.js';
import { cardPng, cardSvg } from '../../src/output/social-card-image.js';
import { findCardFonts } from '../../src/output/social-card-fonts.js';
import { makeRoot, readHtml, readTree, removeRoot, tableAfterHeading, tableRows, text, writeFiles } from '../support/site.js';
import { drawnText, pngSize } from '../support/card.js';
import { expectSameAsColdBuild } from '../incremental/same-as-cold.js';

// Every card drawn is counted: a build that keeps a card does not draw it.
vi.mock('../../src/output/social-card-image.js', async (original) => {
  const real = await original<typeof import('../../src/output/social-card-image.js')>();
  return { ...real, cardPng: vi.fn(real.cardPng) };
});
const drawn = vi.mocked(cardPng);
const drawnTitles = () => drawn.mock.calls.map(([card]) => card.title);

const FIXTURE = join(import.meta.dirname, '../fixtures/reference');
const SITE_TITLE = 'Ada & Co <Records>';
const SITE_YAML = `title: ${SITE_TITLE}\nurl: https://example.com/blog\nsocialCards: true\n`;
const HOSTILE_TITLE = '<script>alert(1)</script> & "more"';
const HOSTILE = `---
date: 2026-03-03
title: '${HOSTILE_TITLE}'
summary: A day with markup in its title.
tasks:
  - task: Release notes
    human: 2h
    claude: 10m
---

The first analysis.
`;

function meta(page: Root, key: string): string | undefined {
  const element = select(`meta[property="${key}"], meta[name="${key}"]`, page);
  return element?.properties.content as string | undefined;
}

/** The Aggregate table of a record page, label → value as shown. */
function aggregate(page: Root): Map<string, string> {
  return new Map(tableRows(tableAfterHeading(page, 'Aggregate')).map(([label, value]) => [label!, value!]));
}

/** A root with the reference day and these files, built into dist/. */
async function builtSite(files: Record<string, string>): Promise<string> {
  const root = await makeRoot({});
  await cp(FIXTURE, root, { recursive: true });
  await writeFiles(root, files);
  await build({ root });
  return root;
}

describe('socialCards: true', () => {
  let root: string;
  let out: string;
  beforeAll(async () => {
    root = await builtSite({ 'site.yaml': SITE_YAML, 'records/2026-03-03.md': HOSTILE });
    out = join(root, 'dist');
  });
  afterAll(() => removeRoot(root));

  it("names the record's card as og:image, absolute, with its size, its words and a large twitter card", async () => {
    const page = await readHtml(join(out, 'records/2026-03-02/index.html'));
    expect(meta(page, 'og:image')).toBe('https://example.com/blog/cards/2026-03-02.png');
    expect([meta(page, 'og:image:width'), meta(page, 'og:image:height')]).toEqual(['1200', '630']);
    expect(meta(page, 'twitter:card')).toBe('summary_large_image');
    const shown = aggregate(page);
    expect(meta(page, 'og:image:alt')).toContain(`Weighted leverage factor: ${shown.get('Weighted leverage factor')}`);
    expect(pngSize(await readFile(join(out, 'cards/2026-03-02.png')))).toEqual({ width: 1200, height: 630 });
  });

  it('names the site card on every other page', async () => {
    for (const path of ['index.html', 'tags/ai/index.html', 'stats/index.html', 'archive/index.html', '2026/03/index.html', '404.html']) {
      const page = await readHtml(join(out, path));
      expect(meta(page, 'og:image'), path).toBe('https://example.com/blog/cards/site.png');
      expect(meta(page, 'twitter:card'), path).toBe('summary_large_image');
    }
    expect(pngSize(await readFile(join(out, 'cards/site.png')))).toEqual({ width: 1200, height: 630 });
  });

  it("draws the record's title, day and figures exactly as its page shows them, under the site's title", async () => {
    const page = await readHtml(join(out, 'records/2026-03-02/index.html'));
    const source = await readFile(join(root, 'records/2026-03-02.md'), 'utf8');
    const config = { ...DEFAULT_CONFIG, title: SITE_TITLE, url: 'https://example.com', basePath: '/blog', socialCards: true };
    const content = await withMarkdown(() => recordContent(parseRecord('records/2026-03-02.md', source, config).record!, config));
    const card = recordCard(config.title, content, config.workWeekHours);
    // The card checked is the one built: the same bytes.
    expect(Buffer.from(await cardPng(card)).equals(await readFile(join(out, 'cards/2026-03-02.png')))).toBe(true);
    const drawn = drawnText(await cardSvg(card, { textAsText: true }));
    const shown = aggregate(page);
    for (const label of ['Weighted leverage factor', 'Human equivalent', 'Claude wall-clock']) {
      expect(shown.get(label), label).toBeTruthy();
      expect(drawn).toContain(shown.get(label));
    }
    expect(drawn).toContain(text(page, 'h1'));
    expect(drawn).toContain(text(page, '.meta time'));
    expect(drawn).toContain(SITE_TITLE);
  });

  it('keeps a title with markup as text in the page head and on the card', async () => {
    const html = await readFile(join(out, 'records/2026-03-03/index.html'), 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).not.toContain('<script');
    const page = await readHtml(join(out, 'records/2026-03-03/index.html'));
    expect(meta(page, 'og:image:alt')).toContain(HOSTILE_TITLE);
    expect(pngSize(await readFile(join(out, 'cards/2026-03-03.png')))).toEqual({ width: 1200, height: 630 });
  });
});

describe('socialCards in incremental builds', () => {
  let root: string;
  const card = (date: string) => readFile(join(root, 'dist/cards', `${date}.png`));
  /** The hostile record with another title (as written in YAML) and analysis. */
  const save = (title: string, body: string) =>
    writeFiles(root, { 'records/2026-03-03.md': HOSTILE.replace(`'${HOSTILE_TITLE}'`, title).replace('The first analysis.', body) });

  beforeAll(async () => {
    root = await builtSite({ 'site.yaml': SITE_YAML, 'records/2026-03-03.md': HOSTILE });
  });
  afterAll(() => removeRoot(root));

  // In this order: a build brings the spare copy of the output (the output before last) up to
  // date by making again what changed in the build before it, a card too (output/write.ts).
  it('a new analysis remakes the page, not the card', async () => {
    const before = await card('2026-03-03');
    drawn.mockClear();
    await save(`'${HOSTILE_TITLE}'`, 'A rewritten analysis.');
    const summary = await build({ root });
    expect(summary.reused.everything).toBe(false);
    expect(drawnTitles()).toEqual([]);
    expect((await card('2026-03-03')).equals(before)).toBe(true);
  });

  it('a template edit remakes the pages but no card', async () => {
    const cards = [...(await readTree(join(root, 'dist')))].filter(([path]) => path.startsWith('cards/')).length;
    const layout = await readFile(join(import.meta.dirname, '../../templates/partials/layout.hbs'), 'utf8');
    await writeFiles(root, { 'templates/partials/layout.hbs': layout.replace('<body>', '<body class="edited">') });
    drawn.mockClear();
    const summary = await build({ root });
    expect(cards).toBe(3); // two records' and the site's
    expect(drawnTitles()).toEqual([]);
    expect(summary.reused.files).toBe(cards);
  });

  it("a new title remakes that record's card alone", async () => {
    const before = await card('2026-03-03');
    const other = await card('2026-03-02');
    drawn.mockClear();
    await save('Release day', 'A rewritten analysis.');
    await build({ root });
    expect(drawnTitles()).toEqual(['Release day']);
    expect((await card('2026-03-03')).equals(before)).toBe(false);
    expect((await card('2026-03-02')).equals(other)).toBe(true);
    await expectSameAsColdBuild(root); // every byte, the cards' too
  });

  it('a card that cannot be drawn fails the build, and leaves the last output as it was', async () => {
    const before = await readTree(join(root, 'dist'));
    drawn.mockRejectedValueOnce(new Error('the card could not be drawn'));
    await save('Release day, drawn badly', 'A rewritten analysis.');
    await expect(build({ root })).rejects.toThrow('the card could not be drawn');
    const after = await readTree(join(root, 'dist'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).toBe(true);
    expect((await readdir(root)).filter((name) => name.includes('.staging-'))).toEqual([]);
  });
});

describe('socialCards: false (the default)', () => {
  let root: string;
  beforeAll(async () => {
    root = await builtSite({ 'site.yaml': 'url: https://example.com\n' });
  });
  afterAll(() => removeRoot(root));

  it('makes no card, names no image, and keeps the small twitter card', async () => {
    const files = [...(await readTree(join(root, 'dist'))).keys()];
    expect(files.filter((path) => path.startsWith('cards/'))).toEqual([]);
    const page = await readHtml(join(root, 'dist/records/2026-03-02/index.html'));
    expect(meta(page, 'og:image')).toBeUndefined();
    expect(meta(page, 'twitter:card')).toBe('summary');
  });
});

describe('socialCards with fonts of the root', () => {
  const CYRILLIC = `---
date: 2026-03-03
title: Привет, мир
tasks:
  - task: Release notes
    human: 2h
    claude: 10m
---

Notes.
`;
  const FONT = join(import.meta.dirname, '../fixtures/fonts/DejaVuSans-Cyrillic.ttf');
  let root: string;
  beforeAll(async () => {
    root = await builtSite({ 'site.yaml': SITE_YAML, 'records/2026-03-03.md': CYRILLIC });
  });
  afterAll(() => removeRoot(root));

  it('draws what the theme font cannot with a font put in templates/fonts/, and draws the cards again when one is added', async () => {
    const config = { ...DEFAULT_CONFIG, title: SITE_TITLE, url: 'https://example.com', basePath: '/blog', socialCards: true };
    const content = await withMarkdown(() => recordContent(parseRecord('records/2026-03-03.md', CYRILLIC, config).record!, config));
    const card = recordCard(config.title, content, config.workWeekHours);
    const without = await readFile(join(root, 'dist/cards/2026-03-03.png'));
    // The theme's Inter has no Cyrillic: the title is left out.
    expect(drawnText(await cardSvg(card, { textAsText: true }))).not.toContain('Привет');

    await cp(FONT, join(root, 'templates/fonts/DejaVuSans-Cyrillic.ttf'));
    await expectSameAsColdBuild(root);
    const withFont = await readFile(join(root, 'dist/cards/2026-03-03.png'));
    expect(withFont.equals(without)).toBe(false);
    const { fonts } = findCardFonts(root);
    expect(fonts.map((font) => [font.family, font.weight])).toEqual([['inter', 400], ['inter', 700], ['DejaVuSans', 400]]);
    expect(drawnText(await cardSvg(card, { textAsText: true, fonts }))).toContain('Привет, мир');
    expect(Buffer.from(await cardPng(card, fonts)).equals(withFont)).toBe(true);
  });

  it('warns of a font satori cannot read, naming the forms it reads', async () => {
    await writeFiles(root, { 'templates/fonts/Other.woff2': 'not read' });
    const summary = await build({ root });
    expect(summary.warnings.map((w) => `${w.file}: ${w.message}`)).toContain(
      'templates/fonts/Other.woff2: not used for social cards: satori reads .ttf, .otf and .woff fonts, not .woff2',
    );
  });
});
