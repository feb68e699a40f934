/**
 * YAML parsed with source positions, so that every problem can be reported at the
 * `line:column` the author sees in the file. Used for `site.yaml` and for record front matter.
 */

import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import { error, warning } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';
import { isPlainMap } from './fields.js';
import type { Locator, Path, PlainMap, Position } from './fields.js';

export type { Position } from './fields.js';

/** Aliases may not expand to more than this many nodes (a "billion laughs" guard). */
const MAX_ALIAS_COUNT = 100;

export class LocatedYaml {
  constructor(
    readonly file: string,
    /** The document's root node; null when the document is empty. */
    readonly contents: unknown,
    readonly text: string,
    private readonly lines: LineCounter,
    /** Columns to add on the text's first line (front matter starts after `---`). */
    readonly firstLineShift: number,
    /** The document `parseDocument` made, to resolve aliases. */
    readonly doc: Document.Parsed,
  ) {}

  at(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: line === 1 ? col + this.firstLineShift : col };
  }

  /** Where a node starts. */
  of(node: Node): Position {
    return this.at(node.range?.[0] ?? 0);
  }

  /** The node's text as written, shortened for messages. */
  sourceOf(node: Node): string {
    const [start, end] = node.range ?? [0, 0];
    const text = this.text.slice(start, end).trim().replace(/\s+/g, ' ');
    return text.length > 40 ? `${text.slice(0, 39)}…` : text;
  }

  /** The node an alias stands for; other nodes as they are. */
  resolve(node: unknown): Node | undefined {
    if (isAlias(node)) return node.resolve(this.doc);
    return node as Node | undefined;
  }

  error(node: Node | Position, message: string, hint?: string): Diagnostic {
    const { line, column } = 'line' in node ? node : this.of(node);
    return error(this.file, line, column, message, hint);
  }

  warning(node: Node | Position, message: string, hint?: string): Diagnostic {
    const { line, column } = 'line' in node ? node : this.of(node);
    return warning(this.file, line, column, message, hint);
  }
}

/**
 * Parses `text` (without BOM) as YAML. Returns null with located errors when it does not
 * parse or when its aliases are unresolved or expand too much.
 */
export function parseLocatedYaml(
  file: string,
  text: string,
  firstLineShift = 0,
): { yaml: LocatedYaml | null; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  } catch (cause) {
    // The parser recurses once per level of nesting: thousands of levels overflow the stack.
    if (!isStackOverflow(cause)) throw cause;
    return { yaml: null, diagnostics: [nestingError(file, text, firstLineShift)] };
  }
  const yaml = new LocatedYaml(file, doc.contents, text, lines, firstLineShift, doc);
  const diagnostics = doc.warnings.map((w) =>
    yaml.warning(yaml.at(w.pos[0]), `YAML: ${w.message}`),
  );
  // An error found at the end of the text (a quote never closed) is shown after its last character.
  const end = text.trimEnd().length;
  for (const e of doc.errors) {
    const at = yaml.at(Math.min(e.pos[0], end));
    diagnostics.push(
      e.code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(e.message)
        ? yaml.error(at, NESTING.message, NESTING.hint)
        : e.code === 'MULTIPLE_DOCS'
          ? yaml.error(at, 'YAML does not parse: a second document starts here', 'the file holds one set of `key: value` lines: remove the --- or ... line')
          : yaml.error(at, `YAML does not parse: ${e.message}`, yamlHint(e.code)),
    );
  }
  if (doc.errors.length === 0) {
    const aliasProblem = checkAliases(yaml, doc);
    if (aliasProblem) diagnostics.push(aliasProblem);
  }
  const ok = !diagnostics.some((d) => d.severity === 'error');
  return { yaml: ok ? yaml : null, diagnostics };
}

const NESTING = {
  message: 'YAML is nested too deeply to be read',
  hint: 'nest lists and maps only a few levels deep: a record needs tasks: with one level of fields',
};

function isStackOverflow(cause: unknown): boolean {
  return cause instanceof RangeError && /call stack/i.test(cause.message);
}

/** Deep nesting that overflowed the stack, reported at its most indented line. */
function nestingError(file: string, text: string, firstLineShift: number): Diagnostic {
  const at = deepestLine(text);
  return error(file, at.line, at.line === 1 ? at.column + firstLineShift : at.column, NESTING.message, NESTING.hint);
}

/** Where a block of nested YAML goes deepest: the first of its most indented lines. */
function deepestLine(text: string): Position {
  let best: Position = { line: 1, column: 1 };
  let deepest = -1;
  text.split(/\r?\n/).forEach((line, i) => {
    const indent = line.length - line.trimStart().length;
    if (line.trim() !== '' && indent > deepest) {
      deepest = indent;
      best = { line: i + 1, column: indent + 1 };
    }
  });
  return best;
}

