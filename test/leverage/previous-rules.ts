/**
 * The rules as they were written before they were made faster, kept as oracles: the property
 * tests check that the fast versions give exactly (===, float for float) the same results.
 */
import { addDays, daysBetween, formatLongDate } from '../../src/leverage/dates.js';
import type { RecordTotals, SeriesTotals } from '../../src/leverage/numbers.js';
import { formatFactor, formatHumanTime } from '../../src/leverage/format.js';
import { thresholdPassed, type Milestone, type MilestoneKind, type SeriesDay } from '../../src/leverage/milestones.js';
import { NO_PROJECT, type AllTimeStats, type DayStats, type FactorBucket, type MonthStats, type ProjectStats } from '../../src/leverage/stats.js';
import type { LeverageRecord } from '../../src/records/types.js';

const ratio = (numerator: number, denominator: number): number => numerator / denominator;
const safeRatio = (human: number, claude: number): number => (claude > 0 ? ratio(human, claude) : 0);

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

export function recordTotals(record: LeverageRecord): RecordTotals {
  const humanMinutes = sum(record.tasks.map((t) => t.humanMinutes));
  const claudeMinutes = sum(record.tasks.map((t) => t.claudeMinutes));
  const supervised = record.tasks.every((t) => t.supervisionMinutes !== null);
  const supervisionMinutes = supervised ? sum(record.tasks.map((t) => t.supervisionMinutes ?? 0)) : null;
  return {
    rows: record.tasks.length,
    tasksCompleted: record.tasksCompleted,
    humanMinutes,
    claudeMinutes,
    supervisionMinutes,
    tokens: record.tokens,
    leverage: ratio(humanMinutes, claudeMinutes),
    supervisoryLeverage: supervisionMinutes === null ? null : ratio(humanMinutes, supervisionMinutes),
  };
}

export function seriesTotals(totals: readonly RecordTotals[]): SeriesTotals {
  const humanMinutes = sum(totals.map((t) => t.humanMinutes));
  const claudeMinutes = sum(totals.map((t) => t.claudeMinutes));
  const supervisedDays = totals.filter((t) => t.supervisionMinutes !== null);
  const supervisionMinutes = supervisedDays.length ? sum(supervisedDays.map((t) => t.supervisionMinutes ?? 0)) : null;
  const supervisedHumanMinutes = sum(supervisedDays.map((t) => t.humanMinutes));
  const withTokens = totals.filter((t) => t.tokens !== null);
  return {
    records: totals.length,
    rows: sum(totals.map((t) => t.rows)),
    tasksCompleted: sum(totals.map((t) => t.tasksCompleted)),
    humanMinutes,
    claudeMinutes,
    supervisionMinutes,
    supervisedHumanMinutes,
    tokens: withTokens.length ? sum(withTokens.map((t) => t.tokens ?? 0)) : null,
    leverage: claudeMinutes > 0 ? ratio(humanMinutes, claudeMinutes) : 0,
    supervisoryLeverage:
      supervisionMinutes === null || supervisionMinutes === 0 ? null : ratio(supervisedHumanMinutes, supervisionMinutes),
  };
}

