/** Splits a record file into its YAML front matter and its Markdown body. */

import { error } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Position } from '../config/fields.js';

/** Where the first field of the front matter is written. */
export const FRONT_MATTER_START: Position = { line: 2, column: 1 };

/** The front matter's text starts after the opening `---`: columns of its first line are shifted by that much. */
export const FRONT_MATTER_SHIFT = 3;

// The split is gray-matter's (test/records/frontmatter.test.ts compares them): the front
// matter ends at the first `\n---` anywhere, even `\n----x`; the body starts after that, less
// one `\r` and one `\n`. gray-matter itself is not used: it would also run `---js` front matter.
const OPENING = '---';
const CLOSING = '\n---';
const LINE_END_AT_START = /^\r?\n?/;
const SHAPE_HINT = 'start the file with a line ---, then the fields (date, tasks, …), then a line ---';
const NOT_A_RECORD_HINT = `${SHAPE_HINT}; a file that is not a record (a README, a note) is kept out of records by a name starting with _, e.g. _README.md`;

/**
 * The front matter's text (from just after the opening `---`, so that its lines are the
 * file's) and the body; null front matter, with an error in `diagnostics`, when there is none
 * or it is not closed. A leading BOM is ignored; CRLF line ends are fine.
 */
export function splitFrontMatter(
  file: string,
  text: string,
  diagnostics: Diagnostic[],
): { frontMatter: string | null; body: string } {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0]!;
  if (firstLine.trimEnd() !== OPENING) {
    if (firstLine.startsWith(OPENING)) diagnostics.push(error(file, 1, 1, 'the first line must be just ---', SHAPE_HINT));
    else diagnostics.push(error(file, 1, 1, 'the file has no front matter', NOT_A_RECORD_HINT));
    return { frontMatter: null, body: source };
  }
  const closing = source.indexOf(CLOSING, OPENING.length);
  if (closing === -1) {
    diagnostics.push(error(file, 1, 1, 'the front matter is not closed', 'end it with a line --- after the last field'));
    return { frontMatter: null, body: '' };
  }
  return {
    frontMatter: source.slice(OPENING.length, closing),
    body: source.slice(closing + CLOSING.length).replace(LINE_END_AT_START, ''),
  };
}
