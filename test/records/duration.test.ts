import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/records/duration.js';
import type { DurationUnit } from '../../src/records/duration.js';

describe('parseDuration: the forms of records.md, in minutes', () => {
  it.each([
    ['4h', 'hours', 240],
    ['4 hours', 'hours', 240],
    ['1 hour', 'hours', 60],
    ['1.5h', 'hours', 90],
    ['90m', 'minutes', 90],
    ['90 min', 'minutes', 90],
    ['90 minutes', 'minutes', 90],
    ['1h 30m', 'minutes', 90],
    ['1h30m', 'minutes', 90],
    ['.5h', 'minutes', 30],
    ['0.5m', 'minutes', 0.5],
  ] as const)('%s → %d minutes', (text, unit, minutes) => {
    expect(parseDuration(text, 'claude', unit)).toEqual({ ok: true, minutes });
  });

  it('a bare number means hours for human and minutes for claude and supervision', () => {
    expect(parseDuration(4, 'human', 'hours')).toEqual({ ok: true, minutes: 240 });
    expect(parseDuration('1.5', 'human', 'hours')).toEqual({ ok: true, minutes: 90 });
    expect(parseDuration(19, 'claude', 'minutes')).toEqual({ ok: true, minutes: 19 });
    expect(parseDuration('6', 'supervision', 'minutes')).toEqual({ ok: true, minutes: 6 });
  });
});

describe('parseDuration: bad durations say what is wrong and what would be right', () => {
  it.each([
    [0, 'claude must be greater than zero, got 0'],
    ['0m', 'claude must be greater than zero, got 0m'],
    ['-3h', 'claude must be greater than zero, got -3h'],
    [-3, 'claude must be greater than zero, got -3'],
    ['soon', 'claude must be a duration, got "soon"'],
    ['30m 1h', 'claude must be a duration, got "30m 1h"'],
    ['30 1h', 'claude must be a duration, got "30 1h"'],
    ['4 days', 'claude must be a duration, got "4 days"'],
    ['1,500m', 'claude must be a duration, got "1,500m"'],
    ['', 'claude is empty'],
    [Number.POSITIVE_INFINITY, 'claude is not a finite duration, got Infinity'],
    [true, 'claude must be a duration'],
  ])('%s', (value, message) => {
    expect(parseDuration(value, 'claude', 'minutes')).toEqual({
      ok: false,
      message,
      hint: 'e.g. 19m, 1h 30m, 90 minutes, or a bare number of minutes',
    });
  });

  it('the hint of an hours field shows hours', () => {
    const result = parseDuration('soon', 'human', 'hours');
    expect(result.ok || result.hint).toBe('e.g. 4h, 1.5 hours, 90m, 1h 30m, or a bare number of hours');
  });
});

