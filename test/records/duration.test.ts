import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/records/duration.js';

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
    ['1h 30', 'claude must be a duration, got "1h 30"'],
    ['4 days', 'claude must be a duration, got "4 days"'],
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
