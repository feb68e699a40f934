/**
 * A social card drawn: an element tree of plain `{ type, props }` objects (what JSX would make,
 * without React), drawn to SVG by satori with the theme's Inter (woff: satori reads no woff2)
 * and to PNG by resvg. Loaded only by builds that make a card.
 */
import satori from 'satori';
import { renderAsync } from '@resvg/resvg-js';
import { defaultCardFonts, satoriFonts, type CardFont } from './social-card-fonts.js';
import { CARD_HEIGHT, CARD_WIDTH, type CardFigure, type SocialCard } from './social-card.js';

/** An element as satori takes it (what JSX would make), without React. */
export interface CardElement {
  type: string;
  props: { style?: Record<string, string | number>; children?: string | CardElement | (string | CardElement)[] };
}

function element(type: string, style: Record<string, string | number>, children?: CardElement['props']['children']): CardElement {
  return { type, props: children === undefined ? { style } : { style, children } };
}

// The theme's light colours (public/style.css).
const FG = '#1b1d20';
const MUTED = '#555b63';
const ACCENT = '#0a58a8';
const RULE = '#e6e9ec';
const PADDING = 72;

/** The card's layout: the kicker, the title, the subtitle, and below them the figures. */
export function cardElement(card: SocialCard): CardElement {
  const titleSize = card.title.length > 60 ? 52 : card.title.length > 36 ? 60 : card.leverage ? 72 : 88;
  const clamped = (lines: number) => ({ display: 'block', lineClamp: lines, overflow: 'hidden' });
  // A text left empty (nothing of it could be drawn) takes no room.
  const head = element('div', { display: 'flex', flexDirection: 'column' }, [
    ...(card.kicker ? [element('div', { fontSize: 30, color: ACCENT, fontWeight: 700, marginBottom: 20, ...clamped(1) }, card.kicker)] : []),
    ...(card.title ? [element('div', { fontSize: titleSize, fontWeight: 700, lineHeight: 1.15, color: FG, ...clamped(3) }, card.title)] : []),
    ...(card.subtitle ? [element('div', { fontSize: 34, color: MUTED, marginTop: 20, lineHeight: 1.3, ...clamped(card.leverage ? 1 : 3) }, card.subtitle)] : []),
  ]);
  const children: CardElement[] = [head];
  if (card.leverage) {
    const figure = (f: CardFigure) =>
      element('div', { display: 'flex', flexDirection: 'column', marginBottom: 12 }, [
        element('div', { fontSize: 24, color: MUTED }, f.label),
        element('div', { fontSize: f.value.length > 28 ? 28 : 34, color: FG, fontWeight: 700 }, f.value),
      ]);
    children.push(
      element('div', { display: 'flex', alignItems: 'flex-end', borderTop: `2px solid ${RULE}`, paddingTop: 28 }, [
        element('div', { display: 'flex', flexDirection: 'column', flexShrink: 0, marginRight: 64 }, [
          element('div', { fontSize: card.leverage.value.length > 6 ? 88 : 112, fontWeight: 700, color: ACCENT, lineHeight: 1 }, card.leverage.value),
          element('div', { fontSize: 24, color: MUTED, marginTop: 8 }, card.leverage.label),
        ]),
        element('div', { display: 'flex', flexDirection: 'column' }, card.figures.map(figure)),
      ]),
    );
  }
  return element(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      justifyContent: card.leverage ? 'space-between' : 'center',
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      padding: PADDING,
      boxSizing: 'border-box',
      backgroundColor: '#ffffff',
      borderTop: `16px solid ${ACCENT}`,
      fontFamily: 'Inter',
    },
    children,
  );
}

/**
 * The card as SVG, as satori draws it: glyphs as paths, unless `textAsText` (for reading back
 * what was laid out; resvg would need the font to draw that).
 *
 * The theme's font has Latin letters only. Text no font of the card has glyphs for (a title in
 * Japanese or Cyrillic without a font for it, an emoji) would be drawn as Inter's "NO GLYPH" boxes, so satori's report of it
 * (`loadAdditionalAsset`) takes its characters out of the card, which is drawn again with the rest: a
 * text left with no letter or digit is left out whole. The page's `og:image:alt` keeps the
 * whole title.
 */
export async function cardSvg(
  card: SocialCard,
  { textAsText = false, fonts = defaultCardFonts() }: { textAsText?: boolean; fonts?: readonly CardFont[] } = {},
): Promise<string> {
  const draw = async (shown: SocialCard) => {
    const undrawable: string[] = [];
    const tree = cardElement(shown) as unknown as Parameters<typeof satori>[0];
    const svg = await satori(tree, {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      fonts: satoriFonts(fonts),
      embedFont: !textAsText,
      loadAdditionalAsset: async (_language, segment) => {
        undrawable.push(segment);
        return [];
      },
    });
    return { svg, undrawable };
  };
  const first = await draw(card);
  if (first.undrawable.length === 0) return first.svg;
  return (await draw(withoutText(card, first.undrawable))).svg;
}

/**
 * The card's texts without the characters its font cannot draw. satori reports them as
 * `segments`: the characters of one script (or the emoji) it found no glyph for, each once.
 */
function withoutText(card: SocialCard, segments: readonly string[]): SocialCard {
  const undrawable = new Set(segments.flatMap((segment) => [...segment]));
  const drawable = (text: string): string => {
    const rest = [...text].map((c) => (undrawable.has(c) ? ' ' : c)).join('').replace(/\s+/g, ' ').trim();
    return /[\p{L}\p{N}]/u.test(rest) ? rest : '';
  };
  return { ...card, kicker: drawable(card.kicker), title: drawable(card.title), subtitle: drawable(card.subtitle) };
}

/** The card as PNG. */
export async function cardPng(card: SocialCard, fonts: readonly CardFont[] = defaultCardFonts()): Promise<Uint8Array> {
  const svg = await cardSvg(card, { fonts });
  // Its text is paths already: no system font is needed, nor looked for. renderAsync, not
  // `new Resvg().render()`: resvg-js 2.6.2 never frees the pixels of a synchronous render
  // (3.3 MB a card; 4,000 cards took 6 GB), and the asynchronous one draws off this thread.
  const image = await renderAsync(svg, { font: { loadSystemFonts: false } });
  return image.asPng();
}
