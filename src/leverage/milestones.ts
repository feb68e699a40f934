/**
 * Milestones across the whole series (site.md, "Generated highlights"): a claim is made for a
 * day only when it is true of the series from its first record up to that day.
 *
 * Choices:
 * - The first record claims only `first-record`: every "so far" is trivially true of it, so
 *   it claims none of them, and thresholds it is already above count as the baseline.
 * - Thresholds are 10x, 25x, 50x, then every 50x (100x, 150x, 200x, …). A day that passes
 *   several thresholds no earlier day passed claims only the highest of them ("first day
 *   above 100x" says enough; 25x and 50x are implied by the series). A threshold crossed a
 *   second time, after a dip, is not claimed again.
 * - Comparisons use the values as shown (factors to one decimal, hours to two decimals), so a
 *   claim can be checked against the page: "above 100x" needs a shown factor above 100x, and
 *   a day equal (as shown) to the best so far does not beat it — a tie is not a new record.
 */
import { formatLongDate } from './dates.js';
import { formatFactor, formatHumanTime, formatNumber, roundHalfAway, shownFactor } from './format.js';
import type { RecordTotals } from './numbers.js';

export type MilestoneKind =
  | 'first-record'
  | 'leverage-threshold'
  | 'highest-leverage'
  | 'lowest-leverage'
  | 'most-human-hours'
  | 'most-tasks';

export interface Milestone {
  kind: MilestoneKind;
  /** One plain sentence, e.g. "First day above 100x weighted leverage." */
  text: string;
  /**
   * The figure the milestone is about: the threshold for `leverage-threshold`, the day's
   * weighted leverage for `first-record`, `highest-leverage` and `lowest-leverage`, its
   * human-equivalent hours for `most-human-hours`, its tasksCompleted for `most-tasks`.
   */
  value: number;
  /** The record beaten (its date and its value in the same unit), when there is one. */
  previous: { date: string; value: number } | null;
}

export interface SeriesDay {
  date: string;
  totals: RecordTotals;
}

/**
 * The highest of the thresholds 10x, 25x, 50x, then every 50x strictly below `shownLeverage`,
 * or null when it is ≤ 10x (or not finite). Computed, not listed: a factor may be in the
 * hundreds of millions.
 */
export function thresholdPassed(shownLeverage: number): number | null {
  if (!Number.isFinite(shownLeverage) || shownLeverage <= 10) return null;
  if (shownLeverage <= 25) return 10;
  if (shownLeverage <= 50) return 25;
  return 50 * (Math.ceil(shownLeverage / 50) - 1);
}

const shownHours = (minutes: number): number => roundHalfAway(minutes / 60, 2);

interface Best {
  date: string;
  /** Exact value, for the data. */
  value: number;
  /** Shown value, for comparison. */
  shown: number;
}

/** Hours as every page shows a human-equivalent figure (`11.75 hours`, `20 min`). */
function hoursText(hours: number): string {
  return formatHumanTime(hours * 60);
}

/** A "so far" record the series keeps: how a day measures, and how a new record is told. */
interface RunningBest {
  kind: MilestoneKind;
  /** The day's figure, exact. */
  value(totals: RecordTotals): number;
  /** The figure as shown, which the comparisons use. */
  shown(totals: RecordTotals): number;
  /** True when `day` beats `best` (on the shown values: a tie is not a record). */
  beats(day: number, best: number): boolean;
  describe(value: string, previous: string): string;
  format(value: number): string;
}

const RUNNING_BESTS: readonly RunningBest[] = [
  {
    kind: 'highest-leverage',
    value: (t) => t.leverage,
    shown: (t) => shownFactor(t.leverage),
    beats: (day, best) => day > best,
    describe: (v, p) => `Highest weighted leverage so far: ${v} (previous high ${p}).`,
    format: formatFactor,
  },
  {
    kind: 'lowest-leverage',
    value: (t) => t.leverage,
    shown: (t) => shownFactor(t.leverage),
    beats: (day, best) => day < best,
    describe: (v, p) => `Lowest weighted leverage so far: ${v} (previous low ${p}).`,
    format: formatFactor,
  },
  {
    kind: 'most-human-hours',
    value: (t) => t.humanMinutes / 60,
    shown: (t) => shownHours(t.humanMinutes),
    beats: (day, best) => day > best,
    describe: (v, p) => `Most human-equivalent hours so far: ${v} (previous most ${p}).`,
    format: hoursText,
  },
  {
    kind: 'most-tasks',
    value: (t) => t.tasksCompleted,
    shown: (t) => t.tasksCompleted,
    beats: (day, best) => day > best,
    describe: (v, p) => `Most tasks completed so far: ${v} (previous most ${p}).`,
    format: (n) => formatNumber(n),
  },
];

function measure(record: RunningBest, day: SeriesDay): Best {
  return { date: day.date, value: record.value(day.totals), shown: record.shown(day.totals) };
}

/**
 * Milestones of every day of the series (drafts already left out by the caller). The map has
 * an entry for every date, oldest first, an empty list on days without milestones. The input
 * need not be sorted: it is ordered by date here.
 */
export function seriesMilestones(series: readonly SeriesDay[]): Map<string, Milestone[]> {
  const days = [...series].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const result = new Map<string, Milestone[]>();
  let best: Best[] | null = null;
  let threshold: number | null = null;

  for (const day of days) {
    const t = day.totals;
    const passed = thresholdPassed(shownFactor(t.leverage));
    const milestones: Milestone[] = [];

    if (!best) {
      milestones.push({
        kind: 'first-record',
        text: `First record of the series (${formatFactor(t.leverage)} weighted leverage).`,
        value: t.leverage,
        previous: null,
      });
      best = RUNNING_BESTS.map((record) => measure(record, day));
      threshold = passed;
      result.set(day.date, milestones);
      continue;
    }

    if (passed !== null && (threshold === null || passed > threshold)) {
      milestones.push({
        kind: 'leverage-threshold',
        text: `First day above ${formatFactor(passed)} weighted leverage.`,
        value: passed,
        previous: null,
      });
      threshold = passed;
    }
    RUNNING_BESTS.forEach((record, i) => {
      const before = best![i]!;
      // Most days beat nothing: a day is measured in full only when it does.
      if (!record.beats(record.shown(t), before.shown)) return;
      const now = measure(record, day);
      milestones.push({
        kind: record.kind,
        text: record.describe(record.format(now.value), `${record.format(before.value)} on ${formatLongDate(before.date)}`),
        value: now.value,
        previous: { date: before.date, value: before.value },
      });
      best![i] = now;
    });
    result.set(day.date, milestones);
  }
  return result;
}
