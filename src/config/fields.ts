/**
 * Typed, located access to the keys of one map of plain YAML values. Every getter returns
 * undefined when the key is absent (or empty), and also when its value is wrong — then an
 * error pointing at the value has been added to the diagnostics. Unknown keys are warned
 * about, naming the nearest known one. The values are plain (strings, numbers, booleans,
 * null, arrays, objects); where each is written comes from a Locator, asked only when
 * there is something to report.
 */

import { editDistance, error, nearestName, warning } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';
import { tagSlug } from '../site/slug.js';

export interface Position {
  line: number;
  column: number;
}

/** Keys and list indexes from the document's root to one value. */
export type Path = readonly (string | number)[];

/** Where the values of one document are written. */
export interface Locator {
  readonly file: string;
  /** Where the key that ends `path` is written. */
  keyAt(path: Path): Position;
  /** Where the value at `path` starts; the key when the value is empty. */
  valueAt(path: Path): Position;
  /** The value at `path` as written, shortened for messages. */
  shown(path: Path): string;
  /** When the plain text at `path` is followed by a comment on its line: where the `#` is, and the line from the value on. */
  commentAfter(path: Path): { at: Position; line: string } | null;
}

export type PlainMap = Record<string, unknown>;

export function isPlainMap(value: unknown): value is PlainMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Longest tag slug in UTF-8 bytes: a folder name must stay under 255 bytes on common file systems; 100 leaves room. */
export const MAX_TAG_SLUG = 100;

/** A name as messages quote it: at most 40 characters. */
function shortened(name: string): string {
  return name.length > 40 ? `${name.slice(0, 39)}…` : name;
}

export interface FieldSpec {
  /** How the map's keys are called in warnings: `field`, `task field`, `key`. */
  noun: string;
  known: readonly string[];
  /** What a right value looks like, per key: the hint of every error about that key. */
  hints: Readonly<Record<string, string>>;
  /** A key within two edits of a known one is an error (the value meant for it would be lost), not a warning. */
  misspeltIsError?: boolean;
}

/** Edits (insertions, deletions, substitutions) within which an unknown key is taken for a misspelt known one. */
const MISSPELT_EDITS = 2;

export class Fields {
  constructor(
    private readonly values: PlainMap,
    readonly at: Locator,
    /** Where this map is in the document. */
    readonly path: Path,
    private readonly spec: FieldSpec,
    readonly diagnostics: Diagnostic[],
  ) {
    for (const key of Object.keys(values)) {
      if (!spec.known.includes(key)) this.warnUnknown(key);
    }
  }

  /** True when the key is written, even with an empty value. */
  has(key: string): boolean {
    return Object.hasOwn(this.values, key) && this.spec.known.includes(key);
  }

  keyAt(key: string): Position {
    return this.at.keyAt([...this.path, key]);
  }

  /** Where the value starts; the key when the value is empty. */
  valueAt(key: string): Position {
    return this.at.valueAt([...this.path, key]);
  }

  /** The value; undefined when absent or null. */
  value(key: string): unknown {
    return this.has(key) ? (this.values[key] ?? undefined) : undefined;
  }

  /** Adds an error at the key's value, with the key's hint unless another is given. */
  error(key: string, message: string, hint: string | undefined = this.spec.hints[key]): undefined {
    return this.errorAt(this.valueAt(key), message, hint);
  }

  /** Adds an error at a position of this map's file. */
  errorAt(at: Position, message: string, hint?: string): undefined {
    this.diagnostics.push(error(this.at.file, at.line, at.column, message, hint));
    return undefined;
  }

  /** Adds a warning at a position of this map's file. */
  warningAt(at: Position, message: string, hint?: string): void {
    this.diagnostics.push(warning(this.at.file, at.line, at.column, message, hint));
  }

