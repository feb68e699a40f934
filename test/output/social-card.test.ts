/**
 * Social cards as drawn: the PNG's size, every word of the card inside it, hostile titles,
 * and the same bytes for the same card.
 */
import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, recordCard, siteCard, type SocialCard } from '../../src/output/social-card.js';
import { cardPng, cardSvg } from '../../src/output/social-card-image.js';
import { drawnText, drawnWords, pngSize } from '../support/card.js';

const SITE = { title: 'Leverage Record', description: 'Daily records of an AI coding assistant.', url: 'https://example.com' };

const day = (title: string, humanMinutes: number, claudeMinutes: number): SocialCard =>
  recordCard(SITE.title, { title, dateLong: 'March 2, 2026', totals: totals(humanMinutes, claudeMinutes) }, 40);

function totals(humanMinutes: number, claudeMinutes: number) {
  return {
    rows: 1,
    tasksCompleted: 1,
    humanMinutes,
    claudeMinutes,
    supervisionMinutes: null,
    tokens: null,
    leverage: humanMinutes / claudeMinutes,
    supervisoryLeverage: null,
  };
}

describe('a social card', () => {
  it('is a 1200×630 PNG, for a record and for the site', async () => {
    for (const card of [day('Leverage Record: March 2, 2026', 705, 56), siteCard(SITE)]) {
      expect(pngSize(await cardPng(card))).toEqual({ width: 1200, height: 630 });
    }
    expect([CARD_WIDTH, CARD_HEIGHT]).toEqual([1200, 630]);
  });

  it('draws every text it holds, each word inside the card, even with the longest figures', async () => {
    const cards = [
      day('Leverage Record: March 2, 2026', 705, 56),
      day('A day', 123_456 * 60, 99_999.5),
      siteCard({ ...SITE, description: 'A description long enough to wrap onto a second line of the site card, and then a third.' }),
    ];
    for (const card of cards) {
      const svg = await cardSvg(card, { textAsText: true });
      const text = drawnText(svg);
      const figures = [card.leverage, ...card.figures].flatMap((f) => (f ? [f.label, f.value] : []));
      for (const shown of [card.kicker, card.title, card.subtitle, ...figures]) expect(text).toContain(shown);
      for (const word of drawnWords(svg)) {
        expect(word.x, word.text).toBeGreaterThanOrEqual(0);
        expect(word.x + word.width, word.text).toBeLessThanOrEqual(CARD_WIDTH);
        expect(word.y, word.text).toBeLessThanOrEqual(CARD_HEIGHT);
      }
    }
  });

  it('shows a title with markup as text: nothing of it becomes an element of the SVG', async () => {
    const title = '<script>alert("x")</script> & <b>bold</b> "quoted"';
    const card = day(title, 120, 10);
    const svg = await cardSvg(card, { textAsText: true });
    expect(drawnText(svg)).toContain(title);
    expect(svg).not.toMatch(/<script|<b>/);
    const drawn = await cardSvg(card);
    expect(drawn).not.toMatch(/<script|<b>|<text/);
    expect(pngSize(await cardPng(card))).toEqual({ width: 1200, height: 630 });
  });

  it('is the same bytes for the same card, and other bytes for another title', async () => {
    const first = await cardPng(day('Leverage Record: March 2, 2026', 705, 56));
    const again = await cardPng(day('Leverage Record: March 2, 2026', 705, 56));
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    const other = await cardPng(day('Leverage Record: March 3, 2026', 705, 56));
    expect(Buffer.from(other).equals(Buffer.from(first))).toBe(false);
  });
});

describe('a social card with text its font cannot draw', () => {
  it('leaves that text out rather than draw "NO GLYPH" boxes, and keeps the rest', async () => {
    const card = recordCard('ブログ', { title: 'Fixed the build 🚀 and the 日本語 docs', dateLong: 'March 2, 2026', totals: totals(120, 10) }, 40);
    const text = drawnText(await cardSvg(card, { textAsText: true }));
    expect(text).toContain('Fixed the build and the docs');
    expect(text).toContain('March 2, 2026');
    expect(text).toContain('12x');
    for (const undrawable of ['🚀', '日本語', 'ブログ']) expect(text).not.toContain(undrawable);
    expect(pngSize(await cardPng(card))).toEqual({ width: 1200, height: 630 });
  });

  it('leaves out a title with nothing it can draw, whole', async () => {
    const card = recordCard(SITE.title, { title: 'Привет, мир!', dateLong: 'March 2, 2026', totals: totals(120, 10) }, 40);
    const text = drawnText(await cardSvg(card, { textAsText: true }));
    expect(text).toContain(SITE.title);
    expect(text).not.toMatch(/Привет|мир|!/);
    expect(text).toContain('Leverage RecordMarch 2, 2026');
  });
});
