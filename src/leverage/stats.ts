/**
 * All-time aggregations for the stats page and the charts: per month, per project, best and
 * worst days, the distribution of task factors, the daily series, and recent windows. Every
 * weighted factor divides totals (never averages factors). Drafts are left out by the caller.
 * Dates are handled as calendar strings (dates.ts), never as local-time Date objects.
 */
import type { LeverageRecord } from '../records/types.js';
import { addDays, daysFrom, utcMillis } from './dates.js';
import { ratio, recordTotals, seriesTotals, type RecordTotals, type SeriesTotals } from './numbers.js';

/** The project name of tasks that have none. */
export const NO_PROJECT = '(none)';

/** Bucket edges of the factor distribution: <10x, 10–25x, 25–50x, 50–100x, 100–200x, ≥200x. */
export const FACTOR_BUCKET_EDGES: readonly number[] = [10, 25, 50, 100, 200];

export interface PeriodStats {
  /** Records (days). */
  days: number;
  rows: number;
  tasksCompleted: number;
  humanMinutes: number;
  claudeMinutes: number;
  /** Σ human ÷ Σ claude. */
  leverage: number;
}

export interface MonthStats extends PeriodStats {
  /** `YYYY-MM`. */
  month: string;
}

export interface ProjectStats {
  /** The task's `project`, or NO_PROJECT. */
  project: string;
  /** Records with at least one task of the project. */
  days: number;
  /** Tasks (rows) of the project; tasksCompleted is per record, so it has no project share. */
  rows: number;
  humanMinutes: number;
  claudeMinutes: number;
  /** Σ human ÷ Σ claude over the project's tasks. */
  leverage: number;
}

export interface DayStats {
  date: string;
  title: string;
  rows: number;
  tasksCompleted: number;
  humanMinutes: number;
  claudeMinutes: number;
  leverage: number;
}

export interface FactorBucket {
  /** `<10x`, `10–25x`, `≥200x`. */
  label: string;
  /** Inclusive lower bound, null for the first bucket. */
  min: number | null;
  /** Exclusive upper bound, null for the last bucket. */
  max: number | null;
  /** Tasks (rows) whose leverage falls in the bucket. */
  count: number;
  humanMinutes: number;
}

export interface DailyPoint {
  date: string;
  leverage: number;
  humanHours: number;
  humanMinutes: number;
  claudeMinutes: number;
}

export interface WindowStats {
  /** Calendar days in the window, counting the latest record's day. */
  days: number;
  /** First and last calendar day of the window (`to` is the latest record's date). */
  from: string;
  to: string;
  totals: SeriesTotals;
}

export interface AllTimeStats {
  totals: SeriesTotals;
  months: MonthStats[];
  projects: ProjectStats[];
  best: DayStats[];
  worst: DayStats[];
  distribution: FactorBucket[];
  daily: DailyPoint[];
  /** null when there are no records. */
  last14: WindowStats | null;
  last90: WindowStats | null;
}

function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byDate(records: readonly LeverageRecord[]): LeverageRecord[] {
  return [...records].sort((a, b) => compareDates(a.date, b.date));
}

/** A record with its totals: worked out once for all the figures of a call. */
interface DatedRecord {
  record: LeverageRecord;
  totals: RecordTotals;
}

/** The records oldest first, each with its totals (`totals[i]` of `records[i]` when given). */
function datedRecords(records: readonly LeverageRecord[], totals?: readonly RecordTotals[]): DatedRecord[] {
  return records
    .map((record, i) => ({ record, totals: totals?.[i] ?? recordTotals(record) }))
    .sort((a, b) => compareDates(a.record.date, b.record.date));
}

function safeRatio(human: number, claude: number): number {
  return claude > 0 ? ratio(human, claude) : 0;
}

/** Per calendar month (`YYYY-MM`), oldest first. */
export function monthlyStats(records: readonly LeverageRecord[]): MonthStats[] {
  return monthsOf(datedRecords(records));
}

