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
import { formatFactor, formatNumber, roundHalfAway } from './format.js';
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

/** 10, 25, 50, then every 50: the thresholds up to and including the first one ≥ `max`. */
export function leverageThresholds(max: number): number[] {
  const result: number[] = [];
  for (const t of [10, 25, 50]) {
    result.push(t);
    if (t >= max) return result;
  }
  for (let t = 100; ; t += 50) {
    result.push(t);
    if (t >= max) return result;
  }
}

/** The highest threshold strictly below `shownLeverage`, or null when it is ≤ 10x (or not finite). */
export function thresholdPassed(shownLeverage: number): number | null {
  if (!Number.isFinite(shownLeverage)) return null;
  const below = leverageThresholds(shownLeverage).filter((t) => t < shownLeverage);
  return below.length ? below[below.length - 1]! : null;
}

const shownFactor = (v: number): number => roundHalfAway(v, 1);
const shownHours = (minutes: number): number => roundHalfAway(minutes / 60, 2);

interface Best {
  date: string;
  /** Exact value, for the data. */
  value: number;
  /** Shown value, for comparison. */
  shown: number;
}

function hoursText(hours: number): string {
  const text = formatNumber(hours, 2);
  return `${text} ${text === '1' ? 'hour' : 'hours'}`;
}

/**
 * Milestones of every day of the series (drafts already left out by the caller). The map has
 * an entry for every date, oldest first, an empty list on days without milestones. The input
 * need not be sorted: it is ordered by date here.
 */
export function seriesMilestones(series: readonly SeriesDay[]): Map<string, Milestone[]> {
  const days = [...series].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const result = new Map<string, Milestone[]>();
  let high: Best | null = null;
  let low: Best | null = null;
  let hours: Best | null = null;
  let tasks: Best | null = null;
  let threshold: number | null = null;

  for (const day of days) {
    const t = day.totals;
    const lev: Best = { date: day.date, value: t.leverage, shown: shownFactor(t.leverage) };
    const hrs: Best = { date: day.date, value: t.humanMinutes / 60, shown: shownHours(t.humanMinutes) };
    const tsk: Best = { date: day.date, value: t.tasksCompleted, shown: t.tasksCompleted };
    const passed = thresholdPassed(lev.shown);
    const milestones: Milestone[] = [];

    if (!high || !low || !hours || !tasks) {
      milestones.push({
        kind: 'first-record',
        text: `First record of the series (${formatFactor(t.leverage)} weighted leverage).`,
        value: t.leverage,
        previous: null,
      });
      high = lev;
      low = lev;
      hours = hrs;
      tasks = tsk;
      threshold = passed;
      result.set(day.date, milestones);
      continue;
    }

    const since = (b: Best): string => ` on ${formatLongDate(b.date)}`;
    if (passed !== null && (threshold === null || passed > threshold)) {
      milestones.push({
        kind: 'leverage-threshold',
        text: `First day above ${formatFactor(passed)} weighted leverage.`,
        value: passed,
        previous: null,
      });
      threshold = passed;
    }
    if (lev.shown > high.shown) {
      milestones.push({
        kind: 'highest-leverage',
        text: `Highest weighted leverage so far: ${formatFactor(lev.value)} (previous high ${formatFactor(high.value)}${since(high)}).`,
        value: lev.value,
        previous: { date: high.date, value: high.value },
      });
      high = lev;
    }
    if (lev.shown < low.shown) {
      milestones.push({
        kind: 'lowest-leverage',
        text: `Lowest weighted leverage so far: ${formatFactor(lev.value)} (previous low ${formatFactor(low.value)}${since(low)}).`,
        value: lev.value,
        previous: { date: low.date, value: low.value },
      });
      low = lev;
    }
    if (hrs.shown > hours.shown) {
      milestones.push({
        kind: 'most-human-hours',
        text: `Most human-equivalent hours so far: ${hoursText(hrs.value)} (previous most ${hoursText(hours.value)}${since(hours)}).`,
        value: hrs.value,
        previous: { date: hours.date, value: hours.value },
      });
      hours = hrs;
    }
    if (tsk.shown > tasks.shown) {
      milestones.push({
        kind: 'most-tasks',
        text: `Most tasks completed so far: ${formatNumber(tsk.value)} (previous most ${formatNumber(tasks.value)}${since(tasks)}).`,
        value: tsk.value,
        previous: { date: tasks.date, value: tasks.value },
      });
      tasks = tsk;
    }
    result.set(day.date, milestones);
  }
  return result;
}
