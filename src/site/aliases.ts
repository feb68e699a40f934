/**
 * Aliases (`site.yaml` `aliases`): private names → public ones, so a published record never
 * leaks a client's or a project's real name. Applied to Markdown source text before rendering
 * (titles, tasks, summaries, bodies, project names…).
 *
 * Rules:
 * - Whole words only: a name matches when neither side touches a letter, combining mark or
 *   digit (Unicode-aware). "Acme" matches in "Acme's", "acme-api", "(Acme)", `Acme`,
 *   `_Acme_` and "acme_corp" (`_` is Markdown emphasis, and a separator in identifiers), but
 *   not in "Acmes", "MegaAcme" or "Acme2". Matching ignores case; a space in a name matches
 *   any run of white space (so a name broken over two lines still matches).
 * - Longest name first: with "Acme" and "Acme Learn", "Acme Learn" wins where both match.
 * - One pass: a replacement is never itself replaced again.
 * - Names that differ only in case: the one spelled like the matched text wins, else the one
 *   with most letters in the same case.
 * - Case: text spelled exactly as the configured name gets the replacement as written;
 *   text in capitals (two or more cased letters) gets it in capitals; otherwise the
 *   replacement's first letter takes the case of the matched text's first letter.
 *   `Acme Learn` → `an education platform`: "Acme Learn" → "an education platform",
 *   "ACME LEARN" → "AN EDUCATION PLATFORM", "acme learn" → "an education platform",
 *   "Acme learn" → "An education platform". `acme` → `client`: "Acme" → "Client".
 * - URLs change too (link destinations, bare and angle-bracket URLs, e-mail addresses):
 *   leaking the name through a link is what aliases exist to prevent. There, white space in
 *   the replacement becomes `-`, so the Markdown link stays one link.
 * - Code spans and code blocks are text like any other: names in them are replaced as well.
 * Replacements are inserted verbatim: keep them free of Markdown syntax.
 */

export type Aliaser = (text: string) => string;

interface Alias {
  name: string;
  replacement: string;
  /** Tests a matched text against this name (case-insensitive, whole string). */
  matches: RegExp;
}

const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}]`;

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** The pattern of a name: literal, with any white space matching any run of white space. */
function namePattern(name: string): string {
  return name.split(/\s+/u).map(escapeRegExp).join(String.raw`\s+`);
}

function sameSpelling(a: string, b: string): boolean {
  return a.replace(/\s+/gu, ' ') === b.replace(/\s+/gu, ' ');
}

/** How many positions of `a` and `b` hold the same character. */
function sameChars(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let same = 0;
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] === y[i]) same++;
  return same;
}

/** The alias a matched text stands for (see the module's rules on names differing in case). */
function aliasOf(list: readonly Alias[], matched: string): Alias {
  const exact = list.find((a) => sameSpelling(matched, a.name));
  if (exact) return exact;
  let best: Alias | null = null;
  let bestScore = -1;
  for (const a of list) {
    if (!a.matches.test(matched)) continue;
    const score = sameChars(matched, a.name);
    if (score > bestScore) {
      best = a;
      bestScore = score;
    }
  }
  return best ?? list[0]!;
}

function isCased(char: string): boolean {
  return char.toUpperCase() !== char.toLowerCase();
}

/** Upper- or lower-cases the first cased letter of `text`. */
function withFirstLetter(text: string, upper: boolean): string {
  const chars = [...text];
  const i = chars.findIndex(isCased);
  if (i < 0) return text;
  chars[i] = upper ? chars[i]!.toUpperCase() : chars[i]!.toLowerCase();
  return chars.join('');
}

/** The replacement in the case of the matched text (see the module's rules). */
export function matchCase(matched: string, name: string, replacement: string): string {
  if (sameSpelling(matched, name)) return replacement;
  const cased = [...matched].filter(isCased);
  if (cased.length >= 2 && matched === matched.toUpperCase()) return replacement.toUpperCase();
  const first = cased[0];
  if (first === undefined) return replacement;
  return withFirstLetter(replacement, first === first.toUpperCase());
}

/** Where URLs are in a Markdown text: [start, end) spans. */
export function urlSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const add = (re: RegExp, group: number): void => {
    for (const m of text.matchAll(re)) {
      const value = m[group];
      if (!value) continue;
      const start = (m.index ?? 0) + m[0].lastIndexOf(value);
      spans.push([start, start + value.length]);
    }
  };
  add(/\]\(\s*<?([^\s)>]+)/gu, 1); // [text](destination)
  add(/^ {0,3}\[[^\]\n]+\]:[ \t]*<?(\S+?)>?(?=\s|$)/gmu, 1); // [ref]: destination
  add(/(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"'()[\]]+/giu, 0); // scheme:// and www. URLs
  add(/mailto:[^\s<>()]+/giu, 0);
  add(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu, 0); // e-mail addresses
  return spans;
}

function inSpans(spans: readonly [number, number][], start: number, end: number): boolean {
  return spans.some(([a, b]) => start < b && end > a);
}

/** Compiles the aliases once, for many texts. Empty names are ignored. */
export function compileAliases(aliases: Readonly<Record<string, string>>): Aliaser {
  const list: Alias[] = Object.entries(aliases)
    .map(([name, replacement]) => ({ name: name.trim(), replacement }))
    .filter((a) => a.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((a) => ({ ...a, matches: new RegExp(`^(?:${namePattern(a.name)})$`, 'iu') }));
  if (list.length === 0) return (text) => text;
  const any = new RegExp(
    `(?<!${WORD_CHAR})(?:${list.map((a) => namePattern(a.name)).join('|')})(?!${WORD_CHAR})`,
    'giu',
  );
  return (text) => {
    let spans: [number, number][] | null = null;
    return text.replace(any, (matched: string, offset: number) => {
      const alias = aliasOf(list, matched);
      const replacement = matchCase(matched, alias.name, alias.replacement);
      spans ??= urlSpans(text);
      return inSpans(spans, offset, offset + matched.length) ? replacement.replace(/\s+/gu, '-') : replacement;
    });
  };
}

/** Replaces every alias name in `text` (see the module's rules). */
export function applyAliases(text: string, aliases: Readonly<Record<string, string>>): string {
  return compileAliases(aliases)(text);
}
