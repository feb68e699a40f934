/**
 * Markdown → HTML with the unified pipeline (remark-parse, remark-gfm, remark-rehype,
 * rehype-sanitize, rehype-stringify). Author text is untrusted unless the site allows raw
 * HTML: raw HTML is then shown as text, and sanitising drops `javascript:` links and event
 * handlers that Markdown itself could produce.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root as MdastRoot, Nodes as MdastNodes } from 'mdast';
import type { Element as HastElement, Root as HastRoot } from 'hast';
import { fastMarkdown } from './fast-path.js';

export interface MarkdownOptions {
  /** Let raw HTML through as markup (site.yaml `allowHtml: true`). */
  allowHtml: boolean;
}

/** Raw HTML in Markdown becomes literal text, so `<script>` is shown, never run. */
function remarkHtmlAsText() {
  return (tree: MdastRoot) => {
    const visit = (node: MdastNodes) => {
      if (node.type === 'html') {
        (node as unknown as { type: string }).type = 'text';
        return;
      }
      if ('children' in node) for (const child of node.children) visit(child as MdastNodes);
    };
    visit(tree);
  };
}

/** The highest heading an author's block Markdown may make: it sits under the page's h1 and a section's h2. */
const TOP_HEADING = 3;

/**
 * Moves the author's headings down together so the highest becomes an h3 (`#` → h3, `##` →
 * h4, …, at most h6): a `# Title` in a body would otherwise be a second h1 on the page, and
 * headings would skip levels. Bodies written with `###`, as usual, are left as they are.
 */
function rehypeDemoteHeadings() {
  return (tree: HastRoot) => {
    const headings: HastElement[] = [];
    const visit = (node: HastRoot | HastElement) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (/^h[1-6]$/.test(child.tagName)) headings.push(child);
        else visit(child);
      }
    };
    visit(tree);
    const top = Math.min(...headings.map((h) => Number(h.tagName[1])));
    if (!(top < TOP_HEADING)) return;
    for (const h of headings) h.tagName = `h${Math.min(6, Number(h.tagName[1]) + TOP_HEADING - top)}`;
  };
}

const sanitizeSchema = {
  ...defaultSchema,
  // Keep ids readable: footnote links still work because GFM prefixes both ends alike.
  clobberPrefix: 'user-content-',
};

function createProcessor(options: MarkdownOptions): Processor<MdastRoot, any, any, any, string> {
  if (options.allowHtml) {
    return unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeDemoteHeadings)
      .use(rehypeStringify, { allowDangerousHtml: true }) as any;
  }
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkHtmlAsText)
    .use(remarkRehype)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeDemoteHeadings)
    .use(rehypeStringify) as any;
}

const processors = new Map<boolean, Processor<MdastRoot, any, any, any, string>>();

function processorFor(options: MarkdownOptions) {
  let processor = processors.get(options.allowHtml);
  if (!processor) {
    processor = createProcessor(options);
    processors.set(options.allowHtml, processor);
  }
  return processor;
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
  return String(processorFor(options).processSync(markdown)).trim();
}

const MARKDOWN_SYNTAX = /[\\`*_[\]<>&!~|#:/@]|www\.|^\s*(?:[-+>]|\d+[.)])\s/;

/**
 * One line of inline Markdown (a task title, a summary) → HTML without a wrapping `<p>`.
 * Text with no Markdown syntax at all skips the parser: it only needs escaping.
 */
export function renderInline(markdown: string, options: MarkdownOptions): string {
  const text = (markdown.includes('\n') ? markdown.replace(/\s*\n\s*/g, ' ') : markdown).trim();
  if (!MARKDOWN_SYNTAX.test(text)) return escapeHtml(text);
  const html = renderMarkdown(text, options);
  const paragraph = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return paragraph ? paragraph[1]! : html.replace(/<\/?(?:h[1-6]|ul|ol|li|blockquote|p)>/g, '').trim();
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Plain text of inline Markdown, for `<title>`, feeds' summaries and `title=""` attributes. */
export function inlineToText(markdown: string): string {
  // Without these characters none of the patterns below can match.
  if (!INLINE_MARKUP.test(markdown)) return collapseSpaces(markdown);
  // Each pattern is tried only when its first character is there (most titles hold only code).
  let text = markdown;
  if (text.includes('[')) {
    if (text.includes('!')) text = text.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1');
    text = text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  }
  if (text.includes('`')) text = text.replace(/`([^`]*)`/g, '$1');
  if (text.includes('*') || text.includes('_')) text = text.replace(/(\*\*|__)(.*?)\1/g, '$2').replace(/(\*|_)(.*?)\1/g, '$2');
  if (text.includes('~')) text = text.replace(/~~(.*?)~~/g, '$1');
  return collapseSpaces(text);
}

const INLINE_MARKUP = /[!\[`*_~]/;

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
