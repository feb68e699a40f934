/**
 * Generated highlights of one record (site.md, "Generated highlights"): the highest and lowest
 * leverage task, the hours of human engineering one assistant minute replaced, and the change
 * against the previous record. `recordHighlights` returns data; `describeHighlights` turns it
 * into plain-text sentences (safe as inline Markdown: no Markdown syntax is produced).
 *
 * Comparisons that decide a word the reader sees ("up", "down", "same", "tied") use the values
 * as they are shown (factors to one decimal, hours to two), so every sentence can be checked
 * against the numbers on the page. The exact values are kept in the data as well.
 */
import type { LeverageRecord } from '../records/types.js';
import { formatLongDate } from './dates.js';
import { FACTOR_DECIMALS, formatFactor, formatNumber, roundHalfAway, shownFactor } from './format.js';
import { hoursPerAssistantMinute, type RecordTotals, type TaskNumbers } from './numbers.js';

/** Display precision of aggregate hours (`1,096.25`). */
const HOURS_DECIMALS = 2;

export interface TaskHighlight {
  /** 1-based row number. */
  n: number;
  leverage: number;
}

/**
 * `single`: the record has one task (it is both highest and lowest).
 * `uniform`: several tasks, all with the same shown leverage.
 * `spread`: the usual case, highest above lowest.
 */
export type ExtremesKind = 'single' | 'uniform' | 'spread';

export interface TaskExtremes {
  kind: ExtremesKind;
  /** Every row tied for the highest shown leverage, in row order. */
  highest: TaskHighlight[];
  /** Every row tied for the lowest shown leverage, in row order. */
  lowest: TaskHighlight[];
}

export type Direction = 'up' | 'down' | 'same';

export interface Change {
  previous: number;
  current: number;
  /** current − previous, exact. */
  delta: number;
  /** current ÷ previous, exact (null when previous is 0). */
  ratio: number | null;
  /** Decided on the shown (rounded) values: equal shown values are 'same'. */
  direction: Direction;
}

export interface PreviousComparison {
  /** The previous record's date, `YYYY-MM-DD`. */
  date: string;
  /** Weighted leverage factors. */
  leverage: Change;
  /** Human-equivalent hours. */
  humanHours: Change;
}

export interface RecordHighlights {
  date: string;
  /** null only for a record without tasks (which validation never lets through). */
  extremes: TaskExtremes | null;
  /** Weighted leverage ÷ 60: hours of human engineering per assistant minute. */
  hoursPerAssistantMinute: number;
  /** null for the first record. */
  previous: PreviousComparison | null;
}

function shownHours(value: number): number {
  return roundHalfAway(value, HOURS_DECIMALS);
}

/** Highest and lowest task by leverage; ties (equal shown factor) list every tied row. */
export function taskExtremes(tasks: readonly TaskNumbers[]): TaskExtremes | null {
  if (tasks.length === 0) return null;
  const shown = tasks.map((t) => shownFactor(t.leverage));
  const max = Math.max(...shown);
  const min = Math.min(...shown);
  const pick = (target: number): TaskHighlight[] =>
    tasks
      .filter((_, i) => shown[i] === target)
      .map((t) => ({ n: t.n, leverage: t.leverage }))
      .sort((a, b) => a.n - b.n);
  const kind: ExtremesKind = tasks.length === 1 ? 'single' : max === min ? 'uniform' : 'spread';
  return { kind, highest: pick(max), lowest: pick(min) };
}

function change(previous: number, current: number, shown: (v: number) => number): Change {
  const a = shown(previous);
  const b = shown(current);
  return {
    previous,
    current,
    delta: current - previous,
    ratio: previous === 0 ? null : current / previous,
    direction: b > a ? 'up' : b < a ? 'down' : 'same',
  };
}

