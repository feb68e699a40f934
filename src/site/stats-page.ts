/**
 * The /stats/ page (site.md): all-time totals, charts of leverage and human-equivalent hours
 * over time, the distribution of task factors, best and worst days, per-month and per-project
 * tables. Figures come from leverage/stats.ts (weighted factors always divide totals); charts
 * are inline SVG strings made here, in the site-model stage, like the small leverage charts of
 * the home and tag pages (`leverageChart`). Every chart has a text alternative: the SVG's own
 * `<title>`/`<desc>` and a table of its data.
 *
 * The page summarises the records the build shows (with `--drafts`, drafts too), like the
 * home page's all-time figures.
 */
import type { SiteConfig } from '../config/types.js';
import { addDays, daysBetween, formatLongDate, formatMonth } from '../leverage/dates.js';
import { formatFactor, formatHumanEquivalent, formatHumanTime, formatMinutes, formatNumber } from '../leverage/format.js';
import { allTimeStats, NO_PROJECT, type DayStats, type WindowStats } from '../leverage/stats.js';
import type { LeverageRecord } from '../records/types.js';
import { barChart, histogram, lineChart, type ChartPoint } from '../render/charts.js';
import { outputPathFor, recordUrl } from './urls.js';
import type { FormattedTotals, Link, RecordContent, StatsPage, StatsSection } from './types.js';

/** Best and worst days listed. */
const TOP_DAYS = 5;
/** The small charts of the home and tag pages show at most this many (latest) records. */
export const SMALL_CHART_RECORDS = 90;

const factorTick = (value: number, decimals: number): string => `${formatNumber(value, decimals)}x`;
/** A bar's value (hours) as every table shows the same figure. */
const hoursValue = (hours: number): string => formatHumanTime(hours * 60);

/** `March 2, 2026` → `Mar 2` (axis labels; tooltips and tables keep the long date). */
function shortDate(longDate: string): string {
  const m = /^([A-Z][a-z]{2})[a-z]* (\d+), \d{4}$/.exec(longDate);
  return m ? `${m[1]} ${m[2]}` : longDate;
}

/**
 * A leverage-over-time line chart of records (oldest first): one point per record, its
 * weighted leverage, placed by its calendar day (days without a record leave a gap in the
 * line). `limit` keeps the latest records only (the description says so).
 */
export function leverageChart(
  records: readonly Pick<RecordContent, 'date' | 'dateLong' | 'totals'>[],
  options: { id: string; title?: string; limit?: number; height?: number },
): string {
  if (records.length === 0) return '';
  const shown = options.limit && records.length > options.limit ? records.slice(-options.limit) : records;
  const firstDay = shown[0]!.date;
  const points: ChartPoint[] = shown.map((r) => ({
    label: r.dateLong,
    value: r.totals.leverage,
    x: daysBetween(firstDay, r.date),
  }));
  const description =
    shown.length < records.length
      ? `Weighted leverage of each of the latest ${shown.length} of ${records.length} records.`
      : 'Weighted leverage of each record.';
  return lineChart(points, {
    id: options.id,
    title: options.title ?? 'Weighted leverage per day',
    description,
    height: options.height,
    formatValue: formatFactor,
    formatTick: factorTick,
    formatX: (day) => shortDate(formatLongDate(addDays(firstDay, day))),
    joinWithin: 1,
  });
}

function dayLink(date: string): Link {
  return { url: recordUrl(date), text: formatLongDate(date) };
}

function daysTable(days: DayStats[], caption: string): StatsSection['table'] {
  return {
    caption,
    head: ['Day', 'Tasks', 'Human equivalent', 'Claude', 'Weighted leverage'],
    rows: days.map((d) => [
      dayLink(d.date),
      formatNumber(d.tasksCompleted),
      formatHumanTime(d.humanMinutes),
      formatMinutes(d.claudeMinutes),
      formatFactor(d.leverage),
    ]),
  };
}

/**
 * Hours per calendar day of a window: a bar for every day, 0 on days without a record. A
 * window reaching back before the first record starts at the first record.
 */
function windowSection(
  window: WindowStats,
  firstDate: string,
  contents: Map<string, RecordContent>,
  workWeekHours: number,
): StatsSection {
  const from = firstDate > window.from ? firstDate : window.from;
  const points: ChartPoint[] = [];
  const rows: (string | Link)[][] = [];
  for (let date = from; date <= window.to; date = addDays(date, 1)) {
    const content = contents.get(date);
    const hours = content ? content.totals.humanMinutes / 60 : 0;
    points.push({ label: formatLongDate(date), value: hours });
    if (content) rows.push([dayLink(date), formatHumanTime(content.totals.humanMinutes), formatFactor(content.totals.leverage)]);
  }
  const t = window.totals;
  const range = `${formatLongDate(from)} to ${formatLongDate(window.to)}`;
  const heading = `Human-equivalent hours per day, last ${window.days} days`;
  return {
    heading,
    chartSvg: barChart(points, {
      id: `hours-${window.days}`,
      title: heading,
      description: `Human-equivalent hours of each calendar day from ${range}; days without a record count as 0.`,
      formatValue: hoursValue,
      formatLabel: shortDate,
      yLabel: 'hours',
    }),
    table: {
      caption: `Days with a record, ${range}`,
      head: ['Day', 'Human equivalent', 'Weighted leverage'],
      rows,
    },
    collapsed: true,
    note:
      t.records === 0
        ? `No records from ${range}.`
        : `${formatNumber(t.records)} ${t.records === 1 ? 'record' : 'records'} from ${range}: ` +
          `${formatHumanEquivalent(t.humanMinutes, workWeekHours)} of human-equivalent work at a weighted leverage of ${formatFactor(t.leverage)}.`,
  };
}

