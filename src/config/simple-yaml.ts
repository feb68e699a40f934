/**
 * A fast reader for the small, regular YAML of record front matter.
 *
 * `parseDocument` (the `yaml` package) is the definition of what a text means. This reader
 * only saves time: for the subset below it builds the very nodes `parseDocument` would
 * (`YAMLMap`, `YAMLSeq`, `Pair`, `Scalar`, with the same ranges, scalar types, sources and
 * values, plain scalars resolved by the document's own core-schema tags), and for anything
 * else it returns null so that `parseDocument` reads the text. test/records/fast-yaml.test.ts
 * checks it against `parseDocument` on generated texts and near-misses.
 *
 * The subset:
 * - a first line of spaces (the rest of the `---` line), then `key: value` lines at column 0,
 *   keys made of letters, digits, `_` and `-`; blank lines only at the end;
 * - a value is a scalar on the key's line: plain (one line, no `: `, ` #` or leading
 *   indicator), "double-quoted" (escapes `\` and `\"` only), 'single-quoted', a block
 *   scalar `>`, `>-`, `|` or `|-` whose lines share one indentation, a one-line flow list
 *   `[a, "b", 'c']` of such scalars, or nothing;
 * - a top-level key with nothing after it may own a block list (`- item` lines) of scalars
 *   or of maps whose values are all scalars (the `tasks:` shape);
 * - spaces only (no tabs), LF or CRLF line ends, no comments, no duplicate keys.
 */

import { Document, isScalar, LineCounter, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Range, ScalarTag, Schema } from 'yaml';

export interface SimpleYaml {
  /** What `parseDocument(text).contents` would be. */
  contents: YAMLMap;
  lines: LineCounter;
}

/*
 * Nodes are made from prototypes that carry the node type. The classes' constructors give
 * each node its type with its own `Object.defineProperty`, which cost a tenth of the time
 * of reading a record; `isScalar`, `isMap` and the rest read the type the same way from
 * the prototype (the library marks nodes with `Symbol.for('yaml.node.type')`, a registered
 * symbol, so that nodes are recognised across copies of it).
 */
const NODE_TYPE = Symbol.for('yaml.node.type');
function nodePrototype<T extends object>(prototype: T, type: string, own: PropertyDescriptorMap = {}): T {
  return Object.create(prototype, { [NODE_TYPE]: { value: Symbol.for(type) }, ...own }) as T;
}

/** Thrown when the text leaves the subset; one instance, as it never escapes this module. */
const OUTSIDE_SUBSET = new Error('outside the simple YAML subset');

/**
 * Tabs, control characters, carriage returns but in CRLF or at the very end, BOMs, line and
 * paragraph separators, lone surrogates. (Without the `u` flag: it is several times faster.)
 */
const UNUSUAL_CHARACTER =
  /[^\r\n\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uD800-\uDFFF\uE000-\uFEFE\uFF00-\uFFFD]|\r(?!\n|$)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Printable ASCII and line feeds: no unusual character, seen several times faster. */
const PRINTABLE_ASCII = /^[\n\x20-\x7E]*$/;

export function hasUnusualCharacter(text: string): boolean {
  return !PRINTABLE_ASCII.test(text) && UNUSUAL_CHARACTER.test(text);
}

const KEY = /[A-Za-z_][\w-]*/y;
const MAX_KEY_LENGTH = 100;
/** Nodes are made with the schema and options of a default document, as `parseDocument` makes them. */
const DEFAULT_DOCUMENT = new Document();
const SCHEMA: Schema = DEFAULT_DOCUMENT.schema;
const SCALAR_NODE = nodePrototype(Scalar.prototype, 'yaml.scalar');
const PAIR_NODE = nodePrototype(Pair.prototype, 'yaml.pair');
/** A collection's `schema`, a property that is not enumerable, is on its prototype too. */
const SCHEMA_PROPERTY = { schema: { value: SCHEMA, configurable: true, enumerable: false, writable: true } };
const MAP_NODE = nodePrototype(YAMLMap.prototype, 'yaml.map', SCHEMA_PROPERTY);
const SEQ_NODE = nodePrototype(YAMLSeq.prototype, 'yaml.seq', SCHEMA_PROPERTY);

