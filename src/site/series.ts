/**
 * What a record page says about its place in the series: generated highlights and
 * milestones, computed from every record up to that day.
 *
 * Drafts: a build with `--drafts` shows drafts as records, but the series the claims are
 * about is the published one. So milestones are computed over the non-draft records only (a
 * draft never makes a published day's "highest so far" false, and the preview shows the same
 * claims the published site will), a draft page claims no milestones, and "the previous
 * record" a day is compared with is the nearest earlier non-draft record.
 *
 * Sentences are inline HTML: the plain sentences of leverage/highlights.ts and
 * leverage/milestones.ts, escaped (they may quote no author text today, but escaping keeps
 * it that way whatever they say tomorrow).
 */
import { recordHighlights, describeHighlights } from '../leverage/highlights.js';
import { seriesMilestones, type SeriesDay } from '../leverage/milestones.js';
import { escapeHtml } from '../escape.js';
import type { LeverageRecord } from '../records/types.js';
import type { RecordContent, RecordSummary } from './types.js';

export interface SeriesContext {
  /** Sentences (inline HTML) of generated highlights for the record of a date. */
  highlights(date: string): string[];
  /** Sentences (inline HTML) of milestones reached on a date. */
  milestones(date: string): string[];
}

/**
 * @param summaries the records, oldest first (drafts flagged)
 * @param record a record as published (aliases applied), asked for only for the highlights of a page made
 * @param content its content, likewise
 */
export function seriesContext(
  summaries: readonly RecordSummary[],
  record: (index: number) => LeverageRecord,
  content: (index: number) => RecordContent,
): SeriesContext {
  // Each record is compared with the nearest earlier published (non-draft) record.
  const index = new Map<string, number>();
  const previousPublished: number[] = [];
  const published: SeriesDay[] = [];
  let previous = -1;
  summaries.forEach((summary, i) => {
    index.set(summary.date, i);
    previousPublished.push(previous);
    if (!summary.draft) {
      previous = i;
      published.push({ date: summary.date, totals: summary.totals });
    }
  });

  // Highlights are made when a page asks for them: a rebuild renders a few pages.
  const highlights = new Map<string, string[]>();
  const highlightsOf = (date: string): string[] => {
    const i = index.get(date);
    if (i === undefined) return [];
    let sentences = highlights.get(date);
    if (!sentences) {
      const p = previousPublished[i]!;
      const h = recordHighlights(
        record(i),
        summaries[i]!.totals,
        content(i).tasks,
        p >= 0 ? { record: record(p), totals: summaries[p]!.totals } : null,
      );
      sentences = describeHighlights(h).map(escapeHtml);
      highlights.set(date, sentences);
    }
    return sentences;
  };

  const milestones = new Map<string, string[]>();
  for (const [date, list] of seriesMilestones(published)) {
    if (list.length > 0) milestones.set(date, list.map((m) => escapeHtml(m.text)));
  }

  return {
    highlights: highlightsOf,
    milestones: (date) => milestones.get(date) ?? [],
  };
}
