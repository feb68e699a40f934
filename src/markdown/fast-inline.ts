/**
 * The inline half of the Markdown fast path (see fast-path.ts): plain text, single-backtick
 * code spans, `*em*`, `_em_`, `**strong**` with unambiguous flanking, and `[text](url)` with a
 * plain URL. Returns null for anything else, so the unified pipeline decides.
 */
import { escapeAsPipeline } from '../escape.js';

/** Inline Markdown read by the fast path: its HTML, and its text as mdast-util-to-string gives it. */
export interface Phrasing {
  html: string;
  text: string;
}

interface Piece extends Phrasing {
  /** Index just after the piece in the source. */
  end: number;
}

/** Where a run of text may appear: soft line breaks only in a paragraph, `]` ends a link's text. */
interface Context {
  newlines: boolean;
  /** The emphasis delimiter being closed, if any. */
  closing: '*' | '**' | '_' | null;
}

const TOP_LEVEL: Context = { newlines: true, closing: null };
const IN_LINK_TEXT: Context = { newlines: false, closing: null };

/**
 * Runs of characters that are plain text wherever they are. Everything else (`<`, `&`, `\`,
 * `~`, `|`, `@`, `!`, `*`, `_`, brackets, backticks, tabs, controls …) needs a closer look or
 * makes the fast path give up.
 */
const PLAIN_RUN = /[^`*_[\]\\<&~|@!\n\t\0-\x1f\x7f]+/y;
const ASCII_ALPHANUMERIC = /[A-Za-z0-9]/;

/**
 * After these GFM turns text into links (autolink literals). So does `@` (an email address),
 * and `[^` is a footnote call: neither is read as text, so the fast path gives up on both.
 */
const AUTOLINK_LITERAL = /www\.|https?:|mailto:|xmpp:|:\/\//i;

/** A link destination that neither sanitising nor URL normalising changes: http(s) or relative, no escapes. */
const SAFE_URL = /^(?:https?:\/\/[A-Za-z0-9\-._/?#=+,;:]+|[A-Za-z0-9\-._/?#=+,;]+)$/;

/** Inline Markdown → HTML exactly as the pipeline writes it and the text of its tree, or null when unsure. */
export function fastInline(source: string): Phrasing | null {
  const pieces = readPieces(source, 0, TOP_LEVEL);
  return pieces && pieces.end === source.length ? { html: pieces.html, text: pieces.text } : null;
}

/** Reads pieces until the end, or until the context's closing delimiter / `]` (not consumed). */
function readPieces(source: string, start: number, context: Context): Piece | null {
  let html = '';
  let text = '';
  let at = start;
  while (at < source.length) {
    if (context === IN_LINK_TEXT && source[at] === ']') break;
    if (context.closing && closesAt(source, at, context.closing)) break;
    const piece =
      readCodeSpan(source, at) ??
      (context === TOP_LEVEL ? readLink(source, at) ?? readEmphasis(source, at) : null) ??
      readText(source, at, context);
    if (!piece) return null;
    html += piece.html;
    text += piece.text;
    at = piece.end;
  }
  return { html, text, end: at };
}

function readText(source: string, start: number, context: Context): Piece | null {
  let at = start;
  while (at < source.length) {
    PLAIN_RUN.lastIndex = at;
    if (PLAIN_RUN.test(source)) at = PLAIN_RUN.lastIndex;
    else if (isPlainHere(source, at, context)) at++;
    else break;
  }
  if (at === start) return null;
  const text = source.slice(start, at);
  // Only text can hold what GFM would turn into links: not code spans, not link destinations.
  return AUTOLINK_LITERAL.test(text) ? null : { html: text, text, end: at };
}

/** A line break in a paragraph, `!` not before `[` (an image), `_` inside a word. */
function isPlainHere(source: string, at: number, context: Context): boolean {
  const char = source[at];
  if (char === '\n') return context.newlines;
  if (char === '!') return source[at + 1] !== '[';
  return char === '_' && isIntraword(source, at);
}

/** A single `_` between letters or digits is always literal (it can neither open nor close). */
function isIntraword(source: string, at: number): boolean {
  return (
    ASCII_ALPHANUMERIC.test(source[at - 1] ?? '') &&
    ASCII_ALPHANUMERIC.test(source[at + 1] ?? '') &&
    source[at + 1] !== '_'
  );
}

function readCodeSpan(source: string, start: number): Piece | null {
  if (source[start] !== '`') return null;
  const close = source.indexOf('`', start + 1);
  if (close <= start + 1 || source[close + 1] === '`') return null;
  const content = source.slice(start + 1, close);
  // Edge spaces are stripped by CommonMark's rules; lines are joined: leave both to the pipeline.
  if (/^ |[ \n]$|\n|[\0-\x1f\x7f]/.test(content)) return null;
  return { html: `<code>${escapeAsPipeline(content)}</code>`, text: content, end: close + 1 };
}

function readLink(source: string, start: number): Piece | null {
  if (source[start] !== '[' || source[start + 1] === '^') return null;
  const text = readPieces(source, start + 1, IN_LINK_TEXT);
  if (!text || text.end === start + 1 || source[text.end] !== ']' || source[text.end + 1] !== '(') return null;
  const close = source.indexOf(')', text.end + 2);
  if (close === -1) return null;
  const url = source.slice(text.end + 2, close);
  if (!SAFE_URL.test(url)) return null;
  return { html: `<a href="${url}">${text.html}</a>`, text: text.text, end: close + 1 };
}

function readEmphasis(source: string, start: number): Piece | null {
  const delimiter = emphasisDelimiterAt(source, start);
  if (!delimiter || !opensAt(source, start, delimiter)) return null;
  const content = readPieces(source, start + delimiter.length, { newlines: true, closing: delimiter });
  if (!content || !closesAt(source, content.end, delimiter)) return null;
  const tag = delimiter === '**' ? 'strong' : 'em';
  return { html: `<${tag}>${content.html}</${tag}>`, text: content.text, end: content.end + delimiter.length };
}

function emphasisDelimiterAt(source: string, at: number): '*' | '**' | '_' | null {
  if (source.startsWith('**', at)) return source[at + 2] === '*' ? null : '**';
  if (source[at] === '*') return '*';
  if (source[at] === '_' && source[at + 1] !== '_') return '_';
  return null;
}

/**
 * Preceded by a space, a line break or nothing, and followed by neither whitespace nor another
 * delimiter: left-flanking and not right-flanking, so only ever an opener.
 */
function opensAt(source: string, at: number, delimiter: string): boolean {
  const before = source[at - 1];
  const after = source[at + delimiter.length] ?? ' ';
  return (before === undefined || before === ' ' || before === '\n') && !/[\s*_]/.test(after);
}

/**
 * Exactly the delimiter's run, after neither whitespace nor a delimiter, and before a space, a
 * line break, the end or punctuation: right-flanking, and (for `_`) allowed to close.
 */
function closesAt(source: string, at: number, delimiter: string): boolean {
  if (!source.startsWith(delimiter, at) || source[at + delimiter.length] === delimiter[0]) return false;
  const before = source[at - 1] ?? ' ';
  const after = source[at + delimiter.length];
  return !/[\s*_]/.test(before) && (after === undefined || /[ \n.,;:!?)]/.test(after));
}

