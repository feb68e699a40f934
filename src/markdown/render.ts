/**
 * Markdown → HTML. The plain Markdown most records use takes a fast path (fast-path.ts) that
 * writes the unified pipeline's exact output; anything else goes through the pipeline
 * (pipeline.ts), which is loaded the first time some text needs it.
 *
 * Rendering is synchronous, loading is not: a text that needs the pipeline before it is loaded
 * throws MarkdownPipelineNeeded, and `withMarkdown(work)` loads it and does the work again.
 * Every caller that renders Markdown runs inside withMarkdown (the work is pure, so doing it
 * again is safe); a quick rebuild of plain records never loads the pipeline at all.
 */
import { fastFirstParagraphText, fastMarkdown, fastPhrasing } from './fast-path.js';
import type { LinkTarget } from './pipeline.js';

export interface MarkdownOptions {
  /** Let raw HTML through as markup (site.yaml `allowHtml: true`). */
  allowHtml: boolean;
}

type Pipeline = typeof import('./pipeline.js');
let pipeline: Pipeline | null = null;

/** Thrown by rendering that needs the pipeline before it was loaded; withMarkdown handles it. */
export class MarkdownPipelineNeeded extends Error {
  constructor() {
    super('the Markdown pipeline is not loaded: run this work inside withMarkdown()');
  }
}

export async function loadMarkdownPipeline(): Promise<void> {
  pipeline ??= await import('./pipeline.js');
}

/** Whether the pipeline has been loaded in this thread (for tests). */
export function markdownPipelineLoaded(): boolean {
  return pipeline !== null;
}

/** Runs work that may render Markdown; when it needs the pipeline, loads it and runs the work again. */
export async function withMarkdown<T>(work: () => T | Promise<T>): Promise<T> {
  return withMarkdownIfNeeded(work);
}

/** withMarkdown, but with work's own result, no promise made, when it did not need the pipeline. */
export function withMarkdownIfNeeded<T>(work: () => T | Promise<T>): T | Promise<T> {
  const again = async (err: unknown): Promise<T> => {
    if (!(err instanceof MarkdownPipelineNeeded)) throw err;
    await loadMarkdownPipeline();
    return work();
  };
  let result: T | Promise<T>;
  try {
    result = work();
  } catch (err) {
    if (!(err instanceof MarkdownPipelineNeeded)) throw err;
    return again(err);
  }
  return result instanceof Promise ? result.catch(again) : result;
}

/**
 * A block of Markdown (a record's body, the site's about text) → HTML. The plain Markdown most
 * records use takes a fast path (fast-path.ts) that writes the pipeline's exact output.
 */
export function renderMarkdown(markdown: string, options: MarkdownOptions): string {
  return fastMarkdown(markdown) ?? renderMarkdownWithPipeline(markdown, options);
}

/** The unified pipeline alone: the definition of the output, which the fast path must match. */
export function renderMarkdownWithPipeline(markdown: string, options: MarkdownOptions): string {
  if (markdown.trim() === '') return '';
  return pipelineFor().renderWithPipeline(markdown, options);
}

/**
 * A title or a summary as one line: line breaks (and the spaces around them) become one
 * space. Written on several lines in YAML, it is still one line of text.
 */
function oneLine(markdown: string): string {
  return (/[\r\n]/.test(markdown) ? markdown.replace(/\s*[\r\n]\s*/g, ' ') : markdown).trim();
}

/** Inline Markdown read: its HTML, without a wrapping `<p>`, and its plain text. */
export interface InlineMarkdown {
  html: string;
  /**
   * The text of its parsed tree, runs of whitespace as one space: for `<meta name="description">`,
   * feeds' summaries and `title=""` attributes.
   */
  text: string;
}

const NO_TEXT: InlineMarkdown = { html: '', text: '' };

/**
 * Inline Markdown (a task title, a summary): the text is read as the content of a paragraph,
 * so inline syntax applies and block syntax does not (the title `10. Fix the cache` is that
 * text, not a list starting at 10).
 */
