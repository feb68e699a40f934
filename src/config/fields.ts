/**
 * Typed, located access to the keys of one YAML map. Every getter returns undefined when
 * the key is absent (or empty), and also when its value is wrong — then an error pointing
 * at the value has been added to the diagnostics. Unknown keys are warned about, naming the
 * nearest known one.
 */

import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { nearestName } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';
import type { LocatedYaml, Position } from './located-yaml.js';
import { tagSlug } from '../site/slug.js';

/** Longest tag slug: a folder name must stay under 255 bytes on common file systems; 100 leaves room. */
export const MAX_TAG_SLUG = 100;

export interface FieldSpec {
  /** How the map's keys are called in warnings: `field`, `task field`, `key`. */
  noun: string;
  known: readonly string[];
  /** What a right value looks like, per key: the hint of every error about that key. */
  hints: Readonly<Record<string, string>>;
}

export class Fields {
  private readonly pairs = new Map<string, Pair>();

  constructor(
    readonly yaml: LocatedYaml,
    map: YAMLMap,
    private readonly spec: FieldSpec,
    readonly diagnostics: Diagnostic[],
  ) {
    for (const pair of map.items as Pair[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : yaml.sourceOf(pair.key as Node);
      if (spec.known.includes(key)) this.pairs.set(key, pair);
      else this.warnUnknown(key, pair.key as Node);
    }
  }

  /** True when the key is written, even with an empty value. */
  has(key: string): boolean {
    return this.pairs.has(key);
  }

  keyAt(key: string): Position {
    return this.yaml.of(this.pairs.get(key)!.key as Node);
  }

  /** Where the value starts; the key when the value is empty. */
  valueAt(key: string): Position {
    const value = this.pairs.get(key)?.value as Node | null | undefined;
    return value?.range && !isEmptyScalar(value) ? this.yaml.of(value) : this.keyAt(key);
  }

  /** The value node, aliases resolved; undefined when absent. */
  node(key: string): Node | undefined {
    return this.yaml.resolve(this.pairs.get(key)?.value);
  }

  /** A scalar's value, a collection's node; undefined when absent or null. */
  value(key: string): unknown {
    const node = this.node(key);
    if (node === undefined || node === null) return undefined;
    if (!isScalar(node)) return node;
    return node.value === null ? undefined : node.value;
  }

  /** Adds an error at the key's value, with the key's hint unless another is given. */
  error(key: string, message: string, hint: string | undefined = this.spec.hints[key]): undefined {
    return this.errorAt(this.valueAt(key), message, hint);
  }

  /** Adds an error at a position of this map's file. */
  errorAt(at: Position, message: string, hint?: string): undefined {
    this.diagnostics.push(this.yaml.error(at, message, hint));
    return undefined;
  }

  string(key: string, { allowEmpty = false } = {}): string | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') return this.wrongType(key, 'text');
    if (!allowEmpty && value.trim() === '') return this.error(key, `${key} is empty`);
    return value;
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

  /** A YAML list's items (aliases resolved). */
  list(key: string): Node[] | undefined {
    const node = this.present(key);
    if (node === undefined) return undefined;
    if (!isSeq(node)) return this.wrongType(key, 'a list');
    return (node as YAMLSeq).items.map((item) => this.yaml.resolve(item) as Node);
  }

  /** A list of non-empty texts; an error at each item that is not. */
  stringList(key: string): string[] | undefined {
    const items = this.list(key);
    if (items === undefined) return undefined;
    const strings = items.map((item) =>
      isScalar(item) && typeof item.value === 'string' && item.value.trim() !== ''
        ? item.value
        : this.itemError(key, item),
    );
    return strings.every((s) => s !== undefined) ? (strings as string[]) : undefined;
  }

  /**
   * A list of tag names: non-empty texts whose page address (`/tags/<slug>/`) stays short
   * enough to be a folder name on any file system.
   */
  tagList(key: string): string[] | undefined {
    const names = this.stringList(key);
    if (names === undefined) return undefined;
    const items = this.list(key)!;
    let ok = true;
    names.forEach((name, i) => {
      const slug = tagSlug(name);
      if (slug.length <= MAX_TAG_SLUG) return;
      ok = false;
      const shown = name.length > 40 ? `${name.slice(0, 39)}…` : name;
      this.diagnostics.push(
        this.yaml.error(
          items[i]!,
          `the tag "${shown}" is too long: its page /tags/${slug.slice(0, 20)}…/ would need a ${slug.length}-character folder name (at most ${MAX_TAG_SLUG})`,
          'a tag is a short label, e.g. Time Record; write the longer text in the summary',
        ),
      );
    });
    return ok ? names : undefined;
  }

  /** A map of the given spec; undefined (with an error) when the value is not a map. */
  map(key: string, spec: FieldSpec): Fields | undefined {
    const node = this.present(key);
    if (node === undefined) return undefined;
    if (!isMap(node)) return this.wrongType(key, 'a map of `name: value` lines');
    return new Fields(this.yaml, node as YAMLMap, spec, this.diagnostics);
  }

  /** A map from text to text. */
  stringMap(key: string): Record<string, string> | undefined {
    const node = this.present(key);
    if (node === undefined) return undefined;
    if (!isMap(node)) return this.wrongType(key, 'a map of `name: replacement` lines');
    const result: Record<string, string> = {};
    let ok = true;
    for (const pair of (node as YAMLMap).items as Pair[]) {
      const name = isScalar(pair.key) ? pair.key.value : undefined;
      const value = this.yaml.resolve(pair.value);
      if (typeof name === 'string' && name.trim() !== '' && isScalar(value) && typeof value.value === 'string') {
        result[name] = value.value;
      } else {
        this.itemError(key, typeof name === 'string' && value ? value : (pair.key as Node));
        ok = false;
      }
    }
    return ok ? result : undefined;
  }

  /** The value as written, for messages. */
  shown(key: string): string {
    const node = this.node(key);
    return node ? this.yaml.sourceOf(node) : '';
  }

  /** The value node unless the key is absent or its value null. */
  private present(key: string): Node | undefined {
    return this.value(key) === undefined ? undefined : this.node(key);
  }

  private wrongType(key: string, kind: string): undefined {
    const value = this.value(key);
    const hint =
      kind === 'text' && isScalar(this.node(key))
        ? `put it in quotes: ${key}: "${String(value)}"`
        : undefined;
    return this.error(key, `${key} must be ${kind}, got ${this.shown(key)}`, hint);
  }

  private itemError(key: string, item: Node): undefined {
    const hint = this.spec.hints[key];
    this.diagnostics.push(
      this.yaml.error(item, `each entry of ${key} must be non-empty text, got ${this.yaml.sourceOf(item) || 'nothing'}`, hint),
    );
    return undefined;
  }

  private warnUnknown(key: string, keyNode: Node): void {
    const nearest = nearestName(key, this.spec.known);
    const hint = nearest
      ? `did you mean ${nearest}?`
      : `known ${this.spec.noun}s: ${this.spec.known.join(', ')}`;
    this.diagnostics.push(this.yaml.warning(keyNode, `unknown ${this.spec.noun} ${key}`, hint));
  }
}

function isEmptyScalar(node: Node): boolean {
  return isScalar(node) && node.value === null && (node.source ?? '') === '';
}