function newScalar(value: unknown): Scalar {
  const scalar = Object.create(SCALAR_NODE) as Scalar;
  scalar.value = value;
  return scalar;
}

function newPair(key: Scalar, value: Scalar | YAMLSeq): Pair {
  const pair = Object.create(PAIR_NODE) as Pair;
  pair.key = key;
  pair.value = value;
  return pair;
}

function newMap(): YAMLMap {
  const map = Object.create(MAP_NODE) as YAMLMap;
  map.items = [];
  return map;
}

function newSeq(): YAMLSeq {
  const seq = Object.create(SEQ_NODE) as YAMLSeq;
  seq.items = [];
  return seq;
}

/** The core-schema tags that may resolve a plain value (a key may also take `default: 'key'` tags). */
const VALUE_TAGS = resolvingTags(false);
const KEY_TAGS = resolvingTags(true);
/**
 * How every resolving tag's test starts (null, bool, int, float of the core schema): with
 * the end of the text, or one of these characters. Other plain scalars are strings.
 * test/records/fast-yaml.test.ts checks it against the tags of the schema.
 */
export const MAY_RESOLVE = /^(?:$|[~NnTtFf0-9+.-])/;
/** Characters that may not start a plain scalar here (some could, in YAML; they fall back). */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`']);
/** In a flow list, plain items may not hold these at all. */
const FLOW_PLAIN_STOP = new Set([...',[]{}#:\'"']);

/** The tree `parseDocument` would build for `text`, or null when `text` is outside the subset. */
export function readSimpleYaml(text: string): SimpleYaml | null {
  if (hasUnusualCharacter(text)) return null;
  try {
    return new SimpleReader(text).read();
  } catch (cause) {
    if (cause === OUTSIDE_SUBSET) return null;
    throw cause;
  }
}

function outside(): never {
  throw OUTSIDE_SUBSET;
}

class SimpleReader {
  /** Offsets, per line: where it starts, where its content ends (before `\r\n` or `\n`), where the next starts. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly nexts: number[] = [];
  /** Lines from here on are blank. */
  private readonly contentEnd: number;
  private readonly indents: number[] = [];
  private readonly lineCounter = new LineCounter();
  /** The line being read. */
  private line = 1;

  constructor(private readonly text: string) {
    this.splitLines();
    let last = this.starts.length;
    while (last > 1 && this.isBlank(last - 1)) last--;
    this.contentEnd = last;
  }

  read(): SimpleYaml {
    if (!this.isBlank(0) || this.contentEnd === 1 || this.emptyValueBeforeBlankLines()) outside();
    const map = this.readMap(0, false);
    if (this.line !== this.contentEnd) outside();
    return { contents: map, lines: this.lineCounter };
  }

  /** `parseDocument` gives an empty last value followed by blank lines a `spaceBefore` and a shorter document. */
  private emptyValueBeforeBlankLines(): boolean {
    const last = this.contentEnd - 1;
    return this.contentEnd < this.starts.length && this.text.slice(this.starts[last], this.ends[last]).trimEnd().endsWith(':');
  }

  private splitLines(): void {
    const { text } = this;
    let start = 0;
    this.lineCounter.addNewLine(0);
    for (;;) {
      const newline = text.indexOf('\n', start);
      const next = newline === -1 ? text.length : newline + 1;
      // A `\r` ending the text is not a line end: `parseDocument` reads it as content.
      const end = newline === -1 ? text.length : text[newline - 1] === '\r' ? newline - 1 : newline;
      this.starts.push(start);
      this.ends.push(end);
      this.nexts.push(next);
      this.indents.push(this.skipSpaces(start, end) - start);
      if (newline === -1) return;
      this.lineCounter.addNewLine(next);
      start = next;
    }
  }

  private isBlank(line: number): boolean {
    return this.indents[line] === this.ends[line]! - this.starts[line]!;
  }

  /** The indentation of the current line; none past the last content line. Blank lines inside fall back. */
  private currentIndent(): number {
    if (this.line >= this.contentEnd) return -1;
    if (this.isBlank(this.line)) outside();
    return this.indents[this.line]!;
  }

  private isDashAt(line: number, column: number): boolean {
    const at = this.starts[line]! + column;
    return this.text[at] === '-' && (at + 1 === this.ends[line] || this.text[at + 1] === ' ');
  }

  /** A block map whose keys sit at `column`; the first on the current line. */
  private readMap(column: number, nested: boolean): YAMLMap {
    const map = newMap();
    do {
      const pair = this.readPair(this.starts[this.line]! + column, column, nested);
      const key = pair.key as Scalar;
      if (map.items.some((other) => (other.key as Scalar).value === key.value)) outside();
      map.items.push(pair);
    } while (this.currentIndent() === column);
    const first = map.items[0]!.key as Scalar;
    const end = (map.items.at(-1)!.value as Scalar | YAMLSeq).range![2];
    map.range = [first.range![0], end, end];
    return map;
  }

  /** `key: value` starting at `at`; leaves the current line after the value. */
  private readPair(at: number, column: number, nested: boolean): Pair {
    KEY.lastIndex = at;
    if (!KEY.test(this.text)) outside();
    const keyEnd = KEY.lastIndex;
    if (keyEnd - at > MAX_KEY_LENGTH || this.text[keyEnd] !== ':') outside();
    const key = this.scalar(this.text.slice(at, keyEnd), [at, keyEnd, keyEnd], 'PLAIN', true);
    const lineEnd = this.ends[this.line]!;
    let valueAt = keyEnd + 1;
    if (valueAt < lineEnd && this.text[valueAt] !== ' ') outside();
    while (valueAt < lineEnd && this.text[valueAt] === ' ') valueAt++;
    if (valueAt < lineEnd) return newPair(key, this.readInlineValue(valueAt, column));
    this.line++;
    const below = this.currentIndent();
    if (!nested && below >= column && this.isDashAt(this.line, below)) return newPair(key, this.readSeq(below));
    if (below > column) outside();
    return newPair(key, this.scalar('', [lineEnd, lineEnd, lineEnd], 'PLAIN'));
  }

  /** A value written on the current line from `at`; block scalars take the lines below, indented past `column`. */
  private readInlineValue(at: number, column: number): Scalar | YAMLSeq {
    const first = this.text[at];
    if (first === '[') return this.readFlowSeq(at);
    if (first === '>' || first === '|') return this.readBlockScalar(at, column);
    return this.readLineScalar(at);
  }

  /** A plain or quoted scalar that ends its line. */
  private readLineScalar(at: number): Scalar {
    const read = lineScalar(this.text, at, this.ends[this.line]!) ?? outside();
    const scalar = this.scalar(read.value, [at, read.end, this.nexts[this.line]!], read.type);
    this.line++;
    return scalar;
  }

  /** `[a, "b", 'c']` on one line. */
  private readFlowSeq(at: number): YAMLSeq {
    const list = flowList(this.text, at, this.ends[this.line]!) ?? outside();
    const seq = newSeq();
    seq.flow = true;
    seq.items = list.items.map((item) => this.scalar(item.value, [item.at, item.end, item.next], item.type));
    seq.range = [at, list.end, this.nexts[this.line]!];
    this.line++;
    return seq;
  }

  /** `>`, `>-`, `|` or `|-`, then one or more lines of the same indentation, deeper than `column`. */
  private readBlockScalar(at: number, column: number): Scalar {
    const { text } = this;
    const headerEnd = this.ends[this.line]!;
    const folded = text[at] === '>';
    const strip = text[at + 1] === '-';
    if (!this.onlySpaces(at + (strip ? 2 : 1), headerEnd)) outside();
    this.line++;
    const indent = this.currentIndent();
    if (indent <= column) outside();
    const lines: string[] = [];
    while (this.currentIndent() === indent) {
      const end = this.ends[this.line]!;
      if (text[end - 1] === ' ' || text[end - 1] === '\r') outside();
      lines.push(text.slice(this.starts[this.line]! + indent, end));
      this.line++;
    }
    if (this.currentIndent() > column) outside();
    // Blank lines at the end of the text would belong to this scalar.
    if (this.line === this.contentEnd && this.contentEnd < this.starts.length) outside();
    const value = lines.join(folded ? ' ' : '\n') + (strip ? '' : '\n');
    const end = this.nexts[this.line - 1]!;
    return this.scalar(value, [at, end, end], folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL');
  }

  /** `- item` lines at `indent`: each item a scalar, or a map of scalars. */
  private readSeq(indent: number): YAMLSeq {
    const seq = newSeq();
    const start = this.starts[this.line]! + indent;
    while (this.currentIndent() === indent && this.isDashAt(this.line, indent)) {
      const lineEnd = this.ends[this.line]!;
      const itemAt = this.skipSpaces(this.starts[this.line]! + indent + 1, lineEnd);
      if (itemAt === lineEnd) outside();
      const column = itemAt - this.starts[this.line]!;
      seq.items.push(this.startsPair(itemAt) ? this.readMap(column, true) : this.readSeqScalar(itemAt));
    }
    const end = (seq.items.at(-1) as Scalar | YAMLMap).range![2];
    seq.range = [start, end, end];
    return seq;
  }

  private readSeqScalar(at: number): Scalar {
    const first = this.text[at];
    if (first === '[' || first === '>' || first === '|') outside();
    return this.readLineScalar(at);
  }

  /** Whether `key:` then a space or the line's end is written at `at`. */
  private startsPair(at: number): boolean {
    KEY.lastIndex = at;
    if (!KEY.test(this.text)) return false;
    const colon = KEY.lastIndex;
    return this.text[colon] === ':' && (colon + 1 === this.ends[this.line] || this.text[colon + 1] === ' ');
  }

  private skipSpaces(at: number, end: number): number {
    return skipSpaces(this.text, at, end);
  }

  private onlySpaces(from: number, to: number): boolean {
    return skipSpaces(this.text, from, to) === to;
  }

  /** A scalar as `composeScalar` makes it: plain ones resolved by the first core tag whose test matches. */
  private scalar(source: string, range: Range, type: Scalar.Type, atKey = false): Scalar {
    const tag = type === 'PLAIN' ? tagOf(source, atKey) : null;
    let scalar: Scalar;
    if (tag) {
      const resolved = tag.resolve(source, outside, DEFAULT_DOCUMENT.options);
      scalar = isScalar(resolved) ? resolved : newScalar(resolved);
    } else {
      scalar = newScalar(source);
    }
    scalar.range = range;
    scalar.source = source;
    scalar.type = type;
    if (tag?.format) scalar.format = tag.format;
    return scalar;
  }
}

/** A one-line scalar as written: its source (plain) or value (quoted), and where it ends. */
export interface LineScalar {
  type: 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';
  /** The source of a plain scalar (its value is resolved from it), the value of a quoted one. */
  value: string;
  /** After the last character (the closing quote). */
  end: number;
}

/** A plain or quoted scalar from `at` that ends its line (trailing spaces allowed); null outside the subset. */
export function lineScalar(text: string, at: number, lineEnd: number): LineScalar | null {
  const read = isQuote(text[at]) ? readQuoted(text, at, lineEnd) : plainToLineEnd(text, at, lineEnd);
  return read && skipSpaces(text, read.end, lineEnd) === lineEnd ? read : null;
}

function plainToLineEnd(text: string, at: number, lineEnd: number): LineScalar | null {
  let end = lineEnd;
  while (text.charCodeAt(end - 1) === 32) end--;
  const source = text.slice(at, end);
  return isSimplePlain(source) ? { type: 'PLAIN', value: source, end } : null;
}

function isQuote(char: string | undefined): boolean {
  return char === '"' || char === "'";
}

/** A quoted scalar's value and where it ends (after the closing quote), on one line. */
function readQuoted(text: string, at: number, lineEnd: number): LineScalar | null {
  const quote = text[at]!;
  const type = quote === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
  let value = '';
  let from = at + 1;
  for (let i = from; i < lineEnd; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') {
      const escaped = text[i + 1];
      if (escaped !== '\\' && escaped !== '"') return null;
      value += text.slice(from, i) + escaped;
      from = ++i + 1;
    } else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        value += text.slice(from, i + 1);
        from = ++i + 1;
      } else {
        return { type, value: value + text.slice(from, i), end: i + 1 };
      }
    }
  }
  return null;
}

/** One item of a flow list: as a line scalar, plus where it starts and the offset of the `,` or `]` after it. */
export interface FlowItem extends LineScalar {
  at: number;
  next: number;
}

/** `[a, "b", 'c']` from `at`, ending its line (trailing spaces allowed); null outside the subset. `end` is after the `]`. */
export function flowList(text: string, at: number, lineEnd: number): { items: FlowItem[]; end: number } | null {
  const items: FlowItem[] = [];
  let i = skipSpaces(text, at + 1, lineEnd);
  while (text[i] !== ']') {
    const item = flowItem(text, i, lineEnd);
    if (!item) return null;
    items.push(item);
    i = text[item.next] === ']' ? item.next : skipSpaces(text, item.next + 1, lineEnd);
  }
  const end = i + 1;
  return skipSpaces(text, end, lineEnd) === lineEnd ? { items, end } : null;
}

function flowItem(text: string, at: number, lineEnd: number): FlowItem | null {
  const read = isQuote(text[at]) ? readQuoted(text, at, lineEnd) : plainInFlow(text, at, lineEnd);
  if (!read) return null;
  const next = skipSpaces(text, read.end, lineEnd);
  if (text[next] !== ',' && text[next] !== ']') return null;
  if (text[next] === ',' && text[skipSpaces(text, next + 1, lineEnd)] === ']') return null;
  return { ...read, at, next };
}

/** A plain item of a flow list: up to a `,`, `]` or other character it may not hold. */
function plainInFlow(text: string, at: number, lineEnd: number): LineScalar | null {
  let end = at;
  while (end < lineEnd && !FLOW_PLAIN_STOP.has(text[end]!)) end++;
  while (end > at && text.charCodeAt(end - 1) === 32) end--;
  const source = text.slice(at, end);
  return source === '' || INDICATORS.has(source[0]!) ? null : { type: 'PLAIN', value: source, end };
}

function skipSpaces(text: string, at: number, end: number): number {
  while (at < end && text.charCodeAt(at) === 32) at++;
  return at;
}

/**
 * What a plain scalar in value position means under the core schema (a string, number,
 * boolean or null), as `parseDocument` resolves it; undefined when resolving reports a problem.
 */
export function plainValue(source: string): unknown {
  const tag = tagOf(source, false);
  if (!tag) return source;
  let failed = false;
  const resolved = tag.resolve(source, () => (failed = true), DEFAULT_DOCUMENT.options);
  if (failed) return undefined;
  return isScalar(resolved) ? resolved.value : resolved;
}

/** The tag that resolves a plain scalar, as `findScalarTagByTest` finds it; null for a string. */
function tagOf(source: string, atKey: boolean): ScalarTag | null {
  if (!MAY_RESOLVE.test(source)) return null;
  return (atKey ? KEY_TAGS : VALUE_TAGS).find((tag) => tag.test!.test(source)) ?? null;
}

export function resolvingTags(atKey: boolean): ScalarTag[] {
  return SCHEMA.tags.filter(
    (tag): tag is ScalarTag => (tag.default === true || (atKey && tag.default === 'key')) && tag.test !== undefined,
  );
}

/** A one-line plain scalar in block context that reads the same in YAML as it looks. */
function isSimplePlain(source: string): boolean {
  if (source === '') return false;
  const first = source[0]!;
  if (INDICATORS.has(first) && !(first === '-' && /^-[\d.]/.test(source))) return false;
  return !source.includes(': ') && !source.includes(' #') && !source.endsWith(':');
}
