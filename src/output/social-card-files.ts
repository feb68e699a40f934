/**
 * The social cards as output files (site.yaml `socialCards`): one per record, beside none of
 * its other files, and one for the site. A record's card depends on what it shows, its record's
 * numbers and text, and on the config and the fonts; not on the theme's templates, so editing
 * a template makes no card again.
 */
import type { SiteConfig } from '../config/types.js';
import { fingerprint, generatorFingerprint } from '../incremental/fingerprint.js';
import type { SiteModel } from '../site/types.js';
import { outputPathFor } from '../site/urls.js';
import type { OutputFile } from './site-files.js';
import { cardFontsKey, type CardFont } from './social-card-fonts.js';
import { recordCard, recordCardUrl, SITE_CARD_URL, siteCard, type SocialCard } from './social-card.js';

export function socialCardFiles(model: SiteModel, config: SiteConfig, fonts: readonly CardFont[]): OutputFile[] {
  const buildKey = fingerprint(generatorFingerprint(), config, cardFontsKey(fonts));
  const { summaries, content } = model.records;
  return [
    { path: outputPathFor(SITE_CARD_URL), dependsOn: [], buildKey, make: () => draw(siteCard(model.site), fonts) },
    ...summaries.map((summary, i) => ({
      path: outputPathFor(recordCardUrl(summary.date)),
      dependsOn: [{ records: [summary.date], parts: ['numbers', 'text'] as const }],
      buildKey,
      make: () => draw(recordCard(model.site.title, content(i), config.workWeekHours), fonts),
    })),
  ];
}

/** satori and resvg are loaded by the first card a build makes, not by every build. */
async function draw(card: SocialCard, fonts: readonly CardFont[]): Promise<Uint8Array> {
  const { cardPng } = await import('./social-card-image.js');
  return cardPng(card, fonts);
}