function monthsOf(dated: readonly DatedRecord[]): MonthStats[] {
  const months = new Map<string, MonthStats>();
  for (const { record, totals: t } of dated) {
    const month = record.date.slice(0, 7);
    const m = months.get(month) ?? {
      month, days: 0, rows: 0, tasksCompleted: 0, humanMinutes: 0, claudeMinutes: 0, leverage: 0,
    };
    m.days += 1;
    m.rows += t.rows;
    m.tasksCompleted += t.tasksCompleted;
    m.humanMinutes += t.humanMinutes;
    m.claudeMinutes += t.claudeMinutes;
    months.set(month, m);
  }
  return [...months.values()].map((m) => ({ ...m, leverage: safeRatio(m.humanMinutes, m.claudeMinutes) }));
}

interface ProjectTally extends ProjectStats {
  dates: Set<string>;
  /** The record whose date was added last: its other tasks need not add it again. */
  last: LeverageRecord | null;
}

/** Per project, most human minutes first (ties by name); tasks without one under NO_PROJECT. */
export function projectStats(records: readonly LeverageRecord[]): ProjectStats[] {
  const projects = new Map<string, ProjectTally>();
  for (const record of records) {
    for (const task of record.tasks) {
      const name = task.project?.trim() || NO_PROJECT;
      let p = projects.get(name);
      if (!p) {
        p = { project: name, days: 0, rows: 0, humanMinutes: 0, claudeMinutes: 0, leverage: 0, dates: new Set(), last: null };
        projects.set(name, p);
      }
      if (p.last !== record) {
        p.dates.add(record.date);
        p.last = record;
      }
      p.rows += 1;
      p.humanMinutes += task.humanMinutes;
      p.claudeMinutes += task.claudeMinutes;
    }
  }
  return [...projects.values()]
    .map(({ dates, last: _, ...p }) => ({ ...p, days: dates.size, leverage: safeRatio(p.humanMinutes, p.claudeMinutes) }))
    .sort((a, b) => b.humanMinutes - a.humanMinutes || (a.project < b.project ? -1 : a.project > b.project ? 1 : 0));
}

function dayStats(record: LeverageRecord, t: RecordTotals = recordTotals(record)): DayStats {
  return {
    date: record.date,
    title: record.title,
    rows: t.rows,
    tasksCompleted: t.tasksCompleted,
    humanMinutes: t.humanMinutes,
    claudeMinutes: t.claudeMinutes,
    leverage: t.leverage,
  };
}

/**
 * The `n` days with the highest (`best`) or lowest (`worst`) weighted leverage, in that order.
 * Ties are broken by date, earlier first, so the result is deterministic.
 */
export function rankDays(records: readonly LeverageRecord[], n: number, order: 'best' | 'worst'): DayStats[] {
  return rankedDays(datedRecords(records), n, order);
}

function rankedDays(dated: readonly DatedRecord[], n: number, order: 'best' | 'worst'): DayStats[] {
  const sign = order === 'best' ? -1 : 1;
  return [...dated]
    .sort((a, b) => sign * (a.totals.leverage - b.totals.leverage) || compareDates(a.record.date, b.record.date))
    .slice(0, Math.max(0, n))
    .map((d) => dayStats(d.record, d.totals));
}

export function bestDays(records: readonly LeverageRecord[], n = 5): DayStats[] {
  return rankDays(records, n, 'best');
}

export function worstDays(records: readonly LeverageRecord[], n = 5): DayStats[] {
  return rankDays(records, n, 'worst');
}

function bucketLabel(min: number | null, max: number | null): string {
  if (min === null) return `<${max}x`;
  if (max === null) return `≥${min}x`;
  return `${min}–${max}x`;
}

/**
 * How many tasks fall in each factor bucket. Edges are ascending; bucket i holds leverage in
 * [edges[i-1], edges[i]) — lower bound inclusive — with open first and last buckets.
 */
