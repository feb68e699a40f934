/**
 * Splits a record file into its YAML front matter (parsed with positions that are the
 * file's own lines and columns) and its Markdown body.
 */

import { error } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';
import { parseLocatedYaml } from '../config/located-yaml.js';
import type { LocatedYaml, Position } from '../config/located-yaml.js';

/** Where the first field of the front matter is written. */
export const FRONT_MATTER_START: Position = { line: 2, column: 1 };

// The split is gray-matter's (which this replaced, being slow): the front matter ends at the
// first `\n---` anywhere, even `\n----x`; the body starts after that, less one `\r` and one `\n`.
const OPENING = '---';
const CLOSING = '\n---';
const LINE_END_AT_START = /^\r?\n?/;
const SHAPE_HINT = 'start the file with a line ---, then the fields (date, tasks, …), then a line ---';

/**
 * `yaml` is null, with errors in `diagnostics`, when there is no front matter or it does not
 * parse. A leading BOM is ignored; CRLF line ends are fine.
 */
export function splitFrontMatter(
  file: string,
  text: string,
  diagnostics: Diagnostic[],
): { yaml: LocatedYaml | null; body: string } {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0]!;
  if (firstLine.trimEnd() !== OPENING) {
    const message = firstLine.startsWith(OPENING)
      ? 'the first line must be just ---'
      : 'the file has no front matter';
    diagnostics.push(error(file, 1, 1, message, SHAPE_HINT));
    return { yaml: null, body: source };
  }
  const closing = closingOf(source);
  if (closing === -1) {
    diagnostics.push(error(file, 1, 1, 'the front matter is not closed', 'end it with a line --- after the last field'));
    return { yaml: null, body: '' };
  }
  const parsed = parseLocatedYaml(file, source.slice(OPENING.length, closing), OPENING.length);
  diagnostics.push(...parsed.diagnostics);
  return { yaml: parsed.yaml, body: bodyAfter(source, closing) };
}

/** Where the front matter of a text that opens with `---` closes (the `\n` before `---`); -1 when it does not. */
export function closingOf(source: string): number {
  return source.indexOf(CLOSING, OPENING.length);
}

/** The body after the front matter closing at `closing`. */
export function bodyAfter(source: string, closing: number): string {
  return source.slice(closing + CLOSING.length).replace(LINE_END_AT_START, '');
}
