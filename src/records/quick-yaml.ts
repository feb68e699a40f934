/**
 * The quick reading of a front matter: js-yaml (gray-matter's parser, several times faster than
 * `yaml`'s parseDocument) with the core schema of `yaml`, so the values are those parseDocument
 * gives, and where each value starts, from js-yaml's parse events. It is for the common case
 * only: a front matter with anything whose place it cannot tell for sure (comments, anchors,
 * tags, tabs) or that js-yaml refuses gives null, and the record is read the located way
 * (located-yaml.ts), which reports every problem. test/records/quick-yaml.test.ts checks
 * that both readings agree.
 */

import jsYaml from 'js-yaml';
import { Document, isScalar } from 'yaml';
import type { ScalarTag } from 'yaml';
import type { Locator, Path, Position } from '../config/fields.js';

/** The tags by which `yaml`'s default (core) schema resolves plain scalars, in the order it tries them. */
export const CORE_TAGS = new Document().schema.tags.filter(
  (tag): tag is ScalarTag => tag.default === true && tag.test !== undefined,
);
const CORE_OPTIONS = new Document().options;

/** How every test of those tags starts (test/records/quick-yaml.test.ts checks it): other plain scalars are strings. */
export const MAY_RESOLVE = /^(?:$|[~NnTtFf0-9+.-])/;

/** Any of the tags' tests, in one. */
const ANY_CORE_TAG = new RegExp(CORE_TAGS.map((tag) => `(?:${tag.test!.source})`).join('|'));

function coreTag(text: string): ScalarTag | undefined {
  return CORE_TAGS.find((tag) => tag.test!.test(text));
}

const CORE_SCALAR = new jsYaml.Type('tag:leverage-record,2026:core-scalar', {
  kind: 'scalar',
  resolve: (text: unknown) => typeof text === 'string' && MAY_RESOLVE.test(text) && ANY_CORE_TAG.test(text),
  construct: (text: string) => {
    const resolved = coreTag(text)!.resolve(text, () => undefined, CORE_OPTIONS);
    return isScalar(resolved) ? resolved.value : resolved;
  },
});

const SCHEMA = new jsYaml.Schema({ include: [jsYaml.FAILSAFE_SCHEMA], implicit: [CORE_SCALAR] });

