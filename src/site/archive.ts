/**
 * The archive: `/archive/` (every year and month, newest first), a page per year and a page
 * per month (its Aggregate rows, a calendar and its records). Month and year figures are
 * weighted over the period (Σ human ÷ Σ assistant), never a mean of days.
 */
import type { SiteConfig } from '../config/types.js';
import { formatMonth, monthName } from '../leverage/dates.js';
import { formatNumber } from '../leverage/format.js';
import { seriesTotals } from '../leverage/numbers.js';
import { formattedTotals, listFigures } from './aggregate.js';
import { monthCalendar, WEEKDAYS } from './calendar.js';
import { lazy, listed, LISTED, newestDate } from './listing.js';
import { ARCHIVE_URL, monthUrl, outputPathFor, yearUrl } from './urls.js';
import type {
  ArchivePage,
  ArchiveYear,
  Link,
  MonthPage,
  PageSpec,
  PeriodRow,
  RecordSet,
  RecordSummary,
  YearPage,
} from './types.js';

interface Period {
  /** `2026` or `2026-03`. */
  key: string;
  /** Oldest first. */
  records: RecordSummary[];
  indexes: number[];
}

interface Year extends Period {
  /** Oldest first. */
  months: Period[];
}

/** The archive page, then each year's page and each month's, oldest first. */
export function archivePages(records: RecordSet, config: SiteConfig): PageSpec[] {
  const years = groupByPeriod(records.summaries);
  const archive = lazy(() => years.map(archiveYear).reverse());
  return [
    archivePage(records.summaries, archive),
    ...years.flatMap((year, y) => [
      yearPage(year, years[y - 1] ?? null, years[y + 1] ?? null, config),
      ...year.months.map((month, m) =>
        monthPage(month, records, config, neighbour(years, y, m, -1), neighbour(years, y, m, 1)),
      ),
    ]),
  ];
}

function groupByPeriod(summaries: readonly RecordSummary[]): Year[] {
  const years: Year[] = [];
  summaries.forEach((summary, index) => {
    const yearKey = summary.date.slice(0, 4);
    const monthKey = summary.date.slice(0, 7);
    let year = years[years.length - 1];
    if (year?.key !== yearKey) years.push((year = { key: yearKey, records: [], indexes: [], months: [] }));
    let month = year.months[year.months.length - 1];
    if (month?.key !== monthKey) year.months.push((month = { key: monthKey, records: [], indexes: [] }));
    for (const period of [year, month]) {
      period.records.push(summary);
      period.indexes.push(index);
    }
  });
  return years;
}

/** The month with records before (-1) or after (1) month `m` of year `y`. */
function neighbour(years: Year[], y: number, m: number, step: -1 | 1): Period | null {
  const months = years[y]!.months;
  const inYear = months[m + step];
  if (inYear) return inYear;
  const year = years[y + step];
  if (!year) return null;
  return step < 0 ? year.months[year.months.length - 1]! : year.months[0]!;
}

function periodRow(period: Period, link: Link): PeriodRow {
  const totals = seriesTotals(period.records.map((r) => r.totals));
  const figures = listFigures(totals);
  return { link, records: formatNumber(totals.records), human: figures.human, claude: figures.claude, leverage: figures.leverage };
}

/** `2026-03` → the month's page, `March 2026`. */
export function monthLink(month: string): Link {
  return { url: monthUrl(month), text: formatMonth(month) };
}
const yearLink = (year: Period): Link => ({ url: yearUrl(year.key), text: year.key });

function archiveYear(year: Year): ArchiveYear {
  return {
    total: periodRow(year, yearLink(year)),
    months: year.months
      .map((month) => periodRow(month, { url: monthUrl(month.key), text: monthName(Number(month.key.slice(5))) }))
      .reverse(),
  };
}

function archivePage(summaries: readonly RecordSummary[], years: () => ArchiveYear[]): PageSpec {
  const url = ARCHIVE_URL;
  return {
    template: 'archive',
    url,
    outputPath: outputPathFor(url),
    dependsOn: [{ records: 'all', parts: ['numbers'] }],
    lastmod: newestDate(summaries),
    model: (): ArchivePage => ({
      template: 'archive',
      url,
      outputPath: outputPathFor(url),
      title: 'Archive',
      description: 'Every month of records, newest first, with its figures.',
      years: years(),
    }),
  };
}

function yearPage(year: Year, previous: Year | null, next: Year | null, config: SiteConfig): PageSpec {
  const url = yearUrl(year.key);
  return {
    template: 'year',
    url,
    outputPath: outputPathFor(url),
    dependsOn: [
      { records: year.records.map((r) => r.date), parts: ['numbers'] },
      { value: `${previous?.key ?? ''}\0${next?.key ?? ''}` },
    ],
    lastmod: newestDate(year.records),
    model: (): YearPage => ({
      template: 'year',
      url,
      outputPath: outputPathFor(url),
      title: year.key,
      description: `Every month of ${year.key} with its figures.`,
      year: archiveYear(year),
      totals: formattedTotals(year.records, config),
      previous: previous && yearLink(previous),
      next: next && yearLink(next),
    }),
  };
}

function monthPage(month: Period, records: RecordSet, config: SiteConfig, previous: Period | null, next: Period | null): PageSpec {
  const url = monthUrl(month.key);
  const title = formatMonth(month.key);
  return {
    template: 'month',
    url,
    outputPath: outputPathFor(url),
    // The totals, the calendar and the list show the month's records; the links its neighbours.
    dependsOn: [
      { records: month.records.map((r) => r.date), parts: LISTED },
      { value: `${previous?.key ?? ''}\0${next?.key ?? ''}` },
    ],
    lastmod: newestDate(month.records),
    model: (): MonthPage => ({
      template: 'month',
      url,
      outputPath: outputPathFor(url),
      title,
      description: `The records of ${title}: their totals and a calendar of the month.`,
      month: month.key,
      year: { url: yearUrl(month.key.slice(0, 4)), text: month.key.slice(0, 4) },
      totals: formattedTotals(month.records, config),
      calendar: {
        weekdays: WEEKDAYS.map((name) => ({ name, short: name.slice(0, 3) })),
        weeks: monthCalendar(
          month.key,
          month.records.map((r) => ({ date: r.date, url: r.url, leverage: r.totals.leverage })),
        ),
      },
      records: month.indexes.map((i) => listed(records.content(i))),
      previous: previous && monthLink(previous.key),
      next: next && monthLink(next.key),
    }),
  };
}
