/**
 * The unified pipeline (remark-parse, remark-gfm, remark-rehype, rehype-sanitize,
 * rehype-stringify): the definition of what Markdown becomes. Author text is untrusted unless
 * the site allows raw HTML: raw HTML is then shown as text, and sanitising drops `javascript:`
 * links and event handlers that Markdown itself could produce.
 *
 * Loaded only when some text needs it (render.ts): most records are written in the plain
 * Markdown the fast path renders, and this pipeline is most of the generator's code to load.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { toString } from 'mdast-util-to-string';
import type { Root as MdastRoot, Nodes as MdastNodes } from 'mdast';
import type { Element as HastElement, Root as HastRoot } from 'hast';
import type { MarkdownOptions } from './render.js';
import type { Phrasing } from './fast-inline.js';

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

/** A block of Markdown → HTML, through the pipeline. */
export function renderWithPipeline(markdown: string, options: MarkdownOptions): string {
  return String(processorFor(options).processSync(markdown)).trim();
}

/**
 * What inline Markdown is put after, so that it is read as the content of a paragraph: no
 * block syntax can start the line (`10. Fix the cache` is text, not a list, `# 1` not a
 * heading, `[a]: b` not a definition), while every inline construct reads as at a line's start
 * (a space before a delimiter or a `www.` counts as the start of a line does).
 */
const PHRASING_LEAD = 'x ';

const textParser = unified().use(remarkParse).use(remarkGfm);

/**
 * One line of inline Markdown → its HTML without a wrapping `<p>`, and the text of its parsed
 * tree (mdast-util-to-string). Raw HTML is text where the site shows it as text, and left out
 * of the text where it is markup.
 */
export function readInlineWithPipeline(line: string, options: MarkdownOptions): Phrasing {
  const markdown = PHRASING_LEAD + line;
  const html = renderWithPipeline(markdown, options);
  const open = `<p>${PHRASING_LEAD}`;
  if (!html.startsWith(open) || !html.endsWith('</p>')) {
    throw new Error(`inline Markdown did not render as one paragraph: ${JSON.stringify(line)}`);
  }
  const text = toString(textParser.parse(markdown), { includeHtml: !options.allowHtml });
  return { html: html.slice(open.length, -'</p>'.length), text: text.slice(PHRASING_LEAD.length) };
}

/**
 * The text of the first paragraph of a block of Markdown (headings, lists, code and tables
 * before it skipped), through its parsed tree as readInlineWithPipeline's text is; '' when it
 * has none. Raw HTML is text where the site shows it as text, and left out where it is markup.
 */
export function firstParagraphTextWithPipeline(markdown: string, options: MarkdownOptions): string {
  const paragraph = textParser.parse(markdown).children.find((node) => node.type === 'paragraph');
  return paragraph ? toString(paragraph, { includeHtml: !options.allowHtml }) : '';
}

/** Where a link, an image or a link definition points, and where it starts in the Markdown (1-based). */
export interface LinkTarget {
  url: string;
  line: number;
  column: number;
}

/** Every link, image and definition of a block of Markdown, in document order, through its parsed tree. */
export function linkTargetsWithPipeline(markdown: string): LinkTarget[] {
  const targets: LinkTarget[] = [];
  const visit = (node: MdastNodes) => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.position) {
      targets.push({ url: node.url, line: node.position.start.line, column: node.position.start.column });
    }
    if ('children' in node) for (const child of node.children) visit(child as MdastNodes);
  };
  visit(textParser.parse(markdown));
  return targets;
}