export function recordHighlights(
  record: LeverageRecord,
  totals: RecordTotals,
  tasks: readonly TaskNumbers[],
  previous: { record: LeverageRecord; totals: RecordTotals } | null,
): RecordHighlights {
  return {
    date: record.date,
    extremes: taskExtremes(tasks),
    hoursPerAssistantMinute: hoursPerAssistantMinute(totals.leverage),
    previous: previous
      ? {
          date: previous.record.date,
          leverage: change(previous.totals.leverage, totals.leverage, shownFactor),
          humanHours: change(previous.totals.humanMinutes / 60, totals.humanMinutes / 60, shownHours),
        }
      : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Sentences

export interface HighlightFormatters {
  /** A factor: `102.3x`. */
  factor: (value: number) => string;
  /** A number of hours, without unit: `1,096`. */
  hours: (hours: number) => string;
  /** A calendar date: `March 1, 2026`. */
  date: (iso: string) => string;
  /** The assistant's name in "One minute of … time". */
  assistant: string;
}

export const DEFAULT_HIGHLIGHT_FORMATTERS: HighlightFormatters = {
  factor: formatFactor,
  hours: (hours) => formatNumber(hours, HOURS_DECIMALS),
  date: formatLongDate,
  assistant: 'Claude',
};

/** `row 3`, `rows 3 and 5`, `rows 2, 4 and 7`. */
export function describeRows(rows: readonly TaskHighlight[]): string {
  const numbers = rows.map((r) => String(r.n));
  if (numbers.length <= 1) return `row ${numbers[0] ?? ''}`.trimEnd();
  return `rows ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

function describeExtremes(e: TaskExtremes, f: HighlightFormatters): string {
  const first = e.highest[0] ?? e.lowest[0];
  const value = first ? f.factor(first.leverage) : '';
  if (e.kind === 'single') return `Only task: ${describeRows(e.highest)} (${value}).`;
  if (e.kind === 'uniform') return `All ${e.highest.length} tasks had the same leverage (${value}).`;
  const high = `${describeRows(e.highest)} (${f.factor(e.highest[0]!.leverage)})`;
  const low = `${describeRows(e.lowest)} (${f.factor(e.lowest[0]!.leverage)})`;
  return `Highest leverage: ${high}; lowest: ${low}.`;
}

/** "One minute of Claude time replaced 1.7 hours of human engineering." (minutes below 1 hour) */
function describeReplacement(hours: number, f: HighlightFormatters): string {
  const shownInHours = formatNumber(hours, FACTOR_DECIMALS);
  const amount =
    roundHalfAway(hours, FACTOR_DECIMALS) >= 1
      ? `${shownInHours} ${shownInHours === '1' ? 'hour' : 'hours'}`
      : (() => {
          const minutes = formatNumber(hours * 60, FACTOR_DECIMALS);
          return `${minutes} ${minutes === '1' ? 'minute' : 'minutes'}`;
        })();
  return `One minute of ${f.assistant} time replaced ${amount} of human engineering.`;
}

function signed(text: string, delta: number): string {
  return delta > 0 ? `+${text}` : text;
}

/**
 * "102.3x, up from 80.1x{on} (+22.2x)" or "102.3x, the same as{on}". The delta shown is the
 * difference of the shown values, so the sentence adds up for a reader.
 */
function describeChange(
  c: Change,
  show: (v: number) => string,
  round: (v: number) => number,
  on: string,
  same: string,
): string {
  if (c.direction === 'same') return `${show(c.current)}, ${same}`;
  const delta = round(round(c.current) - round(c.previous));
  return `${show(c.current)}, ${c.direction} from ${show(c.previous)}${on} (${signed(show(delta), delta)})`;
}

function describePrevious(p: PreviousComparison, f: HighlightFormatters): string {
  const on = ` on ${f.date(p.date)}`;
  const leverage = describeChange(p.leverage, f.factor, shownFactor, on, `the same as${on}`);
  const hours = describeChange(p.humanHours, f.hours, shownHours, '', 'unchanged');
  return `Weighted leverage ${leverage}; human-equivalent hours ${hours}.`;
}

/**
 * Plain-text sentences for a record page, in this order: extremes, replacement, change.
 * E.g. "Highest leverage: row 15 (205.7x); lowest: row 1 (12.6x).",
 * "One minute of Claude time replaced 1.7 hours of human engineering.",
 * "Weighted leverage 102.3x, up from 80.1x on March 1, 2026 (+22.2x); human-equivalent hours
 * 1,096, up from 740 (+356)."
 */
export function describeHighlights(
  h: RecordHighlights,
  formatters: Partial<HighlightFormatters> = {},
): string[] {
  const f: HighlightFormatters = { ...DEFAULT_HIGHLIGHT_FORMATTERS, ...formatters };
  const sentences: string[] = [];
  if (h.extremes) sentences.push(describeExtremes(h.extremes, f));
  sentences.push(describeReplacement(h.hoursPerAssistantMinute, f));
  if (h.previous) sentences.push(describePrevious(h.previous, f));
  return sentences;
}
