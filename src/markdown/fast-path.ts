/**
 * A fast path for the plain Markdown most records are written in. The unified pipeline
 * (pipeline.ts) is the definition of the output; this renders a small, certain subset
 * directly to the same bytes and returns null for anything else, so the pipeline renders it.
 * The two are compared on generated documents and near-misses in
 * test/markdown/fast-path.test.ts, and on text made of Markdown's risky pieces in
 * test/markdown/risky-fuzz.test.ts.
 *
 * Accepted blocks, separated by blank lines, none indented: paragraphs (soft line breaks
 * included), ATX headings, `-`/`*`/`1.` lists whose items are one paragraph each (tight or
 * loose), GFM tables whose rows start and end with `|`, and ``` code blocks. Inline syntax:
 * see fast-inline.ts. In this subset both `allowHtml` modes give the same HTML: there is no
 * raw HTML to keep or show, and nothing the sanitiser would remove.
 */
import { escapeAsPipeline } from '../escape.js';
import { fastInline, type Phrasing } from './fast-inline.js';

type Block =
  | { kind: 'heading'; level: number; html: string }
  | { kind: 'paragraph'; html: string; text: string }
  | { kind: 'list' | 'other'; html: string };

interface Read {
  block: Block;
  /** Index of the first line after the block. */
  next: number;
}

/** The highest heading a body may have (see rehypeDemoteHeadings in render.ts). */
const TOP_HEADING = 3;

/**
 * Tabs, carriage returns, other control characters, byte order marks (dropped at the start)
 * and lone surrogates are the pipeline's.
 */
const UNSUPPORTED_CHARACTERS = /[\0-\x09\x0b-\x1f\x7f\ufeff]|\p{Cs}/u;
/** Printable ASCII and line feeds: none of those, seen several times faster. */
const PRINTABLE_ASCII = /^[\n\x20-\x7E]*$/;

function hasUnsupportedCharacters(markdown: string): boolean {
  return !PRINTABLE_ASCII.test(markdown) && UNSUPPORTED_CHARACTERS.test(markdown);
}

/** Block Markdown → the pipeline's HTML (trimmed), or null when the text is outside the subset. */
export function fastMarkdown(markdown: string): string | null {
  const blocks = fastBlocks(markdown);
  return blocks && demoteHeadings(blocks).join('\n');
}

/**
 * The text of block Markdown's first paragraph as the pipeline's tree gives it ('' when it has
 * none), or null when the text is outside the subset.
 */
export function fastFirstParagraphText(markdown: string): string | null {
  const blocks = fastBlocks(markdown);
  if (!blocks) return null;
  const paragraph = blocks.find((block) => block.kind === 'paragraph');
  return paragraph?.kind === 'paragraph' ? paragraph.text : '';
}

function fastBlocks(markdown: string): Block[] | null {
  // Blank as JavaScript counts it (U+2028, no-break spaces …), as render.ts reads a blank body.
  if (markdown.trim() === '') return [];
  if (hasUnsupportedCharacters(markdown)) return null;
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  let at = 0;
  while (at < lines.length) {
    if (lines[at] === '') {
      at++;
      continue;
    }
    if (blocks.length > 0 && lines[at - 1] !== '') return null;
    const read = readBlock(lines, at);
    // A list after a list (even with a blank line between) may be the same, loose, list.
    if (!read || (read.block.kind === 'list' && blocks.at(-1)?.kind === 'list')) return null;
    blocks.push(read.block);
    at = read.next;
  }
  return blocks;
}

/**
 * One line of inline Markdown (see renderInline) → its HTML and text as the pipeline gives
 * them, or null when it is outside the subset.
 */
export function fastPhrasing(line: string): Phrasing | null {
  return hasUnsupportedCharacters(line) ? null : fastInline(line);
}