export function readInline(markdown: string, options: MarkdownOptions): InlineMarkdown {
  const line = oneLine(markdown);
  if (line === '') return NO_TEXT;
  const read = fastPhrasing(line) ?? pipelineFor().readInlineWithPipeline(line, options);
  return { html: read.html, text: collapseSpaces(read.text) };
}

/** readInline through the pipeline alone: the definition, which the fast path must match. */
export function readInlineWithPipeline(markdown: string, options: MarkdownOptions): InlineMarkdown {
  const line = oneLine(markdown);
  if (line === '') return NO_TEXT;
  const read = pipelineFor().readInlineWithPipeline(line, options);
  return { html: read.html, text: collapseSpaces(read.text) };
}

/**
 * The plain text of a body's first paragraph, runs of whitespace as one space: the
 * description and feed summary of a record without `summary`. Plain Markdown takes the fast
 * path, like its HTML; the rest the pipeline's tree (withMarkdown).
 */
export function firstParagraphText(markdown: string, options: MarkdownOptions): string {
  if (markdown.trim() === '') return '';
  return collapseSpaces(fastFirstParagraphText(markdown) ?? pipelineFor().firstParagraphTextWithPipeline(markdown, options));
}

/** firstParagraphText through the pipeline alone: the definition, which the fast path must match. */
export function firstParagraphTextWithPipeline(markdown: string, options: MarkdownOptions): string {
  if (markdown.trim() === '') return '';
  return collapseSpaces(pipelineFor().firstParagraphTextWithPipeline(markdown, options));
}

/**
 * What could be a relative link target: after `](` or a definition's `]:`, a URL with no
 * scheme that does not start with `/`, `#` or `?`. Markdown without one (most records) is not
 * parsed for its links.
 */
const RELATIVE_LINK_CANDIDATE = /\]\(\s*<?(?![a-zA-Z][a-zA-Z0-9+.-]*:|[/#?)])|\]:\s*<?(?![a-zA-Z][a-zA-Z0-9+.-]*:|[/#?])/;

/**
 * The relative links, images and definitions of a block of Markdown (`diagram.png`,
 * `img/a.svg`), with their lines and columns in it; links with a scheme, root-relative and
 * fragment-only ones are left out. Needs the pipeline when there is a candidate (withMarkdown).
 */
export function relativeLinkTargets(markdown: string): LinkTarget[] {
  if (!RELATIVE_LINK_CANDIDATE.test(markdown)) return [];
  return pipelineFor()
    .linkTargetsWithPipeline(markdown)
    .filter(({ url }) => url !== '' && !/^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|[/#?])/.test(url));
}

/** The HTML of inline Markdown (see readInline). */
export function renderInline(markdown: string, options: MarkdownOptions): string {
  return readInline(markdown, options).html;
}

function pipelineFor(): Pipeline {
  if (!pipeline) throw new MarkdownPipelineNeeded();
  return pipeline;
}

/** Whitespace that `\s+` → one space, then trim, would change: any but single spaces between words. */
const UNEVEN_SPACE = /[^\S ]| {2}|^ | $/;

/** Runs of whitespace as one space, none at the ends (most texts already are: they are returned as they are). */
function collapseSpaces(text: string): string {
  return UNEVEN_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** Words in a text, for reading time: runs of letters and digits, with ' ’ - inside. */
export function countWords(text: string): number {
  const ascii = countAsciiWords(text);
  if (ascii !== null) return ascii;
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return words ? words.length : 0;
}

/** countWords for ASCII text, without a Unicode regular expression; null for other text. */
function countAsciiWords(text: string): number | null {
  // Without branches on the characters (word boundaries are too frequent to predict): a word
  // starts at a letter or digit outside a word; ' and - continue a word, anything else ends it.
  let words = 0;
  let inWord = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return null;
    const kind = ASCII_KIND[c]!;
    const alphanumeric = kind & 1;
    words += alphanumeric & (inWord ^ 1);
    inWord = alphanumeric | ((kind >> 1) & inWord);
  }
  return words;
}

/** Per ASCII character: 1 letter or digit, 2 `'` or `-`, 0 anything else. */
const ASCII_KIND = new Uint8Array(128).map((_, c) =>
  /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : c === 0x27 || c === 0x2d ? 2 : 0,
);
