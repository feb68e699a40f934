/**
 * Simple prose HTML to Markdown: paragraphs, headings, lists, code, block quotes, links,
 * emphasis, images, and plain tables. Anything else keeps its text. Not a general converter:
 * enough for the analysis of a hand-written post.
 */
import type { Element, ElementContent, Nodes, Text } from 'hast';
import { toText } from 'hast-util-to-text';

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'button', 'form', 'nav']);
const BLOCKS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'pre', 'blockquote', 'hr', 'table',
  'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'figure', 'figcaption',
  'dl', 'dt', 'dd', 'details', 'summary', 'li', 'address',
]);

export function isElement(node: Nodes | undefined, ...names: string[]): node is Element {
  return node?.type === 'element' && (names.length === 0 || names.includes(node.tagName));
}

export function isBlockElement(node: Nodes): boolean {
  return node.type === 'element' && (BLOCKS.has(node.tagName) || SKIPPED.has(node.tagName));
}

/** Inline Markdown of phrasing content, whitespace collapsed and trimmed. */
export function inlineMarkdown(nodes: readonly ElementContent[]): string {
  return nodes.map(inline).join('').replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
}

/** Markdown of one block element (`p`, `h2`, `ul`, `pre`, …); '' for nothing to say. */
export function blockMarkdown(node: Element): string {
  const name = node.tagName;
  if (SKIPPED.has(name)) return '';
  const heading = /^h([1-6])$/.exec(name);
  if (heading) return `${'#'.repeat(Number(heading[1]))} ${inlineMarkdown(node.children)}`;
  switch (name) {
    case 'p':
    case 'dt':
    case 'figcaption':
    case 'summary':
      return inlineMarkdown(node.children);
    case 'ul':
    case 'ol':
      return listMarkdown(node);
    case 'pre':
      return codeBlock(node);
    case 'blockquote':
      return blocksMarkdown(node.children)
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
    case 'hr':
      return '---';
    case 'table':
      return tableMarkdown(node);
    default:
      return blocksMarkdown(node.children);
  }
}

/** Markdown of mixed content: block elements separated by blank lines, inline runs as paragraphs. */
export function blocksMarkdown(nodes: readonly ElementContent[]): string {
  return blockParts(nodes)
    .map((part) => part.text)
    .join('\n\n');
}

/** The blocks of mixed content, each with whether it is a list. */
function blockParts(nodes: readonly ElementContent[]): Array<{ text: string; list: boolean }> {
  const parts: Array<{ text: string; list: boolean }> = [];
  let run: ElementContent[] = [];
  const flush = (): void => {
    const text = inlineMarkdown(run);
    if (text) parts.push({ text, list: false });
    run = [];
  };
  for (const node of nodes) {
    if (node.type === 'element' && isBlockElement(node)) {
      flush();
      const text = blockMarkdown(node);
      if (text) parts.push({ text, list: isElement(node, 'ul', 'ol') });
    } else {
      run.push(node);
    }
  }
  flush();
  return parts;
}

function inline(node: ElementContent): string {
  if (node.type === 'text') return escapeText(node.value.replace(/\s+/g, ' '));
  if (node.type !== 'element') return '';
  const name = node.tagName;
  if (SKIPPED.has(name)) return '';
  switch (name) {
    case 'strong':
    case 'b':
      return wrap(node, '**');
    case 'em':
    case 'i':
    case 'cite':
      return wrap(node, '*');
    case 'del':
    case 's':
    case 'strike':
      return wrap(node, '~~');
    case 'code':
    case 'kbd':
    case 'samp':
    case 'tt':
      return inlineCode(toText(node, { whitespace: 'pre' }));
    case 'a': {
      const text = inlineMarkdown(node.children);
      const href = typeof node.properties['href'] === 'string' ? node.properties['href'] : '';
      if (!href) return text;
      if (text === href || text === escapeText(href)) return `<${href}>`;
      return `[${text}](${destination(href)})`;
    }
    case 'img': {
      const src = typeof node.properties['src'] === 'string' ? node.properties['src'] : '';
      const alt = typeof node.properties['alt'] === 'string' ? node.properties['alt'] : '';
      return src ? `![${escapeText(alt)}](${destination(src)})` : escapeText(alt);
    }
    case 'br':
      return '\\\n';
    default:
      return node.children.map(inline).join('');
  }
}

/** `**x**` around the content, with outer whitespace kept outside the markers. */
function wrap(node: Element, marker: string): string {
  const content = node.children.map(inline).join('').replace(/\s+/g, ' ');
  const inner = content.trim();
  if (!inner) return content;
  const lead = content.startsWith(' ') ? ' ' : '';
  const trail = content.endsWith(' ') ? ' ' : '';
  return `${lead}${marker}${inner}${marker}${trail}`;
}

function inlineCode(text: string): string {
  const value = text.replace(/\n/g, ' ');
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

function destination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

/** Escapes the characters that would otherwise start Markdown syntax. */
function escapeText(text: string): string {
  return text.replace(/[\\`*[\]<]/g, '\\$&').replace(/(^|\W)_|_(?=\W|$)/g, (m) => m.replace('_', '\\_'));
}

function codeBlock(node: Element): string {
  const code = node.children.find((child): child is Element => isElement(child, 'code'));
  const text = toText(code ?? node, { whitespace: 'pre' }).replace(/\n$/, '');
  const classes = code?.properties['className'];
  const language = Array.isArray(classes)
    ? (classes.map(String).find((c) => c.startsWith('language-'))?.slice('language-'.length) ?? '')
    : '';
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

function listMarkdown(list: Element): string {
  const ordered = list.tagName === 'ol';
  const startProperty = list.properties['start'];
  let number = typeof startProperty === 'number' ? startProperty : 1;
  const items: string[] = [];
  for (const item of list.children) {
    if (!isElement(item, 'li')) continue;
    const marker = ordered ? `${number++}. ` : '- ';
    // A nested list follows its item's text directly; other blocks are separated by a blank line.
    const content = blockParts(item.children)
      .map((part, i) => (i === 0 ? '' : part.list ? '\n' : '\n\n') + part.text)
      .join('');
    const indent = ' '.repeat(marker.length);
    const lines = content.split('\n').map((line, i) => (i === 0 ? marker + line : line ? indent + line : ''));
    items.push(lines.join('\n'));
  }
  const loose = list.children.some((item) => isElement(item, 'li') && item.children.some((c) => isElement(c, 'p')));
  return items.join(loose ? '\n\n' : '\n');
}

function tableMarkdown(table: Element): string {
  const rows = tableRows(table).map((row) =>
    row.children
      .filter((cell): cell is Element => isElement(cell, 'td', 'th'))
      .map((cell) => inlineMarkdown(cell.children).replace(/\|/g, '\\|').replace(/\\\n/g, ' ')),
  );
  const [header, ...body] = rows;
  if (!header) return '';
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n');
}

/** The rows of a table (through thead/tbody/tfoot), not those of nested tables. */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'tr') rows.push(child);
    else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) {
      rows.push(...child.children.filter((row): row is Element => isElement(row, 'tr')));
    }
  }
  return rows;
}

export function textOf(node: Element | Text): string {
  return toText(node).replace(/\s+/g, ' ').trim();
}