  string(key: string, { allowEmpty = false } = {}): string | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') return this.wrongType(key, 'text');
    if (!allowEmpty && value.trim() === '') return this.error(key, `${key} is empty`);
    return value;
  }

  /**
   * Text the author wrote for readers: an error when a comment cut it short (`Fix bug #123`
   * is `Fix bug` in YAML unless quoted).
   */
  text(key: string): string | undefined {
    const value = this.string(key);
    const cut = value === undefined ? null : this.at.commentAfter([...this.path, key]);
    if (!cut) return value;
    const comment = cut.line.slice(cut.line.indexOf('#'));
    return this.errorAt(cut.at, `${key} is cut short: YAML reads "${comment}" as a comment`, `quote the value: ${key}: ${JSON.stringify(cut.line)}`);
  }

  oneOf<T extends string>(key: string, options: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined || (options as readonly string[]).includes(value)) return value as T;
    return this.error(key, `${key} must be ${options.join(' or ')}, got ${this.shown(key)}`);
  }

  boolean(key: string): boolean | undefined {
    const value = this.value(key);
    if (value === undefined || typeof value === 'boolean') return value;
    return this.wrongType(key, 'true or false');
  }

  /** A number; `whole` asks for an integer; `min` and `max` are inclusive, `above` exclusive. */
  number(key: string, rule: { whole?: boolean; min?: number; above?: number; max?: number }): number | undefined {
    const value = this.value(key);
    const kind =
      (rule.whole ? 'a whole number' : 'a number') +
      (rule.min !== undefined ? ` ≥ ${rule.min}` : '') +
      (rule.above !== undefined ? ` greater than ${rule.above}` : '');
    if (value === undefined) return undefined;
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (!rule.whole || Number.isInteger(value)) &&
      (rule.min === undefined || value >= rule.min) &&
      (rule.above === undefined || value > rule.above);
    if (!ok) return this.error(key, `${key} must be ${kind}, got ${this.shown(key)}`);
    if (rule.max !== undefined && value > rule.max) {
      return this.error(key, `${key} must be at most ${rule.max.toLocaleString('en-US')}, got ${this.shown(key)}`);
    }
    return value;
  }

  /** A YAML list's items. */
  list(key: string): unknown[] | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) return this.wrongType(key, 'a list');
    return value;
  }

  /** A list of non-empty texts; an error at each item that is not. */
  stringList(key: string): string[] | undefined {
    const items = this.list(key);
    if (items === undefined) return undefined;
    const strings = items.map((item, i) =>
      typeof item === 'string' && item.trim() !== '' ? item : this.itemError(key, [...this.path, key, i]),
    );
    return strings.every((s) => s !== undefined) ? (strings as string[]) : undefined;
  }

  /**
   * A list of tag names: non-empty texts whose page address (`/tags/<slug>/`) stays short
   * enough to be a folder name on any file system, once `published` (site.yaml's aliases)
   * has made them the names the site shows.
   */
  tagList(key: string, published: (name: string) => string = (name) => name): string[] | undefined {
    const names = this.stringList(key);
    if (names === undefined) return undefined;
    let ok = true;
    names.forEach((name, i) => {
      const shownName = published(name);
      const slug = tagSlug(shownName);
      const bytes = Buffer.byteLength(slug);
      if (bytes <= MAX_TAG_SLUG) return;
      ok = false;
      const page = `its page /tags/${slug.slice(0, 20)}…/ would need a ${bytes}-byte folder name (at most ${MAX_TAG_SLUG})`;
      this.errorAt(
        this.at.valueAt([...this.path, key, i]),
        shownName === name
          ? `the tag "${shortened(name)}" is too long: ${page}`
          : `the tag "${shortened(name)}" is too long as site.yaml's aliases publish it, "${shortened(shownName)}": ${page}`,
        shownName === name
          ? 'a tag is a short label, e.g. Time Record; write the longer text in the summary'
          : 'shorten the replacement in site.yaml aliases, or the tag',
      );
    });
    return ok ? names : undefined;
  }

  /** A map of the given spec; undefined (with an error) when the value is not a map. */
  map(key: string, spec: FieldSpec): Fields | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (!isPlainMap(value)) return this.wrongType(key, 'a map of `name: value` lines');
    return new Fields(value, this.at, [...this.path, key], spec, this.diagnostics);
  }

  /** A map from text to text. */
  stringMap(key: string): Record<string, string> | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (!isPlainMap(value)) return this.wrongType(key, 'a map of `name: replacement` lines');
    const result: Record<string, string> = {};
    let ok = true;
    for (const [name, replacement] of Object.entries(value)) {
      if (name.trim() !== '' && typeof replacement === 'string') {
        result[name] = replacement;
      } else {
        const path = [...this.path, key, name];
        this.itemError(key, path, name.trim() === '' ? this.at.keyAt(path) : undefined);
        ok = false;
      }
    }
    return ok ? result : undefined;
  }

  /** The value as written, for messages. */
  shown(key: string): string {
    return this.at.shown([...this.path, key]);
  }

  private wrongType(key: string, kind: string): undefined {
    const value = this.value(key);
    const hint = kind === 'text' && typeof value !== 'object' ? `put it in quotes: ${key}: "${String(value)}"` : undefined;
    return this.error(key, `${key} must be ${kind}, got ${this.shown(key)}`, hint);
  }

  private itemError(key: string, item: Path, at = this.at.valueAt(item)): undefined {
    return this.errorAt(at, `each entry of ${key} must be non-empty text, got ${this.at.shown(item) || 'nothing'}`, this.spec.hints[key]);
  }

  private warnUnknown(key: string): void {
    const nearest = nearestName(key, this.spec.known);
    const at = this.keyAt(key);
    if (nearest && this.spec.misspeltIsError && editDistance(key.toLowerCase(), nearest.toLowerCase()) <= MISSPELT_EDITS) {
      const message = `unknown ${this.spec.noun} ${key}, close to ${nearest}: its value would be left out`;
      this.diagnostics.push(error(this.at.file, at.line, at.column, message, `did you mean ${nearest}?`));
      return;
    }
    const hint = nearest ? `did you mean ${nearest}?` : `known ${this.spec.noun}s: ${this.spec.known.join(', ')}`;
    this.diagnostics.push(warning(this.at.file, at.line, at.column, `unknown ${this.spec.noun} ${key}`, hint));
  }
}
