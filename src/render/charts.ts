/**
 * Inline SVG charts, generated at build time as strings (site.md: "charts are inline SVG
 * generated at build time, with a text alternative").
 *
 * - Scales to its container: a viewBox and `width="100%"`, no fixed pixel size (fits a 390px
 *   phone; the height follows from the viewBox's aspect ratio).
 * - Accessible: `role="img"`, `aria-labelledby` naming a `<title>` and a `<desc>` that sums the
 *   data up in words; `chartTable` gives the full data for an HTML table beside the chart.
 * - Themeable: every colour is `currentColor` and every part has a class (`chart-line`,
 *   `chart-point`, `chart-bar`, `chart-axis`, `chart-grid`, `chart-label`, …), so light and dark
 *   CSS decide the colours.
 * - Deterministic: coordinates are written with at most two decimals; same input, same bytes.
 * - Every text is escaped; characters XML 1.0 forbids are dropped.
 * Points with a non-finite value are left out.
 */
import { formatNumber } from '../leverage/format.js';
import { escapeXml } from '../escape.js';

export interface ChartPoint {
  label: string;
  value: number;
  /**
   * Position on a continuous x axis (a day number, say) for a line chart that spaces its points
   * by it rather than evenly; given for every point or for none.
   */
  x?: number;
}

export interface ChartOptions {
  /** Unique on the page; prefixes the ids of `<title>` and `<desc>`. */
  id: string;
  /** Short title: `<title>`, read first by screen readers. */
  title: string;
  /** Sentence put before the generated summary in `<desc>`. */
  description?: string;
  /** viewBox size (default 480 × 240): proportions, not pixels. */
  width?: number;
  height?: number;
  /** Values in point tooltips and in the description (default: one decimal, separators). */
  formatValue?: (value: number) => string;
  /**
   * Y-axis tick labels, given the decimals the ticks' step needs so that no two ticks read
   * alike (default: the number with those decimals).
   */
  formatTick?: (value: number, decimals: number) => string;
  /** Y ticks on whole numbers only (an axis of counts). */
  wholeTicks?: boolean;
  /** Text of the x label at a position, for points placed by `x` (required with them). */
  formatX?: (x: number) => string;
  /**
   * Points placed by `x` further apart than this are not joined by the line: the gap (days
   * without a record) shows. Default: every point joined.
   */
  joinWithin?: number;
  /** Text of a label on the x axis (default: the label as is); tooltips keep the full label. */
  formatLabel?: (label: string) => string;
  /** Axis titles, shown when given. */
  xLabel?: string;
  yLabel?: string;
  /** At most this many x-axis labels (default: as many as fit, ~1 per 64 units). */
  maxLabels?: number;
}

export interface ChartTable {
  caption: string;
  columns: [string, string];
  rows: { label: string; value: number; text: string }[];
}

// ---------------------------------------------------------------------------------------------
// Text and numbers

/** A coordinate: at most two decimals, no trailing zeros, never `-0`. */
export function coord(value: number): string {
  const text = value.toFixed(2).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

function safeId(id: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9_-]+/g, '-') || 'chart';
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `chart-${cleaned}`;
}

const defaultFormat = (value: number): string => formatNumber(value, 1);

interface Resolved {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  formatValue: (value: number) => string;
  formatTick: (value: number, decimals: number) => string;
  wholeTicks: boolean;
  formatX: (x: number) => string;
  joinWithin: number;
  formatLabel: (label: string) => string;
  xLabel: string;
  yLabel: string;
  maxLabels: number;
}

function resolve(options: ChartOptions): Resolved {
  const width = options.width && options.width > 0 ? options.width : 480;
  const formatValue = options.formatValue ?? defaultFormat;
  return {
    id: safeId(options.id),
    title: options.title,
    description: options.description ?? '',
    width,
    height: options.height && options.height > 0 ? options.height : 240,
    formatValue,
    formatTick: options.formatTick ?? ((value, decimals) => formatNumber(value, decimals)),
    wholeTicks: options.wholeTicks ?? false,
    formatX: options.formatX ?? ((x) => formatNumber(x)),
    joinWithin: options.joinWithin ?? Infinity,
    formatLabel: options.formatLabel ?? ((label) => label),
    xLabel: options.xLabel ?? '',
    yLabel: options.yLabel ?? '',
    maxLabels: options.maxLabels && options.maxLabels > 0 ? Math.floor(options.maxLabels) : Math.max(2, Math.floor(width / 64)),
  };
}