/** Left to the located reading: a tab, a directive, an explicit key. */
const NOT_QUICK = /\t|^[%?]/m;
/** What an anchor, alias, tag or comment starts with: without any, there is none. */
const NODE_PROPERTY_OR_COMMENT = /[&*!#]/;
/** Where a comment may start. */
const HASH = /(?:^|[ \r\n])#/gm;

/**
 * The nodes js-yaml composed, in the order they opened: where each opened and closed, what
 * it made, and the index after its last descendant (its children are the nodes from the one
 * after it, each followed by its own descendants).
 */
interface Nodes {
  start: number[];
  end: number[];
  result: unknown[];
  next: number[];
}

/**
 * The plain values of a front matter and where they are written; null when the located
 * reading must read it. `firstLineShift`: columns before the text on its first line.
 */
export function quickValues(file: string, text: string, firstLineShift: number): { values: unknown; at: Locator } | null {
  if (NOT_QUICK.test(text)) return null;
  const nodes: Nodes = { start: [], end: [], result: [], next: [] };
  const open: number[] = [];
  let values: unknown;
  try {
    values = jsYaml.load(text, {
      schema: SCHEMA,
      listener(event, state) {
        if (event === 'open') {
          open.push(nodes.start.length);
          nodes.start.push(state.position);
          nodes.end.push(0);
          nodes.result.push(undefined);
          nodes.next.push(0);
        } else {
          const node = open.pop()!;
          nodes.end[node] = state.position;
          nodes.result[node] = state.result;
          nodes.next[node] = nodes.start.length;
        }
      },
    });
  } catch {
    return null;
  }
  if (values === undefined || values === null) return null;
  const at = new NodeLocator(file, text, firstLineShift, nodes, values);
  return at.linesUp(0, values) && at.hasOnlyValues() ? { values, at } : null;
}

class NodeLocator implements Locator {
  private lineStarts: number[] | null = null;

  constructor(
    readonly file: string,
    private readonly text: string,
    private readonly firstLineShift: number,
    private readonly nodes: Nodes,
    private readonly values: unknown,
  ) {}

  /** Whether js-yaml's events line up with the values: each node made its value, a list has a node per item, a map two per pair. */
  linesUp(node: number, value: unknown): boolean {
    if (!Object.is(this.nodes.result[node], value)) return false;
    if (typeof value !== 'object' || value === null) return true;
    const children = this.children(node);
    if (Array.isArray(value)) return children.length === value.length && value.every((item, i) => this.linesUp(children[i]!, item));
    const keys = Object.keys(value);
    return (
      children.length === keys.length * 2 &&
      keys.every((key, i) => String(this.nodes.result[children[2 * i]!]) === key && this.linesUp(children[2 * i + 1]!, (value as Record<string, unknown>)[key]))
    );
  }

  /** False when a node has an anchor, tag or alias, or when the text has a comment: the located reading tells where they are. */
  hasOnlyValues(): boolean {
    if (!NODE_PROPERTY_OR_COMMENT.test(this.text)) return true;
    const { start, end, next } = this.nodes;
    for (let node = 0; node < start.length; node++) {
      const c = this.text[this.startOf(start[node]!)];
      if (c === '&' || c === '*' || c === '!' || c === undefined) return false;
    }
    if (!this.text.includes('#')) return true;
    for (const hash of this.text.matchAll(HASH)) {
      const at = hash.index + hash[0].length - 1;
      let inScalar = false;
      for (let node = 0; node < start.length && !inScalar; node++) {
        inScalar = next[node] === node + 1 && this.startOf(start[node]!) < at && at < end[node]!;
      }
      if (!inScalar) return false;
    }
    return true;
  }

  keyAt(path: Path): Position {
    const found = this.find(path);
    return this.position(found?.key === undefined ? 0 : this.startOf(this.nodes.start[found.key]!));
  }

  valueAt(path: Path): Position {
    const found = this.find(path);
    if (!found) return this.position(0);
    const start = this.startOf(this.nodes.start[found.node]!);
    const empty = start >= this.nodes.end[found.node]! && typeof path.at(-1) === 'string';
    return empty ? this.keyAt(path) : this.position(start);
  }

  shown(path: Path): string {
    const found = this.find(path);
    const text = found ? this.text.slice(this.startOf(this.nodes.start[found.node]!), this.nodes.end[found.node]).trim().replace(/\s+/g, ' ') : '';
    return text.length > 40 ? `${text.slice(0, 39)}…` : text;
  }

  /** None: the quick reading takes no text with a comment (hasOnlyValues). */
  commentAfter(): null {
    return null;
  }

  /** The node of the value at `path`, and of its key. */
  private find(path: Path): { node: number; key?: number } | undefined {
    let found: { node: number; key?: number } = { node: 0 };
    let value = this.values;
    for (const step of path) {
      const children = this.children(found.node);
      if (Array.isArray(value) && typeof step === 'number' && step < value.length) {
        found = { node: children[step]! };
        value = value[step];
      } else if (typeof value === 'object' && value !== null && Object.hasOwn(value, step)) {
        const i = Object.keys(value).indexOf(String(step));
        found = { node: children[2 * i + 1]!, key: children[2 * i]! };
        value = (value as Record<string, unknown>)[step];
      } else {
        return undefined;
      }
    }
    return found;
  }

  private readonly childrenOf = new Map<number, number[]>();

  /** js-yaml composes a list item twice, one node inside the other, both making the same value: the inner one. */
  private unwrapped(node: number): number {
    const { next, result } = this.nodes;
    let at = node;
    while (next[at] !== at + 1 && next[at + 1] === next[at] && Object.is(result[at + 1], result[at])) at++;
    return at;
  }

  private children(node: number): number[] {
    let children = this.childrenOf.get(node);
    if (children) return children;
    children = [];
    for (let child = node + 1; child < this.nodes.next[node]!; child = this.nodes.next[child]!) children.push(this.unwrapped(child));
    this.childrenOf.set(node, children);
    return children;
  }

  /** js-yaml opens a node before the spaces in front of it. */
  private startOf(offset: number): number {
    let at = offset;
    for (let c = this.text.charCodeAt(at); c === 32 || c === 10 || c === 13; c = this.text.charCodeAt(++at));
    return at;
  }

  private position(offset: number): Position {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let at = this.text.indexOf('\n'); at !== -1; at = this.text.indexOf('\n', at + 1)) this.lineStarts.push(at + 1);
    }
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    const column = offset - starts[low]! + 1;
    return { line: low + 1, column: low === 0 ? column + this.firstLineShift : column };
  }
}
