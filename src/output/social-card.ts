/**
 * Social cards: the 1200×630 PNG a page names as its `og:image` (drawn by social-card-image.ts).
 * What a card shows is decided here; its figures are formatted by the functions the record
 * page's Aggregate table uses, so the card reads as the page does.
 */
import { formatFactor, formatHumanEquivalent, formatMinutesWithHours } from '../leverage/format.js';
import type { RecordContent, SiteInfo } from '../site/types.js';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** A record's card, `/cards/2026-03-02.png`: in a folder of its own, so it never meets a file the author put beside a record. */
export function recordCardUrl(date: string): string {
  return `/cards/${date}.png`;
}

/** The card of every page that is not a record's. */
export const SITE_CARD_URL = '/cards/site.png';

export interface CardFigure {
  label: string;
  value: string;
}

/** What a card shows, every text as it is drawn. */
export interface SocialCard {
  /** The small line at the top. */
  kicker: string;
  title: string;
  /** Under the title: the record's day, or the site's description. */
  subtitle: string;
  /** The record's weighted leverage, drawn large; null on the site's card. */
  leverage: CardFigure | null;
  figures: CardFigure[];
}

/** A record's card: its title and day, weighted leverage, human and Claude time, under the site's title. */
export function recordCard(siteTitle: string, record: Pick<RecordContent, 'title' | 'dateLong' | 'totals'>, workWeekHours: number): SocialCard {
  const { totals } = record;
  return {
    kicker: siteTitle,
    title: record.title,
    subtitle: record.dateLong,
    leverage: { label: 'Weighted leverage factor', value: formatFactor(totals.leverage) },
    figures: [
      { label: 'Human equivalent', value: formatHumanEquivalent(totals.humanMinutes, workWeekHours) },
      { label: 'Claude wall-clock', value: formatMinutesWithHours(totals.claudeMinutes) },
    ],
  };
}

/**
 * The site's card: its title and description. Not its all-time figures: the card stands for
 * tag, month and stats pages too, whose figures differ, and a social network keeps an image
 * it has fetched long after new records would have changed those figures.
 */
export function siteCard(site: Pick<SiteInfo, 'title' | 'description' | 'url'>): SocialCard {
  return { kicker: site.url ? new URL(site.url).host : '', title: site.title, subtitle: site.description, leverage: null, figures: [] };
}

/** A card as a page names it. */
export interface PageCard {
  /** Site-relative. */
  url: string;
  width: number;
  height: number;
  /** The card in words. */
  alt: string;
}

export function pageCard(url: string, card: SocialCard): PageCard {
  return { url, width: CARD_WIDTH, height: CARD_HEIGHT, alt: cardAlt(card) };
}

/** The card in words, for `og:image:alt`. */
export function cardAlt(card: SocialCard): string {
  const figures = [card.leverage, ...card.figures].filter((f): f is CardFigure => f !== null);
  return [card.title, card.subtitle, ...figures.map((f) => `${f.label}: ${f.value}`)].filter((text) => text !== '').join(' · ');
}

