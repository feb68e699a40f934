/** What the page declarations share: the parts a list of records shows, and models made once when asked for. */
import type { ListedRecord, RecordContent, RecordPart, RecordSummary } from './types.js';

export const ALL_PARTS: readonly RecordPart[] = ['numbers', 'text', 'body'];
/** What a list of records shows of each: everything but the analysis. */
export const LISTED: readonly RecordPart[] = ['numbers', 'text'];
export const NUMBERS: readonly RecordPart[] = ['numbers'];

export function listed(record: RecordContent): ListedRecord {
  const { bodyHtml: _body, readingMinutes: _minutes, ...shown } = record;
  return shown;
}

export function newestDate(records: readonly RecordSummary[]): string | null {
  return records.length ? records[records.length - 1]!.date : null;
}

/** A value made the first time it is asked for. */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}
