/** The records stage: every record file of a root read, checked and sorted by date. */

import { error, sortDiagnostics } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';
import { readTextFile } from '../config/text-file.js';
import type { SiteConfig } from '../config/types.js';
import { scanRecordFiles } from './files.js';
import { parseRecord } from './parse.js';
import { localLinks, localLinkWarnings } from './assets.js';
import { withMarkdown } from '../markdown/render.js';
import { canonicalTags } from './tag-collisions.js';
import type { TagSpellings } from './tag-collisions.js';
import type { ParsedRecord } from './parse.js';
import type { LeverageRecord } from './types.js';

export { findRecordFiles } from './files.js';
export { parseRecord } from './parse.js';

export interface ReadRecordsResult {
  /** The valid records, sorted by date, oldest first. */
  records: LeverageRecord[];
  /** Every problem of every file, sorted by file, line and column. */
  diagnostics: Diagnostic[];
  /** Relative file path → text, for code frames. */
  sources: Map<string, string>;
}

export async function readRecords(
  root: string,
  config: SiteConfig,
  options: { drafts: boolean },
): Promise<ReadRecordsResult> {
  const scan = await scanRecordFiles(root);
  const diagnostics = [...scan.diagnostics];
  const sources = new Map<string, string>();
  const texts = await Promise.all(scan.files.map((file) => readTextFile(root, file)));
  const parsed: FileRecord[] = [];
  scan.files.forEach((file, i) => {
    const read = texts[i]!;
    if (!read.ok) return void diagnostics.push(read.diagnostic);
    sources.set(file, read.text);
    parsed.push({ file, ...parseRecord(file, read.text, config) });
  });
  const assembled = assembleRecords(parsed, diagnostics, options);
  const links = await withMarkdown(() => assembled.records.map((record) => ({ file: record.file, links: localLinks(record.body, record.bodyLine ?? 1) })));
  const linkWarnings = localLinkWarnings(root, links);
  if (linkWarnings.length === 0) return { ...assembled, sources };
  return { ...assembled, diagnostics: sortDiagnostics([...assembled.diagnostics, ...linkWarnings]), sources };
}

export type FileRecord<R = LeverageRecord> = Omit<ParsedRecord, 'record'> & { file: string; record: R | null };

/** What assembling needs of a record (the build passes only this of records it has in its cache). */
export type AssembledRecord = Pick<LeverageRecord, 'date' | 'file' | 'draft' | 'tags'>;

/**
 * Every file's result → the records of the site: files with errors left out, records for
 * the same day reported, drafts kept only when asked for, sorted by date.
 */
export function assembleRecords<R extends AssembledRecord>(
  parsed: readonly FileRecord<R>[],
  otherDiagnostics: readonly Diagnostic[],
  options: { drafts: boolean },
): { records: R[]; diagnostics: Diagnostic[]; tagSpellings: TagSpellings; draftsLeftOut: number } {
  const diagnostics = [...otherDiagnostics];
  for (const p of parsed) diagnostics.push(...p.diagnostics);
  diagnostics.push(...duplicateDates(parsed));

  const broken = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const valid = parsed.flatMap((p) => (p.record && !broken.has(p.file) ? [p.record] : []));
  const read = valid
    .filter((record) => options.drafts || !record.draft)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.file < b.file ? -1 : 1));
  const { records, diagnostics: tagWarnings, spellings } = canonicalTags(read);
  diagnostics.push(...tagWarnings);
  return { records, diagnostics: sortDiagnostics(diagnostics), tagSpellings: spellings, draftsLeftOut: valid.length - read.length };
}

/** An error at each file that shares its date with another, naming them all. */
function duplicateDates(parsed: readonly FileRecord<unknown>[]): Diagnostic[] {
  const first = new Map<string, FileRecord<unknown>>();
  const shared = new Map<string, FileRecord<unknown>[]>();
  for (const p of parsed) {
    if (!p.date) continue;
    const iso = p.date.iso;
    const earlier = first.get(iso);
    const same = shared.get(iso);
    if (same) same.push(p);
    else if (earlier) shared.set(iso, [earlier, p]);
    else first.set(iso, p);
  }
  return [...shared].flatMap(([iso, same]) => {
    const names = same.map((p) => p.file);
    const list = `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
    const count = same.length === 2 ? 'two' : String(same.length);
    return same.map((p) =>
      error(p.file, p.date!.at.line, p.date!.at.column, `${count} records for ${iso}: ${list}`, 'keep one record per day: merge them, or fix the date of one'),
    );
  });
}
