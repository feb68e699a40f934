/**
 * What a record page says about its place in the series: generated highlights and
 * milestones, computed from every record up to that day.
 */
import type { LeverageRecord } from '../records/types.js';
import type { RecordContent } from './types.js';

export interface SeriesContext {
  /** Sentences (inline HTML) of generated highlights for the record of a date. */
  highlights(date: string): string[];
  /** Sentences (inline HTML) of milestones reached on a date. */
  milestones(date: string): string[];
}

export function seriesContext(_sources: LeverageRecord[], _records: RecordContent[]): SeriesContext {
  return { highlights: () => [], milestones: () => [] };
}
