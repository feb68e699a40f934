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

/**
 * Computes output keys; what many files share (every record, a tag's records) is digested once.
 *
 * `leverage dev` plans again after every edit, and most of what a plan computes is as it was:
 * a planner takes from the one before it the digests of the very same rows instead of hashing
 * them again.
 */
export class Planner {
  private readonly index = new Map<string, number>();
  /** Per combination of parts, each record's row (see rowOf). */
  private readonly rows = new Map<string, string[]>();
  private readonly lists = new WeakMap<readonly string[], Map<string, string>>();
  private readonly names = new WeakMap<readonly RecordPart[], string>();
  private readonly before: Memory;
  /** What this planner computed: made once a build, and taken by the next planner. */
  private readonly memory: Memory = newMemory();

  constructor(
    private readonly records: readonly RecordHashes[],
    private readonly globalKey: string,
  ) {
    records.forEach((record, i) => this.index.set(record.date, i));
    this.before = lastMemory;
    lastMemory = this.memory;
  }

  key(file: Declared): string {
    let text = `${file.buildKey ?? this.globalKey}\0${file.path}`;
    for (const dependency of file.dependsOn) {
      text += 'value' in dependency ? `\0v${dependency.value}` : `\0${this.selection(dependency.records, dependency.parts)}`;
    }
    return hashBytes(text);
  }

  /** What the selected parts are now: the rows themselves for a few records, a digest of them for many. */
  private selection(records: RecordSelection, parts: readonly RecordPart[]): string {
    const which = this.name(parts);
    const rows = this.rows.get(which) ?? this.rowsOf(which, parts);
    if (records === 'all') {
      const name = `${which}\0all`;
      return this.memory.lists.get(name)?.digest ?? this.digest(name, rows);
    }
    if ('upTo' in records) {
      const running = this.memory.running.get(which)?.digests ?? this.runningDigests(which, rows);
      return `u${running[this.index.get(records.upTo) ?? -1] ?? 'none'}`;
    }
    if (records.length <= FEW) {
      let text = '';
      for (const date of records) text += `${this.row(rows, date)};`;
      return text;
    }
    return this.lists.get(records)?.get(which) ?? this.digestOfList(which, records, rows);
  }

  private row(rows: readonly string[], date: string): string {
    return rows[this.index.get(date) ?? -1] ?? `${date}:-`;
  }

  /** A list's digest, made once for all the files that declare that very list (a tag's pages). */
  private digestOfList(which: string, records: readonly string[], rows: readonly string[]): string {
    const name = `${which}\0${records.length}\0${records[0]}\0${records[records.length - 1]}`;
    const value = this.digest(name, records.map((date) => this.row(rows, date)));
    let byParts = this.lists.get(records);
    if (!byParts) this.lists.set(records, (byParts = new Map()));
    byParts.set(which, value);
    return value;
  }

  /** The digest of some rows; named so the next planner finds it (rows are compared, not names). */
  private digest(name: string, rows: readonly string[]): string {
    const before = this.before.lists.get(name);
    const value = before && sameRows(before.rows, rows) ? before.digest : digest(rows);
    this.memory.lists.set(name, { rows, digest: value });
    return value;
  }

  private name(parts: readonly RecordPart[]): string {
    let name = this.names.get(parts);
    if (name === undefined) this.names.set(parts, (name = parts.join(',')));
    return name;
  }

  private rowsOf(which: string, parts: readonly RecordPart[]): string[] {
    const rows = this.records.map((record) => rowOf(record, which, parts));
    this.rows.set(which, rows);
    return rows;
  }

  /**
   * The running digest of the records up to each one, oldest first: up to the first row that
   * is not as it was, those of the planner before.
   */
  private runningDigests(which: string, rows: readonly string[]): string[] {
    const before = this.before.running.get(which);
    let same = 0;
    if (before) while (same < rows.length && same < before.rows.length && rows[same] === before.rows[same]) same++;
    const digests = before ? before.digests.slice(0, same) : [];
    for (let i = digests.length; i < rows.length; i++) digests.push(hashBytes(`${digests[i - 1] ?? ''}\n${rows[i]}`));
    this.memory.running.set(which, { rows, digests });
    return digests;
  }
}

/** What a planner computed that the next one may take as it is. */
interface Memory {
  /** Digests of lists of rows, by a name of the list. */
  lists: Map<string, { rows: readonly string[]; digest: string }>;
  /** Running digests, by combination of parts. */
  running: Map<string, { rows: readonly string[]; digests: string[] }>;
}

const newMemory = (): Memory => ({ lists: new Map(), running: new Map() });

let lastMemory = newMemory();

/**
 * A record's row for a combination of parts: the hash of its date and those parts' hashes,
 * short in the keys it goes into. Made once per record: its hashes never change.
 */
const rowsMade = new WeakMap<RecordHashes, Map<string, string>>();

function rowOf(record: RecordHashes, which: string, parts: readonly RecordPart[]): string {
  let rows = rowsMade.get(record);
  if (!rows) rowsMade.set(record, (rows = new Map()));
  let row = rows.get(which);
  if (row === undefined) {
    let text = record.date;
    for (const part of parts) text += `\0${record.parts[part]}`;
    rows.set(which, (row = hashBytes(text)));
  }
  return row;
}

function sameRows(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function digest(rows: readonly string[]): string {
  const hash = createHash('sha1');
  for (const row of rows) hash.update(row).update('\n');
  return hash.digest('hex');
}
