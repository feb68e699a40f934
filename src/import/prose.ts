/**
 * The prose of a post: title, summary and body. The summary is the front matter
 * `summary`/`description` (or the HTML meta description), else the first paragraph before
 * the tables; the body is the rest of the prose as Markdown, without the title, the tables
 * the record now computes, their headings, and the site's own boilerplate sections.
 */
import { formatLongDate } from '../leverage/dates.js';
import { normalizeLabel } from './columns.js';
import { dateInText } from './post-date.js';
import type { PostSource, SourceBlock } from './model.js';

/** Headings of the tables the generator writes itself. */
const TABLE_HEADINGS = new Set([
  'the numbers', 'numbers', 'task log', 'tasks', 'aggregate', 'aggregates', 'aggregate statistics', 'totals',
]);
/** Sections that belong to the site, not to the day (repeated on every page). */
const SITE_SECTIONS = new Set(['about these records', 'about the author', 'highlights']);
/** Lines this generator adds to every record page. */
const SITE_LINES = [/^See all records under the .+ tag\.?$/i, /^See every record of [A-Z][a-z]+ \d{4}\.?$/];

export interface Prose {
  title: string | null;
  summary: string | null;
  body: string;
}

export function defaultTitle(date: string): string {
  return `Leverage Record: ${formatLongDate(date)}`;
}

function oneLine(markdown: string): string {
  return markdown.replace(/\\\n/g, ' ').replace(/\s*\n\s*/g, ' ').trim();
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.replace(/[\s*_`]+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

function blockMarkdown(block: SourceBlock): string {
  return block.kind === 'heading' ? `${'#'.repeat(block.depth)} ${block.markdown}` : block.markdown;
}

/** `usedTables`: the blocks of the task and aggregate tables. */
export function readProse(source: PostSource, date: string, usedTables: ReadonlySet<SourceBlock>): Prose {
  const title = source.titles[0] ?? null;
  const blocks = source.blocks;
  const firstTable = blocks.findIndex((b) => usedTables.has(b));
  const kept: SourceBlock[] = [];
  let skipDepth: number | null = null;
  let titleDropped = false;

  blocks.forEach((block, index) => {
    if (block.kind === 'heading') {
      if (skipDepth !== null && block.depth <= skipDepth) skipDepth = null;
      const name = normalizeLabel(block.text);
      if (SITE_SECTIONS.has(name)) {
        skipDepth = block.depth;
        return;
      }
      if (!titleDropped && block.depth === 1 && source.titles.includes(block.text)) {
        titleDropped = true;
        return;
      }
      const next = blocks[index + 1];
      if (TABLE_HEADINGS.has(name) || (next !== undefined && usedTables.has(next))) return;
    }
    if (skipDepth !== null || usedTables.has(block)) return;
    if (block.kind === 'paragraph' && (firstTable < 0 || index < firstTable) && isByline(block.text, date)) return;
    if (block.kind === 'paragraph' && SITE_LINES.some((line) => line.test(block.text))) return;
    kept.push(block);
  });

  let summary = firstString(source.frontMatter['summary'], source.frontMatter['description'], source.description);
  if (summary === null) {
    const limit = firstTable < 0 ? blocks.length : firstTable;
    const first = kept.find((b) => b.kind === 'paragraph' && blocks.indexOf(b) < limit);
    if (first) summary = oneLine(first.markdown);
  }
  const body = kept.filter((b) => !(b.kind === 'paragraph' && summary !== null && sameText(oneLine(b.markdown), summary)));
  const lead = body[0];
  if (lead?.kind === 'heading' && normalizeLabel(lead.text) === 'analysis') body.shift();

  return {
    title: title !== null && title !== defaultTitle(date) ? title : null,
    summary,
    body: body.map(blockMarkdown).join('\n\n'),
  };
}

/** A short line that states the post's date (`AI · May 21, 2026`, `Posted on March 3, 2026`). */
function isByline(text: string, date: string): boolean {
  return dateInText(text) === date && text.split(/\s+/).length <= 12;
}

function firstString(...values: unknown[]): string | null {
  for (const value of values) {
    if (typeof value === 'string' && value.trim()) return oneLine(value);
  }
  return null;
}
