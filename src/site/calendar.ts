/**
 * A month as a calendar: weeks of seven days, Monday first, each recorded day with its
 * weighted leverage (the number is in the cell; the shade only repeats it). Pure calendar
 * arithmetic on `YYYY-MM-DD` strings: the same grid in every time zone.
 */
import { daysInMonth, isoWeekday } from '../leverage/dates.js';
import { formatFactor } from '../leverage/format.js';

/** How many shades a recorded day can have (CSS classes `level-1` to `level-N`). */
export const CALENDAR_LEVELS = 4;

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export interface CalendarRecord {
  date: string;
  url: string;
  /** Weighted leverage of the day (Σ human ÷ Σ assistant). */
  leverage: number;
}

export interface CalendarDay {
  day: number;
  date: string;
  /** The day's record, or null for a day without one. */
  record: {
    url: string;
    /** `102.3x` */
    leverage: string;
    /** 1 (lowest of the month) to CALENDAR_LEVELS (the month's highest). */
    level: number;
  } | null;
}

/** Seven cells, Monday to Sunday; null outside the month. */
export type CalendarWeek = (CalendarDay | null)[];

/**
 * @param month `YYYY-MM`
 * @param records the month's records (others are ignored)
 */
export function monthCalendar(month: string, records: readonly CalendarRecord[]): CalendarWeek[] {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const byDate = new Map(records.filter((r) => r.date.startsWith(`${month}-`)).map((r) => [r.date, r]));
  const highest = Math.max(0, ...[...byDate.values()].map((r) => r.leverage));
  const weeks: CalendarWeek[] = [];
  let week: CalendarWeek = Array.from({ length: isoWeekday(`${month}-01`) - 1 }, () => null);
  const days = daysInMonth(year, monthNumber);
  for (let day = 1; day <= days; day++) {
    const date = `${month}-${String(day).padStart(2, '0')}`;
    const record = byDate.get(date);
    week.push({
      day,
      date,
      record: record
        ? { url: record.url, leverage: formatFactor(record.leverage), level: shade(record.leverage, highest) }
        : null,
    });
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return weeks;
}

/** The shade of a day: its leverage as a share of the month's highest, in CALENDAR_LEVELS steps. */
function shade(leverage: number, highest: number): number {
  if (!(highest > 0) || !(leverage > 0)) return 1;
  return Math.min(CALENDAR_LEVELS, Math.max(1, Math.ceil((leverage / highest) * CALENDAR_LEVELS)));
}