export function factorDistribution(
  records: readonly LeverageRecord[],
  edges: readonly number[] = FACTOR_BUCKET_EDGES,
): FactorBucket[] {
  const sorted = [...new Set(edges)].sort((a, b) => a - b);
  const buckets: FactorBucket[] = [];
  for (let i = 0; i <= sorted.length; i++) {
    const min = i === 0 ? null : sorted[i - 1]!;
    const max = i === sorted.length ? null : sorted[i]!;
    buckets.push({ label: bucketLabel(min, max), min, max, count: 0, humanMinutes: 0 });
  }
  for (const record of records) {
    for (const task of record.tasks) {
      const bucket = buckets[edgesReached(ratio(task.humanMinutes, task.claudeMinutes), sorted)]!;
      bucket.count += 1;
      bucket.humanMinutes += task.humanMinutes;
    }
  }
  return buckets;
}

/** How many of the edges `leverage` is at or above: the index of its bucket. */
function edgesReached(leverage: number, edges: readonly number[]): number {
  let reached = 0;
  for (const edge of edges) if (leverage >= edge) reached++;
  return reached;
}

/** One point per record, oldest first, for charts. */
export function dailySeries(records: readonly LeverageRecord[]): DailyPoint[] {
  return dailyOf(datedRecords(records));
}

function dailyOf(dated: readonly DatedRecord[]): DailyPoint[] {
  return dated.map(({ record, totals: t }) => ({
    date: record.date,
    leverage: t.leverage,
    humanHours: t.humanMinutes / 60,
    humanMinutes: t.humanMinutes,
    claudeMinutes: t.claudeMinutes,
  }));
}

/** The latest record's date, or null without records. */
export function latestDate(records: readonly LeverageRecord[]): string | null {
  let latest: string | null = null;
  for (const r of records) if (latest === null || r.date > latest) latest = r.date;
  return latest;
}

/**
 * Records of the last `days` calendar days, counting the latest record's day: with days = 14
 * and a latest record on 2026-03-14, the window is 2026-03-01 … 2026-03-14. `until` overrides
 * the latest date.
 */
export function recordsInWindow(
  records: readonly LeverageRecord[],
  days: number,
  until: string | null = latestDate(records),
): LeverageRecord[] {
  if (until === null || days <= 0) return [];
  const end = utcMillis(until);
  return byDate(records).filter((r) => inWindow(r.date, days, end));
}

/** True when `date` is one of the `days` calendar days up to the day of `end` (utcMillis). */
function inWindow(date: string, days: number, end: number): boolean {
  const age = daysFrom(date, end);
  return age >= 0 && age < days;
}

/** Totals of the last `days` calendar days (see recordsInWindow); null without records. */
export function windowStats(
  records: readonly LeverageRecord[],
  days: number,
  until: string | null = latestDate(records),
): WindowStats | null {
  return windowOf(datedRecords(recordsInWindow(records, days, until)), days, until);
}

function windowOf(dated: readonly DatedRecord[], days: number, until: string | null): WindowStats | null {
  if (until === null || days <= 0) return null;
  const end = utcMillis(until);
  return {
    days,
    from: addDays(until, -(days - 1)),
    to: until,
    totals: seriesTotals(dated.filter((d) => inWindow(d.record.date, days, end)).map((d) => d.totals)),
  };
}

export interface AllTimeOptions {
  /** How many best and worst days (default 5). */
  topDays?: number;
  /** Factor bucket edges (default FACTOR_BUCKET_EDGES). */
  bucketEdges?: readonly number[];
  /**
   * recordTotals of each record, in the same order, when known already (a record's content
   * has them): they are not worked out again.
   */
  totals?: readonly RecordTotals[];
}

/** Everything the stats page shows, in one call. */
export function allTimeStats(records: readonly LeverageRecord[], options: AllTimeOptions = {}): AllTimeStats {
  const top = options.topDays ?? 5;
  const dated = datedRecords(records, options.totals);
  const latest = latestDate(records);
  return {
    totals: seriesTotals(dated.map((d) => d.totals)),
    months: monthsOf(dated),
    projects: projectStats(records),
    best: rankedDays(dated, top, 'best'),
    worst: rankedDays(dated, top, 'worst'),
    distribution: factorDistribution(records, options.bucketEdges ?? FACTOR_BUCKET_EDGES),
    daily: dailyOf(dated),
    last14: windowOf(dated, 14, latest),
    last90: windowOf(dated, 90, latest),
  };
}
