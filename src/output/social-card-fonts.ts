/**
 * The fonts cards are drawn with: the theme's Inter, 400 and 700 (woff, which satori reads; not
 * woff2), and any font the root adds in its own `templates/fonts/`. satori draws each
 * character with Inter when Inter has it, and else with the first added font that has it: a
 * site written in Japanese adds, say, `NotoSansJP-Regular.ttf` and `NotoSansJP-Bold.ttf`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { warning, type Diagnostic } from '../diagnostics.js';
import { PACKAGE_ROOT, themeRoots } from '../render/theme.js';

/** A font file a card may be drawn with. */
export interface CardFont {
  /** The family, from the file's name up to its first `-`: `inter-latin-400-normal.woff` is Inter. */
  family: string;
  /** 700 when the file's name says bold (`Bold`, `700`), else 400. */
  weight: 400 | 700;
  /** Absolute path. */
  file: string;
  size: number;
  mtimeMs: number;
}

const FONTS = 'templates/fonts';
const READABLE = /\.(?:ttf|otf|woff)$/i;
const FONT = /\.(?:ttf|otf|woff2?)$/i;

/**
 * The package's fonts, then the root's (a root file of the same name replaces the package's);
 * a warning for each font file satori cannot read.
 */
export function findCardFonts(root: string): { fonts: CardFont[]; diagnostics: Diagnostic[] } {
  const byName = new Map<string, CardFont>();
  const diagnostics: Diagnostic[] = [];
  for (const base of themeRoots(root)) {
    const folder = join(base, FONTS);
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      if (!FONT.test(name)) continue;
      if (!READABLE.test(name)) {
        diagnostics.push(warning(`${FONTS}/${name}`, 0, 0, 'not used for social cards: satori reads .ttf, .otf and .woff fonts, not .woff2', 'add the font as .ttf, .otf or .woff'));
        continue;
      }
      const file = join(folder, name);
      const { size, mtimeMs } = statSync(file);
      const family = name.replace(/\.[^.]+$/, '').split('-')[0]!;
      byName.set(name, { family, weight: /bold|700/i.test(name) ? 700 : 400, file, size, mtimeMs });
    }
  }
  return { fonts: [...byName.values()], diagnostics };
}

/** The theme's own fonts, for cards drawn outside a build. */
export function defaultCardFonts(): CardFont[] {
  return (defaults ??= findCardFonts(PACKAGE_ROOT).fonts);
}
let defaults: CardFont[] | undefined;

/** What a card depends on of its fonts: each file's path, size and time, like a public file. */
export function cardFontsKey(fonts: readonly CardFont[]): string {
  return fonts.map(fileState).join('\0');
}

/** The fonts as satori takes them, each file read again only when its size or time changed. */
export function satoriFonts(fonts: readonly CardFont[]) {
  return fonts.map((font) => ({ name: font.family, data: fontBytes(font), weight: font.weight, style: 'normal' as const }));
}

const fileState = (font: CardFont) => `${font.file}\0${font.size}\0${font.mtimeMs}`;

/** By file: the bytes as last read, and the state they were read in. */
const read = new Map<string, { state: string; bytes: Buffer }>();
function fontBytes(font: CardFont): Buffer {
  const state = fileState(font);
  let known = read.get(font.file);
  if (known?.state !== state) read.set(font.file, (known = { state, bytes: readFileSync(font.file) }));
  return known.bytes;
}
