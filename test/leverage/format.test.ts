import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatFactor, formatHumanEquivalent, formatMinutesWithHours, formatNumber, formatHumanTime,
  formatMinutes, formatTasksCompleted, formatTokens, roundHalfAway, formatWeeks,
} from '../../src/leverage/format.js';
import { formatLongDate, isCalendarDate } from '../../src/leverage/dates.js';

describe('rounding', () => {
  it('rounds half away from zero', () => {
    expect(roundHalfAway(0.25, 1)).toBe(0.3);
    expect(roundHalfAway(-0.25, 1)).toBe(-0.3);
    expect(roundHalfAway(183.45, 1)).toBe(183.5);
    expect(roundHalfAway(1.15, 1)).toBe(1.2); // 1.15 is 1.1499999… in binary
    expect(roundHalfAway(23 / 20, 1)).toBe(1.2);
    expect(roundHalfAway(0.04, 1)).toBe(0);
  });
});

describe('factors', () => {
  it.each([
    [12.631578947368421, '12.6x'], [96, '96x'], [183.52941176470588, '183.5x'], [102.27060653188181, '102.3x'],
    [95.96, '96x'], [0.05, '0.1x'], [1234.5, '1,234.5x'], [9.95, '10x'],
  ])('%d → %s', (value, shown) => expect(formatFactor(value)).toBe(shown));
});

describe('row durations', () => {
  it.each([
    [240, '4 hours'], [60, '1 hour'], [90, '1.5 hours'], [705, '11.75 hours'], [6000, '100 hours'],
    [90_000, '1,500 hours'], [65_760, '1,096 hours'],
  ])('human %d min → %s', (minutes, shown) => expect(formatHumanTime(minutes)).toBe(shown));

  // An estimate under an hour reads in minutes (issue 18): `human: 20m` is not "0.33 hours".
  it.each([[20, '20 min'], [15, '15 min'], [0.5, '0.5 min'], [59.5, '59.5 min'], [59.999, '1 hour']])(
    'human under an hour: %d min → %s', (minutes, shown) => expect(formatHumanTime(minutes)).toBe(shown));

  it.each([[19, '19 min'], [105, '105 min'], [0.5, '0.5 min'], [1, '1 min'], [8.6, '8.6 min']])(
    'claude %d min → %s', (minutes, shown) => expect(formatMinutes(minutes)).toBe(shown));
});

describe('aggregate values', () => {
  it('human equivalent with work weeks', () => {
    expect(formatHumanEquivalent(65_760, 40)).toBe('1,096 hours (~27.4 work weeks)');
    expect(formatHumanEquivalent(2400, 40)).toBe('40 hours (~1 work week)');
    expect(formatHumanEquivalent(60, 40)).toBe('1 hour (~0 work weeks)');
    expect(formatHumanEquivalent(705, 40)).toBe('11.75 hours (~0.3 work weeks)');
  });
  it('human equivalent under an hour: minutes alone, no "~0 work weeks"', () => {
    expect(formatHumanEquivalent(20, 40)).toBe('20 min');
  });
  it('minutes with hours', () => {
    expect(formatMinutesWithHours(643)).toBe('643 minutes (~10.7 hours)');
    expect(formatMinutesWithHours(60)).toBe('60 minutes (~1 hour)');
    expect(formatMinutesWithHours(12_345)).toBe('12,345 minutes (~205.8 hours)');
  });
  it('tokens and tasks', () => {
    expect(formatTokens(2_095_000)).toBe('~2,095,000');
    expect(formatTokens(0)).toBe('~0');
    expect(formatTasksCompleted(35, 15)).toBe('35 (grouped into 15 categories above)');
    expect(formatTasksCompleted(12, 12)).toBe('12');
    expect(formatTasksCompleted(3, 1)).toBe('3 (grouped into 1 category above)');
  });
  it('numbers and weeks', () => {
    expect(formatNumber(1_234_567.891, 2)).toBe('1,234,567.89');
    expect(formatNumber(999.999, 2)).toBe('1,000');
    expect(formatWeeks(4800, 40)).toBe('2');
  });
});

describe('calendar dates', () => {
  it('are shown the same on every machine', () => {
    expect(formatLongDate('2026-03-02')).toBe('March 2, 2026');
    expect(formatLongDate('2026-12-31')).toBe('December 31, 2026');
  });
  it('rejects days that do not exist', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-3-2')).toBe(false);
  });
});

describe('formatNumber without regular expressions for short numbers', () => {
  /** The rule as first written: split, group with a regular expression, trim zeros. */
  const reference = (value: number, decimals: number) => {
    const rounded = roundHalfAway(value, decimals);
    const [whole, fraction = ''] = Math.abs(rounded).toFixed(decimals).split('.');
    const trimmed = fraction.replace(/0+$/, '');
    return `${rounded < 0 ? '-' : ''}${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${trimmed ? `.${trimmed}` : ''}`;
  };

  it('gives the same text for any number and precision', () => {
    const values = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e22, max: 1e22 }),
      fc.integer({ min: -2_000_000, max: 2_000_000 }).map((n) => n / 100),
      fc.constantFrom(0, -0, 0.05, 0.005, 999.995, 1000, 1e21, 123456.5),
    );
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 3 }), (value, decimals) => {
        expect(formatNumber(value, decimals)).toBe(reference(value, decimals));
      }),
      { numRuns: 5000 },
    );
  });
});
