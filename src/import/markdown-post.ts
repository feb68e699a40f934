/**
 * Reads a hand-written post in Markdown (GitHub-flavoured, tables included) into the shared
 * PostSource model. Parsing is done by unified + remark-parse + remark-gfm; every Markdown
 * fragment kept (task titles, summary, body blocks) is the author's own source text, sliced
 * by the node positions, so nothing is re-serialised.
 */
import type { Nodes, Root, RootContent, Table, TableRow } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { splitFrontMatter } from './front-matter.js';
import type { ReadResult, SourceBlock, SourceCell, SourceRow, SourceTable } from './model.js';

export function readMarkdownPost(text: string, file: string): ReadResult {
  const front = splitFrontMatter(text, file);
  if (!front.ok) return front;
  const content = front.content;
  const tree: Root = unified().use(remarkParse).use(remarkGfm).parse(content);

  const blocks = tree.children.map((node) => toBlock(node, content)).filter(isBlock);
  const titles: string[] = [];
  const fmTitle = front.data['title'];
  if (typeof fmTitle === 'string' && fmTitle.trim()) titles.push(fmTitle.trim());
  const h1 = blocks.find((b) => b.kind === 'heading' && b.depth === 1);
  if (h1 && h1.kind === 'heading') titles.push(h1.text);

  return {
    ok: true,
    source: { file, format: 'markdown', frontMatter: front.data, titles, description: null, markupDate: null, markupTags: [], blocks },
  };
}

function isBlock(block: SourceBlock | null): block is SourceBlock {
  return block !== null;
}

function toBlock(node: RootContent, source: string): SourceBlock | null {
  const line = node.position?.start.line ?? 0;
  switch (node.type) {
    case 'heading':
      return { kind: 'heading', depth: node.depth, text: plainText(node).trim(), markdown: childrenSource(node.children, source), line };
    case 'paragraph':
      return { kind: 'paragraph', text: plainText(node).trim(), markdown: childrenSource(node.children, source), line };
    case 'table':
      return { kind: 'table', table: toTable(node, source), markdown: nodeSource(node, source), line };
    case 'definition':
    case 'footnoteDefinition':
    case 'html':
    case 'code':
    case 'list':
    case 'blockquote':
    case 'thematicBreak':
      return { kind: 'other', markdown: nodeSource(node, source), line };
    default:
      return null;
  }
}

function toTable(node: Table, source: string): SourceTable {
  const [header, ...rows] = node.children.map((row) => toRow(row, source));
  return { header: header ?? { cells: [], line: 0 }, rows, line: node.position?.start.line ?? 0 };
}

function toRow(row: TableRow, source: string): SourceRow {
  const cells: SourceCell[] = row.children.map((cell) => ({
    text: plainText(cell).trim(),
    // `\|` is only needed inside a table row; the task text stands alone in the record.
    markdown: childrenSource(cell.children, source).replace(/\\\|/g, '|').trim(),
  }));
  return { cells, line: row.position?.start.line ?? 0 };
}

/** Text content of a node (what a reader sees, without markup). */
export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  if (node.type === 'break') return ' ';
  if ('children' in node) return node.children.map((child) => plainText(child)).join('');
  return '';
}

function nodeSource(node: Nodes, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

function childrenSource(children: readonly Nodes[], source: string): string {
  const first = children[0]?.position?.start.offset;
  const last = children[children.length - 1]?.position?.end.offset;
  return first === undefined || last === undefined ? '' : source.slice(first, last);
}