function yamlHint(code: string): string {
  if (code === 'DUPLICATE_KEY') return 'give each key once';
  if (code === 'TAB_AS_INDENT') return 'indent with spaces, not tabs';
  return 'check indentation, and quote values that contain ": " or start with a special character';
}

/** Located error for an alias that has no anchor or that expands too much, else null. */
function checkAliases(yaml: LocatedYaml, doc: Document.Parsed): Diagnostic | null {
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return null;
  } catch (cause) {
    if (isStackOverflow(cause)) return nestingError(yaml.file, yaml.text, yaml.firstLineShift);
    let culprit: Node | undefined;
    visit(doc, {
      Alias(_key, alias) {
        if (!alias.resolve(doc)) {
          culprit = alias;
          return visit.BREAK;
        }
        culprit ??= alias;
        return undefined;
      },
    });
    if (culprit && isAlias(culprit) && !culprit.resolve(doc)) {
      return yaml.error(
        culprit,
        `alias *${culprit.source} has no anchor &${culprit.source} before it`,
        `define &${culprit.source} before using it, or write the value out`,
      );
    }
    return yaml.error(
      culprit ?? yaml.at(0),
      'YAML aliases expand to too much data',
      'write the values out instead of nesting *aliases',
    );
  }
}

/** One value of the document: the node where it is written (an alias, maybe), the node it stands for, its key. */
interface Written {
  key: Node | null;
  written: Node | null;
  node: Node | null;
}

/**
 * The document as plain values (aliases expanded: parseLocatedYaml has bounded them), and
 * where each is written.
 */
export function plainValues(yaml: LocatedYaml): { values: unknown; at: Locator } {
  const index = new Map<string, Written>();
  const walk = (written: unknown, path: Path, key: Node | null): unknown => {
    const node = (yaml.resolve(written) ?? null) as Node | null;
    index.set(pathKey(path), { key, written: (written ?? null) as Node | null, node });
    if (isMap(node)) {
      const map: PlainMap = Object.create(null);
      for (const pair of node.items as Pair[]) {
        const name = keyName(yaml, pair.key as Node | null);
        map[name] = walk(pair.value, [...path, name], pair.key as Node | null);
      }
      return map;
    }
    // A list item is located where the value it stands for is written.
    if (isSeq(node)) return node.items.map((item, i) => walk(yaml.resolve(item), [...path, i], null));
    return isScalar(node) ? node.value : null;
  };
  const values = walk(yaml.contents, [], null);
  const find = (path: Path): Written => index.get(pathKey(path)) ?? { key: null, written: null, node: null };
  const start = yaml.at(0);
  const at: Locator = {
    file: yaml.file,
    keyAt: (path) => {
      const { key } = find(path);
      return key ? yaml.of(key) : start;
    },
    valueAt: (path) => {
      const { written } = find(path);
      if (typeof path.at(-1) === 'number' || path.length === 0) return written ? yaml.of(written) : start;
      return written?.range && !isEmptyScalar(written) ? yaml.of(written) : at.keyAt(path);
    },
    shown: (path) => {
      const { node } = find(path);
      return node ? yaml.sourceOf(node) : '';
    },
    commentAfter: (path) => {
      const { node } = find(path);
      if (!isScalar(node) || node.type !== 'PLAIN' || !node.range) return null;
      const [start, valueEnd, nodeEnd] = node.range;
      const hash = yaml.text.indexOf('#', valueEnd);
      if (hash === -1 || hash >= nodeEnd) return null;
      const lineEnd = yaml.text.indexOf('\n', hash);
      return { at: yaml.at(hash), line: yaml.text.slice(start, lineEnd === -1 ? undefined : lineEnd).trim() };
    },
  };
  return { values, at };
}

function pathKey(path: Path): string {
  return path.join('\u0000');
}

function keyName(yaml: LocatedYaml, key: Node | null): string {
  if (key === null) return '';
  return isScalar(key) ? String(key.value) : yaml.sourceOf(key);
}

function isEmptyScalar(node: Node): boolean {
  return isScalar(node) && node.value === null && (node.source ?? '') === '';
}

/** The top-level map of a document (empty when the document is); null, with an error, when it is something else. */
export function topMap(values: unknown, at: Locator, fallback: Position, what: string, diagnostics: Diagnostic[]): PlainMap | null {
  if (values == null) return {};
  if (isPlainMap(values)) return values;
  const shown = at.shown([]);
  const where = shown ? at.valueAt([]) : fallback;
  diagnostics.push(error(at.file, where.line, where.column, `${what} must be \`key: value\` lines, got ${shown}`, 'write one `key: value` per line'));
  return null;
}
