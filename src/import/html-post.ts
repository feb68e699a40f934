/**
 * Reads a post in HTML (a hand-written page, or one a blog engine generated) into the shared
 * PostSource model. Parsing is done by rehype-parse; the content is taken from the first
 * `<article>`, else `<main>`, else `<body>`, flattened into blocks; navigation, asides,
 * footers and scripts are left out.
 */
import type { Element, ElementContent, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { splitFrontMatter } from './front-matter.js';
import {
  blockMarkdown,
  inlineMarkdown,
  isBlockElement,
  isElement,
  tableRows,
  textOf,
} from './html-to-markdown.js';
import type { ReadResult, SourceBlock, SourceRow, SourceTable } from './model.js';

const LEFT_OUT = new Set([
  'nav', 'footer', 'aside', 'script', 'style', 'noscript', 'template', 'form', 'svg', 'button', 'dialog', 'head',
]);
const CONTAINERS = new Set([
  'div', 'section', 'article', 'main', 'header', 'figure', 'figcaption', 'details', 'body', 'html', 'center',
]);

export function readHtmlPost(text: string, file: string): ReadResult {
  const front = splitFrontMatter(text, file);
  if (!front.ok) return front;
  const tree: Root = unified().use(rehypeParse).parse(front.content);
  const content = select('article', tree) ?? select('main', tree) ?? select('body', tree);
  const blocks = content ? collectBlocks(content.children) : [];

  const titles: string[] = [];
  const fmTitle = front.data['title'];
  if (typeof fmTitle === 'string' && fmTitle.trim()) titles.push(fmTitle.trim());
  const h1 = select('h1', tree);
  if (h1 && textOf(h1)) titles.push(textOf(h1));
  const title = select('head > title', tree) ?? select('title', tree);
  if (title && textOf(title)) titles.push(textOf(title));

  const meta = select('meta[name="description"]', tree) ?? select('meta[property="og:description"]', tree);
  const description = meta && typeof meta.properties['content'] === 'string' ? meta.properties['content'].trim() : '';

  return {
    ok: true,
    source: {
      file,
      format: 'html',
      frontMatter: front.data,
      titles,
      description: description || null,
      markupDate: markupDate(tree, content),
      markupTags: markupTags(tree),
      blocks,
    },
  };
}

function collectBlocks(nodes: readonly ElementContent[]): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let run: ElementContent[] = [];
  const flush = (): void => {
    const markdown = inlineMarkdown(run);
    const first = run.find((node) => node.position);
    if (markdown) {
      blocks.push({ kind: 'paragraph', text: run.map(plain).join('').replace(/\s+/g, ' ').trim(), markdown, line: first?.position?.start.line ?? 0 });
    }
    run = [];
  };
  for (const node of nodes) {
    if (node.type === 'element' && (isBlockElement(node) || LEFT_OUT.has(node.tagName) || CONTAINERS.has(node.tagName))) {
      flush();
      blocks.push(...elementBlocks(node));
    } else if (node.type === 'text' || node.type === 'element') {
      run.push(node);
    }
  }
  flush();
  return blocks;
}

function elementBlocks(node: Element): SourceBlock[] {
  const name = node.tagName;
  const line = node.position?.start.line ?? 0;
  if (LEFT_OUT.has(name)) return [];
  if (CONTAINERS.has(name)) return collectBlocks(node.children);
  if (isTagList(node)) return [];
  const heading = /^h([1-6])$/.exec(name);
  if (heading) {
    return [{ kind: 'heading', depth: Number(heading[1]), text: textOf(node), markdown: inlineMarkdown(node.children), line }];
  }
  if (name === 'p') {
    const markdown = inlineMarkdown(node.children);
    return markdown ? [{ kind: 'paragraph', text: textOf(node), markdown, line }] : [];
  }
  if (name === 'table') return [{ kind: 'table', table: toTable(node), markdown: blockMarkdown(node), line }];
  const markdown = blockMarkdown(node);
  return markdown ? [{ kind: 'other', markdown, line }] : [];
}

function toTable(table: Element): SourceTable {
  const rows: SourceRow[] = tableRows(table).map((row) => ({
    cells: row.children
      .filter((cell): cell is Element => isElement(cell, 'td', 'th'))
      .map((cell) => ({ text: textOf(cell), markdown: inlineMarkdown(cell.children).replace(/\\\n/g, ' ') })),
    line: row.position?.start.line ?? 0,
  }));
  const [header, ...body] = rows;
  return { header: header ?? { cells: [], line: 0 }, rows: body, line: table.position?.start.line ?? 0 };
}

function plain(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(plain).join('');
  return '';
}

/** `<meta property="article:published_time">`, `<meta name="date">`, or the first `<time datetime>` of the content. */
function markupDate(tree: Root, content: Element | undefined): string | null {
  const meta = select('meta[property="article:published_time"], meta[name="date"]', tree);
  const time = select('time[datetime]', content ?? tree);
  for (const value of [meta?.properties['content'], time?.properties['dateTime']]) {
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return null;
}

/** `<meta property="article:tag">` values, else the texts of `<a rel="tag">` links. */
function markupTags(tree: Root): string[] {
  const meta = selectAll('meta[property="article:tag"]', tree)
    .map((m) => m.properties['content'])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  const tags = meta.length > 0 ? meta : selectAll('a[rel~="tag"]', tree).map((a) => textOf(a));
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}

/** A list or line of nothing but tag links (the page's tags, imported as `tags`). */
function isTagList(node: Element): boolean {
  const links = selectAll('a[rel~="tag"]', node);
  return links.length > 0 && links.map((a) => textOf(a)).join('').replace(/\s+/g, '') === textOf(node).replace(/[\s,·|]+/g, '');
}
