/**
 * What a build can reuse, decided here and nowhere else. Every output file declares what it
 * depends on (site/types.ts `Dependency`); its key is a hash of that, the path and the
 * build's global key (generator, config, theme, drafts). A file whose key is the one the last
 * build wrote it with would come out the same, and is kept; the others are made.
 */
import { createHash } from 'node:crypto';
import type { Dependency, PartHashes, RecordPart, RecordSelection } from '../site/types.js';
import { hashBytes } from './fingerprint.js';

/** Each record's date and part hashes, oldest first: the records of this build. */
export interface RecordHashes {
  date: string;
  parts: PartHashes;
}

export interface Declared {
  path: string;
  dependsOn: readonly Dependency[];
  /**
   * What of the build the file depends on, in place of the build's global key: a file that
   * shows nothing of the theme (a social card) names less, and is kept when a template changes.
   */
  buildKey?: string;
}

/** Up to this many records, a selection is keyed by their hashes as they are, not by a digest of them. */
const FEW = 4;

/** Computes output keys; what many files share (every record, a tag's records) is digested once. */
export class Planner {
  private readonly index = new Map<string, number>();
  /** Per combination of parts, each record's `date:hashes of those parts`. */
  private readonly rows = new Map<string, string[]>();
  private readonly digests = new Map<string, string>();
  private readonly lists = new WeakMap<readonly string[], Map<string, string>>();
  private readonly prefixes = new Map<string, string[]>();
  private readonly names = new WeakMap<readonly RecordPart[], string>();

  constructor(
    private readonly records: readonly RecordHashes[],
    private readonly globalKey: string,
  ) {
    records.forEach((record, i) => this.index.set(record.date, i));
  }

  key(file: Declared): string {
    let text = `${file.buildKey ?? this.globalKey}\0${file.path}`;
    for (const dependency of file.dependsOn) {
      text += 'value' in dependency ? `\0v${dependency.value}` : `\0${this.selection(dependency.records, dependency.parts)}`;
    }
    return hashBytes(text);
  }

  /** What the selected parts are now: the hashes themselves for a few records, a digest of them for many. */
  private selection(records: RecordSelection, parts: readonly RecordPart[]): string {
    const which = this.name(parts);
    const rows = this.rowsOf(which, parts);
    if (records === 'all') return this.once(this.digests, which, () => digest(rows));
    if ('upTo' in records) return `u${this.prefix(which, rows)[this.index.get(records.upTo) ?? -1] ?? 'none'}`;
    const row = (date: string) => rows[this.index.get(date) ?? -1] ?? `${date}:-`;
    if (records.length <= FEW) {
      let text = '';
      for (const date of records) text += `${row(date)};`;
      return text;
    }
    let byParts = this.lists.get(records);
    if (!byParts) this.lists.set(records, (byParts = new Map()));
    return this.once(byParts, which, () => digest(records.map(row)));
  }

  private name(parts: readonly RecordPart[]): string {
    let name = this.names.get(parts);
    if (name === undefined) this.names.set(parts, (name = parts.join(',')));
    return name;
  }

  private rowsOf(which: string, parts: readonly RecordPart[]): string[] {
    return this.once(this.rows, which, () =>
      this.records.map((record) => `${record.date}:${parts.map((part) => record.parts[part]).join(',')}`),
    );
  }

  /** The running digest of the records up to each one, oldest first. */
  private prefix(which: string, rows: readonly string[]): string[] {
    return this.once(this.prefixes, which, () => runningDigests(which, rows));
  }

  private once<K, V>(map: Map<K, V>, key: K, make: () => V): V {
    let value = map.get(key);
    if (value === undefined) map.set(key, (value = make()));
    return value;
  }
}

/**
 * The previous build's running digests, by combination of parts: `leverage dev` builds again
 * and again in one process, and most edits leave the rows before them as they were, so the
 * digests up to the first changed row are taken as they were.
 */
const lastRunning = new Map<string, { rows: readonly string[]; digests: string[] }>();

function runningDigests(which: string, rows: readonly string[]): string[] {
  const last = lastRunning.get(which);
  let same = 0;
  if (last) while (same < rows.length && same < last.rows.length && rows[same] === last.rows[same]) same++;
  const digests = last ? last.digests.slice(0, same) : [];
  for (let i = digests.length; i < rows.length; i++) digests.push(hashBytes(`${digests[i - 1] ?? ''}\n${rows[i]}`));
  lastRunning.set(which, { rows, digests });
  return digests;
}

function digest(rows: readonly string[]): string {
  const hash = createHash('sha1');
  for (const row of rows) hash.update(row).update('\n');
  return hash.digest('hex');
}
