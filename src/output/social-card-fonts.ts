/** The fonts cards are drawn with: the theme's Inter, 400 and 700 (woff, which satori reads; not woff2). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../render/theme.js';
import { hashBytes } from '../incremental/fingerprint.js';

const FONT_FILES = [
  { weight: 400, file: 'inter-latin-400-normal.woff' },
  { weight: 700, file: 'inter-latin-700-normal.woff' },
] as const;

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;

export function cardFonts() {
  return (fonts ??= FONT_FILES.map(({ weight, file }) => ({
    name: 'Inter',
    data: readFileSync(join(PACKAGE_ROOT, 'templates', 'fonts', file)),
    weight,
    style: 'normal' as const,
  })));
}

/** The fonts' hash: a card depends on them as on what it shows. */
export function cardFontsHash(): string {
  return hashBytes(cardFonts().map((f) => f.data));
}