/**
 * @param sources the records shown, oldest first, aliases applied
 * @param records their content, same order
 * @param totals the all-time figures (pages.ts `formattedTotals` of every record)
 */
export function statsPage(
  sources: readonly LeverageRecord[],
  records: readonly RecordContent[],
  totals: FormattedTotals,
  config: SiteConfig,
): StatsPage {
  const url = '/stats/';
  const stats = allTimeStats(sources, { topDays: TOP_DAYS, totals: records.map((r) => r.totals) });
  const first = records[0];
  const last = records[records.length - 1];
  const page: StatsPage = {
    template: 'stats',
    url,
    outputPath: outputPathFor(url),
    title: 'Stats',
    description:
      first && last
        ? `All-time figures of ${formatNumber(records.length)} ${records.length === 1 ? 'record' : 'records'}, from ${first.dateLong} to ${last.dateLong}.`
        : 'All-time figures. No records yet.',
    totals: {
      exact: totals.exact,
      rows: totals.rows.map((row) => (row.label === 'Records' ? { ...row, label: 'Days recorded' } : row)),
    },
    totalsNote: supervisionNote(records),
    sections: [],
  };
  if (!first) return page;

  const contents = new Map(records.map((r) => [r.date, r]));
  const sections: StatsSection[] = [];

  sections.push({
    heading: 'Weighted leverage per day',
    chartSvg: leverageChart(records, { id: 'stats-leverage' }),
    table: {
      caption: 'Weighted leverage of each record',
      head: ['Day', 'Weighted leverage'],
      rows: records.map((r) => [dayLink(r.date), formatFactor(r.totals.leverage)]),
    },
    collapsed: true,
    note: "A day's weighted leverage is its total human-equivalent time divided by its total Claude time.",
  });

  const windows = distinctWindows(stats.last14, stats.last90);
  for (const window of windows) {
    const section = windowSection(window, first.date, contents, config.workWeekHours);
    const long = stats.last90;
    if (long && windows.length === 1 && window !== long && first.date < window.from) {
      section.note += ` No other record in the last ${long.days} days.`;
    }
    sections.push(section);
  }

  const buckets = stats.distribution;
  sections.push({
    heading: 'Distribution of task factors',
    chartSvg: histogram(
      buckets.map((b) => ({ label: b.label, value: b.count })),
      {
        id: 'stats-factors',
        title: 'Tasks by leverage factor',
        description: 'How many tasks (rows) had a leverage factor in each range.',
        yLabel: 'tasks',
      },
    ),
    table: {
      caption: 'Tasks (rows) by leverage factor',
      head: ['Leverage', 'Tasks', 'Human equivalent'],
      rows: buckets.map((b) => [b.label, formatNumber(b.count), formatHumanTime(b.humanMinutes)]),
    },
    note: 'Each row of The Numbers counts once, by its own factor; ranges include their lower bound.',
  });

  sections.push({
    heading: 'Best days',
    chartSvg: '',
    table: daysTable(stats.best, `The ${stats.best.length} days with the highest weighted leverage`),
    note: '',
  });
  sections.push({
    heading: 'Worst days',
    chartSvg: '',
    table: daysTable(stats.worst, `The ${stats.worst.length} days with the lowest weighted leverage`),
    note: '',
  });

  sections.push({
    heading: 'Per month',
    chartSvg: '',
    table: {
      caption: 'Figures per calendar month',
      head: ['Month', 'Days', 'Tasks', 'Human equivalent', 'Claude', 'Weighted leverage'],
      rows: stats.months.map((m) => [
        formatMonth(m.month),
        formatNumber(m.days),
        formatNumber(m.tasksCompleted),
        formatHumanTime(m.humanMinutes),
        formatMinutes(m.claudeMinutes),
        formatFactor(m.leverage),
      ]),
    },
    note: '',
  });

  const named = stats.projects.some((p) => p.project !== NO_PROJECT);
  sections.push({
    heading: 'Per project',
    chartSvg: '',
    table: named
      ? {
          caption: 'Figures per project, most human-equivalent time first',
          head: ['Project', 'Days', 'Rows', 'Human equivalent', 'Claude', 'Weighted leverage'],
          rows: stats.projects.map((p) => [
            p.project,
            formatNumber(p.days),
            formatNumber(p.rows),
            formatHumanTime(p.humanMinutes),
            formatMinutes(p.claudeMinutes),
            formatFactor(p.leverage),
          ]),
        }
      : null,
    note: named
      ? `Rows are rows of The Numbers (a row may group several tasks); ${NO_PROJECT} holds the rows without a project.`
      : 'No task names a project yet: tasks given a project are grouped here.',
  });

  page.sections = sections;
  return page;
}

/**
 * The 14- and 90-day windows worth a chart each: the 90-day one only when it holds more
 * records than the 14-day one (else it would show the same bars, further apart).
 */
export function distinctWindows(short: WindowStats | null, long: WindowStats | null): WindowStats[] {
  if (!short) return long ? [long] : [];
  if (!long || long.totals.records === short.totals.records) return [short];
  return [short, long];
}

/** What the all-time supervision figures cover, when only some records track supervision. */
function supervisionNote(records: readonly RecordContent[]): string {
  const supervised = records.filter((r) => r.hasSupervision).length;
  if (supervised === 0 || supervised === records.length) return '';
  return (
    `Supervisory time and the weighted supervisory factor cover the ${formatNumber(supervised)} of ` +
    `${formatNumber(records.length)} records that track supervision.`
  );
}
