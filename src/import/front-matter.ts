/**
 * Front matter of a post (`---` YAML `---` at the very top). The block is blanked out of the
 * text (every character but line breaks turned into a space) so that parsers see the rest
 * of the file at its true lines and offsets.
 */
import { parseDocument } from 'yaml';
import { error, lineColumnAt, type Diagnostic } from '../diagnostics.js';

export type FrontMatterResult =
  | { ok: true; data: Record<string, unknown>; content: string }
  | { ok: false; diagnostics: Diagnostic[] };

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

export function splitFrontMatter(text: string, file: string): FrontMatterResult {
  const opening = OPENING.exec(text);
  if (!opening) return { ok: true, data: {}, content: text };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    return {
      ok: false,
      diagnostics: [error(file, 1, 1, 'front matter is not closed', 'end it with a line `---`')],
    };
  }
  const yamlStart = opening[0].length;
  const yamlText = rest.slice(0, closing.index);
  const end = yamlStart + closing.index + closing[0].length;
  const blanked = text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end);

  const document = parseDocument(yamlText);
  if (document.errors.length > 0) {
    return {
      ok: false,
      diagnostics: document.errors.map((e) => {
        const at = lineColumnAt(text, yamlStart + (e.pos[0] ?? 0));
        return error(file, at.line, at.column, `front matter is not valid YAML: ${e.message.split('\n')[0]}`);
      }),
    };
  }
  const data: unknown = document.toJS();
  if (data === null || data === undefined) return { ok: true, data: {}, content: blanked };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      diagnostics: [error(file, 2, 1, 'front matter must be a mapping of keys to values')],
    };
  }
  return { ok: true, data: data as Record<string, unknown>, content: blanked };
}
