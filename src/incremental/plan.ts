/**
 * What a build can reuse, decided here and nowhere else. Every output file declares what it
 * depends on (site/types.ts `Dependency`); its key is a hash of that, the path and the
 * build's global key (generator, config, theme, drafts). A file whose key is the one the last
 * build wrote it with would come out the same, and is kept; the others are made.
 */
import type { Dependency, PartHashes, RecordPart, RecordSelection } from '../site/types.js';
import { hashBytes } from './fingerprint.js';

/** Up to this many records, a selection is keyed by their hashes as they are, not by a digest of them. */
const FEW = 4;

/** Each record's date and part hashes, oldest first: the records of this build. */
export interface RecordHashes {
  date: string;
  parts: PartHashes;
}

export interface Declared {
  path: string;
  dependsOn: readonly Dependency[];
}

/** Computes output keys; digests shared by many files (every record, a tag's records) are made once. */
export class Planner {
  private readonly index = new Map<string, number>();
  private readonly lists = new WeakMap<readonly string[], Map<string, string>>();
  private readonly all = new Map<string, string>();
  private readonly prefixes = new Map<string, string[]>();

  constructor(
    private readonly records: readonly RecordHashes[],
    private readonly globalKey: string,
  ) {
    records.forEach((record, i) => this.index.set(record.date, i));
  }

  key(file: Declared): string {
    const digests = file.dependsOn.map((dependency) =>
      'value' in dependency ? `v${dependency.value}` : this.selection(dependency.records, dependency.parts),
    );
    return hashBytes(`${this.globalKey}\0${file.path}\0${digests.join('\0')}`);
  }

  /** What the selected parts are now: the hashes themselves for a few records, a digest of them for many. */
  private selection(records: RecordSelection, parts: readonly RecordPart[]): string {
    const which = parts.join(',');
    if (records === 'all') return this.memo(this.all, which, () => hashBytes(this.listed(this.records, parts)));
    if ('upTo' in records) return `u${this.prefix(which, parts)[this.index.get(records.upTo) ?? -1] ?? 'none'}`;
    const selected = () => records.map((date) => this.records[this.index.get(date) ?? -1] ?? { date, parts: null });
    if (records.length <= FEW) return this.listed(selected(), parts);
    let byParts = this.lists.get(records);
    if (!byParts) this.lists.set(records, (byParts = new Map()));
    return this.memo(byParts, which, () => hashBytes(this.listed(selected(), parts)));
  }

  private listed(records: readonly (RecordHashes | { date: string; parts: null })[], parts: readonly RecordPart[]): string {
    return records.map((record) => `${record.date}:${parts.map((part) => record.parts?.[part] ?? '-').join(',')}`).join('\n');
  }

  /** The running digest of the records up to each one, oldest first. */
  private prefix(which: string, parts: readonly RecordPart[]): string[] {
    let running = this.prefixes.get(which);
    if (!running) {
      running = [];
      let last = '';
      for (const record of this.records) {
        last = hashBytes(`${last}\n${record.date}:${parts.map((part) => record.parts[part]).join(',')}`);
        running.push(last);
      }
      this.prefixes.set(which, running);
    }
    return running;
  }

  private memo(map: Map<string, string>, which: string, make: () => string): string {
    let value = map.get(which);
    if (value === undefined) map.set(which, (value = make()));
    return value;
  }
}