function finitePoints(points: readonly ChartPoint[]): ChartPoint[] {
  return points.filter((p) => Number.isFinite(p.value));
}

// ---------------------------------------------------------------------------------------------
// Text alternative

/**
 * A sentence summing a series up: count, range of labels, lowest, highest, latest. For
 * categories (histogram buckets), every category with its value.
 */
export function describeData(
  points: readonly ChartPoint[],
  formatValue: (value: number) => string = defaultFormat,
  kind: 'series' | 'categories' = 'series',
): string {
  const data = finitePoints(points);
  if (data.length === 0) return 'No data.';
  if (kind === 'categories') {
    return `${data.map((p) => `${p.label}: ${formatValue(p.value)}`).join('; ')}.`;
  }
  const first = data[0]!;
  const last = data[data.length - 1]!;
  if (data.length === 1) return `One value: ${first.label}, ${formatValue(first.value)}.`;
  let low = first;
  let high = first;
  for (const p of data) {
    if (p.value < low.value) low = p;
    if (p.value > high.value) high = p;
  }
  return (
    `${data.length} values from ${first.label} to ${last.label}. ` +
    `Lowest ${formatValue(low.value)} (${low.label}), highest ${formatValue(high.value)} (${high.label}), ` +
    `latest ${formatValue(last.value)}.`
  );
}