function readBlock(lines: string[], start: number): Read | null {
  const line = lines[start]!;
  if (line.startsWith('```')) return readFencedCode(lines, start);
  if (line.startsWith('#')) return readHeading(line, start);
  if (line.startsWith('|')) return readTable(lines, start);
  if (LIST_ITEM.test(line)) return readList(lines, start);
  return readParagraph(lines, start);
}

/**
 * Starts of lines that could begin or interrupt another block: indented code, quotes, headings,
 * setext underlines, lists, thematic breaks, tables (a delimiter row needs no pipe: `Time\n:--`
 * is a one-column table), fences, HTML.
 */
const BLOCK_START = /^(?:[ >#=+|~<:-]|\*(?: |$)|\d{1,9}[.)](?: |$)|```|\*\*\*|___)/;

/** Neither a block start nor a line ending in a space (a possible hard break). */
function isParagraphText(line: string): boolean {
  return !BLOCK_START.test(line) && !line.endsWith(' ');
}

function readParagraph(lines: string[], start: number): Read | null {
  let end = start;
  while (end < lines.length && lines[end] !== '') {
    if (!isParagraphText(lines[end]!)) return null;
    end++;
  }
  const read = fastInline(lines.slice(start, end).join('\n'));
  return read === null ? null : { block: { kind: 'paragraph', html: `<p>${read.html}</p>`, text: read.text }, next: end };
}

const HEADING = /^(#{1,6}) ([^ #](?:.*[^ #])?)$/;

function readHeading(line: string, start: number): Read | null {
  const match = HEADING.exec(line);
  const html = match ? fastInline(match[2]!)?.html : undefined;
  if (!match || html === undefined || !isParagraphText(match[2]!)) return null;
  return { block: { kind: 'heading', level: match[1]!.length, html }, next: start + 1 };
}

const LIST_ITEM = /^(?:[-*]|\d{1,9}\.) /;

/**
 * One list: items with the same marker, numbered 1, 2, 3 … when ordered, each one paragraph
 * whose further lines are indented by exactly the marker's width. A blank line between two
 * items makes the whole list loose: each item's text is then a `<p>`.
 */
function readList(lines: string[], start: number): Read | null {
  const ordered = !/^[-*]/.test(lines[start]!);
  const markerOf = (index: number) => (ordered ? `${index + 1}. ` : `${lines[start]![0]} `);
  const items: string[] = [];
  let loose = false;
  let at = start;
  while (at < lines.length && lines[at] !== '') {
    const marker = markerOf(items.length);
    if (!lines[at]!.startsWith(marker)) return null;
    const itemLines = [lines[at]!.slice(marker.length)];
    const indent = ' '.repeat(marker.length);
    for (at++; lines[at]?.startsWith(indent); at++) itemLines.push(lines[at]!.slice(indent.length));
    const html = listItemContent(itemLines);
    if (html === null) return null;
    items.push(html);
    const afterBlanks = nextNonBlank(lines, at);
    if (afterBlanks > at && lines[afterBlanks]?.startsWith(markerOf(items.length))) {
      loose = true;
      at = afterBlanks;
    }
  }
  const tag = ordered ? 'ol' : 'ul';
  const itemsHtml = items.map((html) => (loose ? `<li>\n<p>${html}</p>\n</li>` : `<li>${html}</li>`));
  return { block: { kind: 'list', html: `<${tag}>\n${itemsHtml.join('\n')}\n</${tag}>` }, next: at };
}

/** Task list items, and items that would hold a nested block, are the pipeline's. */
function listItemContent(lines: string[]): string | null {
  // An empty line here was only spaces: a blank line, which would make the list loose.
  if (lines.includes('') || /^\[[ xX]\]/.test(lines[0]!)) return null;
  if (!lines.every(isParagraphText)) return null;
  return fastInline(lines.join('\n'))?.html ?? null;
}

function nextNonBlank(lines: string[], from: number): number {
  let at = from;
  while (at < lines.length && lines[at] === '') at++;
  return at;
}

type Alignment = 'left' | 'right' | 'center' | null;

function readTable(lines: string[], start: number): Read | null {
  const header = tableCells(lines[start]!);
  const alignments = delimiterRow(lines[start + 1] ?? '');
  if (!header || !alignments || alignments.length !== header.length) return null;
  const rows: string[][] = [];
  let at = start + 2;
  for (; at < lines.length && lines[at] !== ''; at++) {
    const cells = tableCells(lines[at]!);
    if (!cells || cells.length !== header.length) return null;
    rows.push(cells);
  }
  const headHtml = tableRow(header, alignments, 'th');
  const bodyHtml = rows.map((row) => tableRow(row, alignments, 'td'));
  if (headHtml === null || bodyHtml.includes(null)) return null;
  const parts = ['<table>', '<thead>', headHtml, '</thead>'];
  if (rows.length > 0) parts.push('<tbody>', ...(bodyHtml as string[]), '</tbody>');
  parts.push('</table>');
  return { block: { kind: 'other', html: parts.join('\n') }, next: at };
}

/** `| a | b |` → ['a', 'b']; null unless every cell has content and no pipe is escaped. */
function tableCells(line: string): string[] | null {
  if (line.length < 3 || !line.startsWith('|') || !line.endsWith('|') || line.includes('\\|')) return null;
  const cells = line
    .slice(1, -1)
    .split('|')
    .map((cell) => cell.replace(/^ +| +$/g, ''));
  return cells.every((cell) => cell !== '') ? cells : null;
}

function delimiterRow(line: string): Alignment[] | null {
  const cells = tableCells(line);
  if (!cells || !cells.every((cell) => /^:?-+:?$/.test(cell))) return null;
  return cells.map((cell) => {
    const left = cell.startsWith(':');
    const right = cell.endsWith(':');
    return left && right ? 'center' : left ? 'left' : right ? 'right' : null;
  });
}

function tableRow(cells: string[], alignments: Alignment[], tag: 'th' | 'td'): string | null {
  const html: string[] = [];
  for (const [index, cell] of cells.entries()) {
    const content = fastInline(cell)?.html;
    if (content === undefined) return null;
    const align = alignments[index];
    html.push(`<${tag}${align ? ` align="${align}"` : ''}>${content}</${tag}>`);
  }
  return `<tr>\n${html.join('\n')}\n</tr>`;
}

const FENCE_OPENING = /^```([a-z0-9]*)$/;

/** A ``` fence with an optional one-word language, closed by a bare ```; the content is verbatim. */
function readFencedCode(lines: string[], start: number): Read | null {
  const language = FENCE_OPENING.exec(lines[start]!)?.[1];
  if (language === undefined) return null;
  const close = lines.indexOf('```', start + 1);
  if (close === -1) return null;
  const content = lines.slice(start + 1, close);
  // Other fence-like lines, and blank edges (which the pipeline trims), are the pipeline's.
  if (content.some((line) => /^ *(?:```|~~~)/.test(line))) return null;
  if (content.length > 0 && (content[0]!.trim() === '' || content.at(-1)!.trim() === '')) return null;
  const classAttribute = language ? ` class="language-${language}"` : '';
  const code = content.map((line) => `${escapeAsPipeline(line)}\n`).join('');
  return { block: { kind: 'other', html: `<pre><code${classAttribute}>${code}</code></pre>` }, next: close + 1 };
}

/** The highest heading becomes an h3 when it is above h3; the others move down with it. */
function demoteHeadings(blocks: Block[]): string[] {
  const levels = blocks.flatMap((block) => (block.kind === 'heading' ? [block.level] : []));
  const shift = Math.max(0, TOP_HEADING - Math.min(...levels));
  return blocks.map((block) => {
    if (block.kind !== 'heading') return block.html;
    const level = Math.min(6, block.level + shift);
    return `<h${level}>${block.html}</h${level}>`;
  });
}
