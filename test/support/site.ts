/** Helpers for whole-site tests: a root from an inline multi-file string, a build, reading outputs. */
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll, select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Root, Element } from 'hast';

/**
 * Makes a root folder from `-- path --` sections:
 *
 *   -- records/2026-03-02.md --
 *   ---
 *   date: 2026-03-02
 *   …
 */
export async function makeRoot(files: string | Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'leverage-test-'));
  await writeFiles(root, files);
  return root;
}

/** Writes files (inline multi-file string or path → content) into a root, making folders. */
export async function writeFiles(root: string, files: string | Record<string, string>): Promise<void> {
  const entries = typeof files === 'string' ? parseFileSections(files) : Object.entries(files);
  for (const [path, content] of entries) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

export function parseFileSections(text: string): [string, string][] {
  const parts = text.split(/^-- (.+?) --$/m);
  const files: [string, string][] = [];
  for (let i = 1; i < parts.length; i += 2) {
    files.push([parts[i]!.trim(), parts[i + 1]!.replace(/^\n/, '')]);
  }
  return files;
}

export async function removeRoot(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true });
}

/** Every file under a folder: relative path → bytes. */
export async function readTree(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  async function walk(dir: string) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.set(relative(folder, path).split('\\').join('/'), await readFile(path));
    }
  }
  await walk(folder);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

export async function readHtml(path: string): Promise<Root> {
  return fromHtml(await readFile(path, 'utf8'));
}

export function texts(tree: Root | Element, selector: string): string[] {
  return selectAll(selector, tree).map((node) => toText(node).trim().replace(/\s+/g, ' '));
}

export function text(tree: Root | Element, selector: string): string {
  const node = select(selector, tree);
  return node ? toText(node).trim().replace(/\s+/g, ' ') : '';
}

/** The table that directly follows the `<h2>` with this text (the h2 and table may be wrapped). */
export function tableAfterHeading(tree: Root, heading: string): Element {
  const headings = selectAll('h2', tree).filter((h) => toText(h).trim() === heading);
  if (headings.length !== 1) throw new Error(`expected one <h2>${heading}</h2>, found ${headings.length}`);
  const all = selectAll('h2, table', tree);
  const index = all.indexOf(headings[0]!);
  const next = all[index + 1];
  if (!next || next.tagName !== 'table') throw new Error(`no <table> follows <h2>${heading}</h2>`);
  return next;
}

/** A table's body rows as arrays of cell texts (th and td). */
export function tableRows(table: Element): string[][] {
  return selectAll('tbody tr', table).map((tr) => selectAll('th, td', tr).map((c) => toText(c).trim().replace(/\s+/g, ' ')));
}

export function tableHeaders(table: Element): string[] {
  return selectAll('thead th', table).map((c) => toText(c).trim());
}
