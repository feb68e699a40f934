/**
 * Calendar dates as strings (`YYYY-MM-DD`). No Date objects with local time: a date is the
 * same day on every machine, in every time zone.
 */

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function monthName(month: number): string {
  return MONTHS[month - 1] ?? '';
}

/** True for a real calendar day in `YYYY-MM-DD` form (2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(iso: string): [number, number, number] {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new Error(`not a calendar date: ${iso}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** `2026-03-02` → `March 2, 2026`. */
export function formatLongDate(iso: string): string {
  const [year, month, day] = parts(iso);
  return `${monthName(month)} ${day}, ${year}`;
}

/** `2026-03` → `March 2026`. */
export function formatMonth(isoMonth: string): string {
  const [year, month] = isoMonth.split('-').map(Number) as [number, number];
  return `${monthName(month)} ${year}`;
}

/** Midnight UTC of the calendar day, as RFC 3339 (`2026-03-02T00:00:00Z`), for feeds. */
export function rfc3339(iso: string): string {
  parts(iso);
  return `${iso}T00:00:00Z`;
}

/** Whole days from `a` to `b` (both calendar dates). */
export function daysBetween(a: string, b: string): number {
  return daysFrom(a, utcMillis(b));
}

/** Milliseconds of the calendar day's midnight UTC. */
export function utcMillis(iso: string): number {
  const [year, month, day] = parts(iso);
  return Date.UTC(year, month - 1, day);
}

/** Whole days from `a` to the day of `millis` (a utcMillis): daysBetween with the second date read once for many. */
export function daysFrom(a: string, millis: number): number {
  return Math.round((millis - utcMillis(a)) / 86_400_000);
}

/** The calendar day `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = parts(iso);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The day of the week of a calendar date, Monday 1 to Sunday 7 (ISO 8601). */
export function isoWeekday(iso: string): number {
  const [year, month, day] = parts(iso);
  return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
}