function byDate(records: readonly LeverageRecord[]): LeverageRecord[] {
  return [...records].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function monthlyStats(records: readonly LeverageRecord[]): MonthStats[] {
  const months = new Map<string, MonthStats>();
  for (const record of byDate(records)) {
    const month = record.date.slice(0, 7);
    const t = recordTotals(record);
    const m = months.get(month) ?? { month, days: 0, rows: 0, tasksCompleted: 0, humanMinutes: 0, claudeMinutes: 0, leverage: 0 };
    m.days += 1;
    m.rows += t.rows;
    m.tasksCompleted += t.tasksCompleted;
    m.humanMinutes += t.humanMinutes;
    m.claudeMinutes += t.claudeMinutes;
    months.set(month, m);
  }
  return [...months.values()].map((m) => ({ ...m, leverage: safeRatio(m.humanMinutes, m.claudeMinutes) }));
}

export function projectStats(records: readonly LeverageRecord[]): ProjectStats[] {
  const projects = new Map<string, ProjectStats & { dates: Set<string> }>();
  for (const record of records) {
    for (const task of record.tasks) {
      const name = task.project?.trim() || NO_PROJECT;
      const p = projects.get(name) ?? {
        project: name, days: 0, rows: 0, humanMinutes: 0, claudeMinutes: 0, leverage: 0, dates: new Set<string>(),
      };
      p.dates.add(record.date);
      p.rows += 1;
      p.humanMinutes += task.humanMinutes;
      p.claudeMinutes += task.claudeMinutes;
      projects.set(name, p);
    }
  }
  return [...projects.values()]
    .map(({ dates, ...p }) => ({ ...p, days: dates.size, leverage: safeRatio(p.humanMinutes, p.claudeMinutes) }))
    .sort((a, b) => b.humanMinutes - a.humanMinutes || (a.project < b.project ? -1 : a.project > b.project ? 1 : 0));
}

function rankDays(records: readonly LeverageRecord[], n: number, order: 'best' | 'worst'): DayStats[] {
  const sign = order === 'best' ? -1 : 1;
  return byDate(records)
    .map((record): DayStats => {
      const t = recordTotals(record);
      const { rows, tasksCompleted, humanMinutes, claudeMinutes, leverage } = t;
      return { date: record.date, title: record.title, rows, tasksCompleted, humanMinutes, claudeMinutes, leverage };
    })
    .sort((a, b) => sign * (a.leverage - b.leverage) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .slice(0, Math.max(0, n));
}

export function factorBucketIndex(leverage: number, edges: readonly number[]): number {
  const sorted = [...new Set(edges)].sort((a, b) => a - b);
  return sorted.filter((edge) => leverage >= edge).length;
}

function factorDistribution(records: readonly LeverageRecord[], edges: readonly number[]): FactorBucket[] {
  const sorted = [...new Set(edges)].sort((a, b) => a - b);
  const buckets: FactorBucket[] = [];
  for (let i = 0; i <= sorted.length; i++) {
    const min = i === 0 ? null : sorted[i - 1]!;
    const max = i === sorted.length ? null : sorted[i]!;
    const label = min === null ? `<${max}x` : max === null ? `≥${min}x` : `${min}–${max}x`;
    buckets.push({ label, min, max, count: 0, humanMinutes: 0 });
  }
  for (const record of records) {
    for (const task of record.tasks) {
      const bucket = buckets[factorBucketIndex(ratio(task.humanMinutes, task.claudeMinutes), sorted)]!;
      bucket.count += 1;
      bucket.humanMinutes += task.humanMinutes;
    }
  }
  return buckets;
}

export function windowStats(records: readonly LeverageRecord[], days: number, until: string | null) {
  if (until === null || days <= 0) return null;
  const inWindow = byDate(records).filter((r) => {
    const age = daysBetween(r.date, until);
    return age >= 0 && age < days;
  });
  return { days, from: addDays(until, -(days - 1)), to: until, totals: seriesTotals(inWindow.map(recordTotals)) };
}

/** The old allTimeStats, but for `projects`, which was not changed (and is taken as given). */
export function allTimeStatsExceptProjects(
  records: readonly LeverageRecord[],
  top: number,
  edges: readonly number[],
): Omit<AllTimeStats, 'projects'> {
  let latest: string | null = null;
  for (const r of records) if (latest === null || r.date > latest) latest = r.date;
  return {
    totals: seriesTotals(byDate(records).map(recordTotals)),
    months: monthlyStats(records),
    best: rankDays(records, top, 'best'),
    worst: rankDays(records, top, 'worst'),
    distribution: factorDistribution(records, edges),
    daily: byDate(records).map((record) => {
      const t = recordTotals(record);
      return { date: record.date, leverage: t.leverage, humanHours: t.humanMinutes / 60, humanMinutes: t.humanMinutes, claudeMinutes: t.claudeMinutes };
    }),
    last14: windowStats(records, 14, latest),
    last90: windowStats(records, 90, latest),
  };
}

export function roundHalfAway(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = Math.abs(value) * scale;
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  const ulp = scaled === 0 ? Number.MIN_VALUE : 2 ** (Math.floor(Math.log2(scaled)) - 52);
  const up = fraction > 0 && fraction + 2 * ulp >= 0.5;
  const result = (Math.sign(value) * (up ? whole + 1 : whole)) / scale;
  return Object.is(result, -0) ? 0 : result;
}

export function formatNumber(value: number, decimals = 0): string {
  const rounded = roundHalfAway(value, decimals);
  const negative = rounded < 0;
  const fixed = Math.abs(rounded).toFixed(decimals);
  const dot = fixed.indexOf('.');
  const whole = dot === -1 ? fixed : fixed.slice(0, dot);
  let end = fixed.length;
  while (dot !== -1 && end > dot + 1 && fixed.charCodeAt(end - 1) === 0x30) end--;
  const fraction = dot === -1 || end === dot + 1 ? '' : fixed.slice(dot, end);
  const grouped = whole.length > 3 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return `${negative ? '-' : ''}${grouped}${fraction}`;
}

// ---------------------------------------------------------------------------------------------
// Milestones, measuring every running best of every day

const shownFactorOf = (v: number): number => roundHalfAway(v, 1);
const shownHours = (minutes: number): number => roundHalfAway(minutes / 60, 2);

interface Best {
  date: string;
  /** Exact value, for the data. */
  value: number;
  /** Shown value, for comparison. */
  shown: number;
}

function hoursText(hours: number): string {
  return formatHumanTime(hours * 60);
}

/** A "so far" record the series keeps: how a day measures, and how a new record is told. */
interface RunningBest {
  kind: MilestoneKind;
  measure(totals: RecordTotals): { value: number; shown: number };
  /** True when `day` beats `best` (on the shown values: a tie is not a record). */
  beats(day: number, best: number): boolean;
  describe(value: string, previous: string): string;
  format(value: number): string;
}

const RUNNING_BESTS: readonly RunningBest[] = [
  {
    kind: 'highest-leverage',
    measure: (t) => ({ value: t.leverage, shown: shownFactorOf(t.leverage) }),
    beats: (day, best) => day > best,
    describe: (v, p) => `Highest weighted leverage so far: ${v} (previous high ${p}).`,
    format: formatFactor,
  },
  {
    kind: 'lowest-leverage',
    measure: (t) => ({ value: t.leverage, shown: shownFactorOf(t.leverage) }),
    beats: (day, best) => day < best,
    describe: (v, p) => `Lowest weighted leverage so far: ${v} (previous low ${p}).`,
    format: formatFactor,
  },
  {
    kind: 'most-human-hours',
    measure: (t) => ({ value: t.humanMinutes / 60, shown: shownHours(t.humanMinutes) }),
    beats: (day, best) => day > best,
    describe: (v, p) => `Most human-equivalent hours so far: ${v} (previous most ${p}).`,
    format: hoursText,
  },
  {
    kind: 'most-tasks',
    measure: (t) => ({ value: t.tasksCompleted, shown: t.tasksCompleted }),
    beats: (day, best) => day > best,
    describe: (v, p) => `Most tasks completed so far: ${v} (previous most ${p}).`,
    format: (n) => formatNumber(n),
  },
];

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
    const today: Best[] = RUNNING_BESTS.map((r) => ({ date: day.date, ...r.measure(t) }));
    const passed = thresholdPassed(shownFactorOf(t.leverage));
    const milestones: Milestone[] = [];

    if (!best) {
      milestones.push({
        kind: 'first-record',
        text: `First record of the series (${formatFactor(t.leverage)} weighted leverage).`,
        value: t.leverage,
        previous: null,
      });
      best = today;
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
      const now = today[i]!;
      const before = best![i]!;
      if (!record.beats(now.shown, before.shown)) return;
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
