/** The month calendar: Monday-first weeks, each day in its weekday's column, recorded days with their factor. */
import { describe, expect, it } from 'vitest';
import { monthCalendar, type CalendarWeek } from '../../src/site/calendar.js';

/** The weekday column (0 = Monday) of each day, and the number of weeks. */
function layout(weeks: CalendarWeek[]): { columns: Map<number, number>; weeks: number } {
  const columns = new Map<number, number>();
  for (const week of weeks) {
    expect(week).toHaveLength(7);
    week.forEach((cell, column) => {
      if (cell) columns.set(cell.day, column);
    });
  }
  return { columns, weeks: weeks.length };
}

// Read off a printed calendar: the weekday of the 1st, the length and the weeks it spans.
const MONTHS = [
  { month: '2026-06', first: 'Monday', firstColumn: 0, days: 30, weeks: 5 },
  { month: '2026-09', first: 'Tuesday', firstColumn: 1, days: 30, weeks: 5 },
  { month: '2026-04', first: 'Wednesday', firstColumn: 2, days: 30, weeks: 5 },
  { month: '2026-01', first: 'Thursday', firstColumn: 3, days: 31, weeks: 5 },
  { month: '2026-05', first: 'Friday', firstColumn: 4, days: 31, weeks: 5 },
  { month: '2026-08', first: 'Saturday', firstColumn: 5, days: 31, weeks: 6 },
  { month: '2026-03', first: 'Sunday', firstColumn: 6, days: 31, weeks: 6 },
  { month: '2021-02', first: 'Monday', firstColumn: 0, days: 28, weeks: 4 },
  { month: '2024-02', first: 'Thursday', firstColumn: 3, days: 29, weeks: 5 },
  { month: '1900-02', first: 'Thursday', firstColumn: 3, days: 28, weeks: 5 },
];

describe('monthCalendar', () => {
  it.each(MONTHS)('$month starts on a $first and has $days days in $weeks weeks', ({ month, firstColumn, days, weeks }) => {
    const calendar = layout(monthCalendar(month, []));
    expect(calendar.weeks).toBe(weeks);
    expect([...calendar.columns.keys()]).toEqual(Array.from({ length: days }, (_, i) => i + 1));
    for (const [day, column] of calendar.columns) expect(column, `day ${day}`).toBe((firstColumn + day - 1) % 7);
  });

  it('gives each cell its date and leaves cells outside the month empty', () => {
    const [first, ...rest] = monthCalendar('2026-01', []);
    expect(first!.slice(0, 3)).toEqual([null, null, null]);
    expect(first![3]).toEqual({ day: 1, date: '2026-01-01', record: null });
    expect(rest[rest.length - 1]!.map((cell) => cell?.date ?? null)).toEqual([
      '2026-01-26', '2026-01-27', '2026-01-28', '2026-01-29', '2026-01-30', '2026-01-31', null,
    ]);
  });

  it('links a recorded day and shows its factor, shaded by its share of the month’s highest', () => {
    const records = [
      { date: '2026-06-01', url: '/records/2026-06-01/', leverage: 10 },
      { date: '2026-06-10', url: '/records/2026-06-10/', leverage: 50 },
      { date: '2026-06-30', url: '/records/2026-06-30/', leverage: 100 },
      // Another month's record is not this month's.
      { date: '2026-07-01', url: '/records/2026-07-01/', leverage: 1000 },
    ];
    const cells = monthCalendar('2026-06', records).flat().filter((cell) => cell?.record);
    expect(cells.map((cell) => [cell!.date, cell!.record])).toEqual([
      ['2026-06-01', { url: '/records/2026-06-01/', leverage: '10x', level: 1 }],
      ['2026-06-10', { url: '/records/2026-06-10/', leverage: '50x', level: 2 }],
      ['2026-06-30', { url: '/records/2026-06-30/', leverage: '100x', level: 4 }],
    ]);
  });
});