/** The durations table of README.md's "Write a day": every form with its minutes and the fields it is for. */
function readmeForms(): { form: string; minutes: number; units: DurationUnit[] }[] {
  const readme = readFileSync('README.md', 'utf8');
  const table = readme.slice(readme.indexOf('| you write | minutes | for |'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  return rows.flatMap((row) => {
    const [forms, minutes, fields] = row.split('|').slice(1, 4).map((cell) => cell.trim());
    const values = minutes!.split(', ').map(Number);
    const units: DurationUnit[] = fields === 'all' ? ['hours', 'minutes'] : fields!.includes('human') ? ['hours'] : ['minutes'];
    return [...forms!.matchAll(/`([^`]+)`/g)].map((match, i) => ({ form: match[1]!, minutes: values[Math.min(i, values.length - 1)]!, units }));
  });
}

describe('every duration form the README lists', () => {
  const forms = readmeForms();

  it('is listed (the table was found)', () => {
    expect(forms.length).toBeGreaterThan(20);
  });

  it('parses to its minutes, for the fields it is for', () => {
    for (const { form, minutes, units } of forms) {
      for (const unit of units) expect(parseDuration(form, unit === 'hours' ? 'human' : 'claude', unit), form).toEqual({ ok: true, minutes });
    }
  });

  it('parses to its minutes with any numbers in it (property)', () => {
    // Each form with its numbers replaced: the minutes scale as the form says.
    const minutesPer: Record<string, number> = { w: 2400, week: 2400, d: 480, day: 480, h: 60, hour: 60, hours: 60, hrs: 60, m: 1, min: 1, minutes: 1, s: 1 / 60, sec: 1 / 60, seconds: 1 / 60 };
    fc.assert(
      fc.property(fc.constantFrom(...forms), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 59 }), ({ form, units }, a, b) => {
        const numbers = form.match(/\d+(?:[.,]\d+)?/g)!;
        if (numbers.length === 2 && /^\d+h ?\d+m?$/.test(form)) {
          // hours and minutes
          const text = form.replace(numbers[0]!, String(a)).replace(/(\D)\d+/, `$1${b}`);
          expect(parseDuration(text, 'claude', units[0]!), text).toEqual({ ok: true, minutes: a * 60 + b });
          return;
        }
        const word = /[a-z]+/.exec(form)?.[0];
        const text = form.replace(numbers[0]!, String(a));
        const per = word ? minutesPer[word]! : units[0] === 'hours' ? 60 : 1;
        const result = parseDuration(text, 'claude', units[0]!);
        expect(result.ok && result.minutes, text).toBeCloseTo(a * per, 9);
      }),
      { numRuns: 1000, seed: 19 },
    );
  });
});

describe('forms refused, each with its reason', () => {
  it.each([
    ['4-6h', 'human is a range, got 4-6h', 'give one value, your best estimate'],
    ['4 to 6 hours', 'human is a range, got 4 to 6 hours', 'give one value, your best estimate'],
    ['~4h', 'human is marked as approximate, got ~4h', 'every figure here is an estimate: give the value without ~'],
    ['1:30', 'human looks like a clock time, got 1:30', 'write hours and minutes, e.g. human: 1h 30m'],
    ['0x10', 'human must be a plain number, got 0x10', 'write the number as digits'],
    ['1e3', 'human must be a plain number, got 1e3', 'write the number as digits'],
  ])('%s', (text, message, hint) => {
    const result = parseDuration(text, 'human', 'hours');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toBe(message);
      expect(result.hint.startsWith(hint), result.hint).toBe(true);
    }
  });

  it('a number YAML read from hexadecimal, octal or an exponent, given as written', () => {
    expect(parseDuration(16, 'claude', 'minutes', { written: '0x10' })).toMatchObject({ ok: false, message: 'claude must be a plain number, got 0x10, which YAML reads as 16' });
    // As the record reader gives it: asked for only when the value is a number.
    expect(parseDuration(16, 'claude', 'minutes', { written: () => '0x10' })).toMatchObject({ ok: false, message: 'claude must be a plain number, got 0x10, which YAML reads as 16' });
    expect(parseDuration('16', 'claude', 'minutes', { written: () => { throw new Error('asked for a text value'); } })).toEqual({ ok: true, minutes: 16 });
    expect(parseDuration(15, 'claude', 'minutes', { written: '0o17' })).toMatchObject({ ok: false });
    expect(parseDuration(1000, 'claude', 'minutes', { written: '1e3' })).toMatchObject({ ok: false });
    expect(parseDuration(16, 'claude', 'minutes', { written: '16' })).toEqual({ ok: true, minutes: 16 });
  });

  it('days and weeks only for human, seconds only for claude and supervision', () => {
    expect(parseDuration('2d', 'claude', 'minutes').ok).toBe(false);
    expect(parseDuration('30s', 'human', 'hours').ok).toBe(false);
  });

  it('a day is workWeekHours ÷ 5 hours, a week workWeekHours', () => {
    expect(parseDuration('1d', 'human', 'hours', { workWeekHours: 35 })).toEqual({ ok: true, minutes: 7 * 60 });
    expect(parseDuration('1w 2d', 'human', 'hours', { workWeekHours: 35 })).toEqual({ ok: true, minutes: 49 * 60 });
  });
});