/** The chart's data for an HTML table (the caller renders it): one row per point. */
export function chartTable(
  points: readonly ChartPoint[],
  options: { caption: string; labelHeader: string; valueHeader: string; formatValue?: (value: number) => string },
): ChartTable {
  const format = options.formatValue ?? defaultFormat;
  return {
    caption: options.caption,
    columns: [options.labelHeader, options.valueHeader],
    rows: finitePoints(points).map((p) => ({ label: p.label, value: p.value, text: format(p.value) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Scales and frame

interface Scale {
  min: number;
  max: number;
  ticks: number[];
}

/**
 * The round step (1, 2, 2.5 or 5 times a power of ten) at or above `raw`. With `whole`, a
 * whole number: 1 at least, and 2.5 (whose multiples 2.5 and 7.5 are not whole) left out below 10.
 */
function niceStep(raw: number, whole: boolean): number {
  if (whole && raw <= 1) return 1;
  const exponent = Math.floor(Math.log10(raw));
  const base = 10 ** exponent;
  const fraction = raw / base;
  const quarter = whole && base < 10 ? 5 : 2.5;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? quarter : fraction <= 5 ? 5 : 10;
  return nice * base;
}

/** Decimals a tick needs on a scale: those of its step (`2.5` → 1, `0.25` → 2, `50` → 0). */
export function tickDecimals(scale: Scale): number {
  const step = scale.ticks.length > 1 ? scale.ticks[1]! - scale.ticks[0]! : 1;
  const text = String(Number(step.toPrecision(12)));
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * A scale from ≤ 0 to ≥ the largest value, on round ticks (about four intervals); with
 * `whole`, ticks on whole numbers only (an axis of counts).
 */
export function niceScale(values: readonly number[], whole = false): Scale {
  let lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (hi === lo) hi = lo + 1;
  const step = niceStep((hi - lo) / 4, whole);
  const clean = (v: number): number => Number(v.toPrecision(12));
  lo = clean(Math.floor(lo / step) * step);
  hi = clean(Math.ceil(hi / step) * step);
  const ticks: number[] = [];
  for (let i = 0; clean(lo + i * step) <= hi; i++) ticks.push(clean(lo + i * step));
  return { min: lo, max: hi, ticks };
}

interface Frame {
  r: Resolved;
  left: number;
  right: number;
  top: number;
  bottom: number;
  scale: Scale;
  y: (value: number) => number;
}

function frame(r: Resolved, values: readonly number[]): Frame {
  const scale = niceScale(values, r.wholeTicks);
  const left = 44;
  const right = r.width - 12;
  const top = r.yLabel ? 26 : 12;
  const bottom = r.height - (r.xLabel ? 42 : 26);
  const y = (value: number): number => bottom - ((value - scale.min) / (scale.max - scale.min)) * (bottom - top);
  return { r, left, right, top, bottom, scale, y };
}

/**
 * Indices of the x labels to show, at most `max`: all when they fit, else every k-th counted
 * back from the last (the newest), k the smallest step that fits. Labels are evenly spaced, so
 * none seems missing; the first is labelled when the step lands on it. (Both ends and even
 * spacing cannot always be had: 14 days make 13 steps, a prime.)
 */
export function labelIndices(count: number, max: number): number[] {
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  if (max <= 1) return [count - 1];
  let step = 1;
  while (Math.floor((count - 1) / step) + 1 > max) step++;
  const picked: number[] = [];
  for (let i = (count - 1) % step; i < count; i += step) picked.push(i);
  return picked;
}

function open(r: Resolved, kind: string, height: number, summary: string): string {
  const desc = r.description ? `${r.description} ${summary}` : summary;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-${kind}" viewBox="0 0 ${coord(r.width)} ${coord(height)}"` +
    ` width="100%" preserveAspectRatio="xMidYMid meet" role="img" aria-labelledby="${r.id}-title ${r.id}-desc"` +
    ` font-size="11" font-family="inherit">\n` +
    `<title id="${r.id}-title">${escapeXml(r.title)}</title>\n` +
    `<desc id="${r.id}-desc">${escapeXml(desc)}</desc>\n`
  );
}

function emptyChart(r: Resolved, kind: string): string {
  return (
    open(r, `${kind} chart-empty`, 60, 'No data.') +
    `<text class="chart-label chart-empty-text" x="${coord(r.width / 2)}" y="35" text-anchor="middle" fill="currentColor">No data</text>\n` +
    `</svg>\n`
  );
}

/** Grid lines, y tick labels, the axes and the axis titles. */
function axes(f: Frame, xLabels: { x: number; text: string }[]): string {
  const { r } = f;
  const decimals = tickDecimals(f.scale);
  const grid = f.scale.ticks
    .map((t) => `<line x1="${coord(f.left)}" y1="${coord(f.y(t))}" x2="${coord(f.right)}" y2="${coord(f.y(t))}"/>`)
    .join('');
  const ticks = f.scale.ticks
    .map(
      (t) =>
        `<text class="chart-label" x="${coord(f.left - 6)}" y="${coord(f.y(t) + 4)}" text-anchor="end">${escapeXml(r.formatTick(t, decimals))}</text>`,
    )
    .join('');
  const labels = xLabels
    .map(
      (l) =>
        `<text class="chart-label" x="${coord(l.x)}" y="${coord(f.bottom + 16)}" text-anchor="middle">${escapeXml(l.text)}</text>`,
    )
    .join('');
  const zero = f.y(Math.max(f.scale.min, Math.min(0, f.scale.max)));
  const titles =
    (r.yLabel
      ? `<text class="chart-axis-title" x="${coord(f.left)}" y="${coord(f.top - 12)}" text-anchor="start">${escapeXml(r.yLabel)}</text>`
      : '') +
    (r.xLabel
      ? `<text class="chart-axis-title" x="${coord((f.left + f.right) / 2)}" y="${coord(r.height - 6)}" text-anchor="middle">${escapeXml(r.xLabel)}</text>`
      : '');
  return (
    `<g class="chart-grid" stroke="currentColor" stroke-opacity="0.15">${grid}</g>\n` +
    `<g class="chart-axis" fill="currentColor">` +
    `<line x1="${coord(f.left)}" y1="${coord(zero)}" x2="${coord(f.right)}" y2="${coord(zero)}" stroke="currentColor"/>` +
    `<line x1="${coord(f.left)}" y1="${coord(f.top)}" x2="${coord(f.left)}" y2="${coord(f.bottom)}" stroke="currentColor"/>` +
    `${ticks}${labels}${titles}</g>\n`
  );
}

function tooltip(r: Resolved, p: ChartPoint): string {
  return `<title>${escapeXml(`${p.label}: ${r.formatValue(p.value)}`)}</title>`;
}

// ---------------------------------------------------------------------------------------------
// Charts

/**
 * Where each point sits along the x axis (0 … 1) and the labels under it: evenly by index, or
 * by `x` when the points carry one (labels then on evenly spaced positions of that axis).
 */
function xLayout(r: Resolved, data: readonly ChartPoint[]): { at: number[]; labels: { at: number; text: string }[] } {
  const fraction = (offset: number, span: number): number => (span === 0 ? 0.5 : offset / span);
  if (data.every((p) => p.x !== undefined && Number.isFinite(p.x))) {
    const first = data[0]!.x!;
    const span = data[data.length - 1]!.x! - first;
    return {
      at: data.map((p) => fraction(p.x! - first, span)),
      labels: labelIndices(Math.round(span) + 1, r.maxLabels).map((offset) => ({
        at: fraction(offset, span),
        text: r.formatX(first + offset),
      })),
    };
  }
  const span = data.length - 1;
  return {
    at: data.map((_, i) => fraction(i, span)),
    labels: labelIndices(data.length, r.maxLabels).map((i) => ({ at: fraction(i, span), text: r.formatLabel(data[i]!.label) })),
  };
}

/** Runs of consecutive points to join with a line: a new run where the x gap exceeds `within`. */
function runs(data: readonly ChartPoint[], within: number): number[][] {
  const out: number[][] = [];
  data.forEach((p, i) => {
    const previous = data[i - 1];
    const joined = previous !== undefined && (p.x === undefined || previous.x === undefined || p.x - previous.x <= within);
    if (joined) out[out.length - 1]!.push(i);
    else out.push([i]);
  });
  return out;
}

/**
 * A line with a marker (`chart-point`, with a tooltip) per point, e.g. leverage per day. Points
 * with an `x` are spaced by it (calendar days, so gaps show), and with `joinWithin` the line
 * stops across a gap.
 */
export function lineChart(points: readonly ChartPoint[], options: ChartOptions): string {
  const r = resolve(options);
  const data = finitePoints(points);
  if (data.length === 0) return emptyChart(r, 'line-chart');
  const f = frame(r, data.map((p) => p.value));
  const layout = xLayout(r, data);
  const toX = (at: number): number => f.left + at * (f.right - f.left);
  const x = (i: number): number => toX(layout.at[i]!);
  const xLabels = layout.labels.map((l) => ({ x: toX(l.at), text: l.text }));
  const lines = runs(data, r.joinWithin)
    .filter((run) => run.length > 1)
    .map(
      (run) =>
        `<polyline class="chart-line" points="${run.map((i) => `${coord(x(i))},${coord(f.y(data[i]!.value))}`).join(' ')}"` +
        ` fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>\n`,
    )
    .join('');
  const markers = data
    .map((p, i) => `<circle class="chart-point" cx="${coord(x(i))}" cy="${coord(f.y(p.value))}" r="3">${tooltip(r, p)}</circle>`)
    .join('\n');
  return (
    open(r, 'line-chart', r.height, describeData(data, r.formatValue)) +
    axes(f, xLabels) +
    lines +
    `<g class="chart-points" fill="currentColor">\n${markers}\n</g>\n` +
    `</svg>\n`
  );
}

function bars(points: readonly ChartPoint[], options: ChartOptions, kind: 'bar-chart' | 'histogram'): string {
  const r = resolve(options);
  const data = finitePoints(points);
  if (data.length === 0) return emptyChart(r, kind);
  const f = frame(r, data.map((p) => p.value));
  const band = (f.right - f.left) / data.length;
  const barWidth = band * (kind === 'histogram' ? 0.92 : 0.7);
  const center = (i: number): number => f.left + band * i + band / 2;
  const xLabels = labelIndices(data.length, r.maxLabels).map((i) => ({ x: center(i), text: r.formatLabel(data[i]!.label) }));
  const barClass = kind === 'histogram' ? 'chart-bar chart-histogram-bar' : 'chart-bar';
  const rects = data
    .map((p, i) => {
      const y1 = f.y(Math.max(0, p.value));
      const y2 = f.y(Math.min(0, p.value));
      return (
        `<rect class="${barClass}" x="${coord(center(i) - barWidth / 2)}" y="${coord(y1)}"` +
        ` width="${coord(barWidth)}" height="${coord(y2 - y1)}">${tooltip(r, p)}</rect>`
      );
    })
    .join('\n');
  return (
    open(r, kind, r.height, describeData(data, r.formatValue, kind === 'histogram' ? 'categories' : 'series')) +
    axes(f, xLabels) +
    `<g class="chart-bars" fill="currentColor">\n${rects}\n</g>\n` +
    `</svg>\n`
  );
}

/** One bar per point, e.g. human-equivalent hours per day. */
export function barChart(points: readonly ChartPoint[], options: ChartOptions): string {
  return bars(points, options, 'bar-chart');
}

/**
 * Adjacent bars for buckets (e.g. the distribution of task factors); the description lists
 * every bucket. Values default to whole numbers, counted on whole-number ticks.
 */
export function histogram(buckets: readonly ChartPoint[], options: ChartOptions): string {
  return bars(
    buckets,
    { ...options, formatValue: options.formatValue ?? ((v) => formatNumber(v)), wholeTicks: options.wholeTicks ?? true },
    'histogram',
  );
}
