/** Days in IANA zones through Intl, and the site options timeZone and tokensCount. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { isTimeZone, zoneClock } from '../../src/sessions/zone.js';

describe('zoneClock', () => {
  it.each([
    ['Asia/Kolkata', '2026-03-02', '2026-03-01T18:30:00.000Z'],
    ['Asia/Kathmandu', '2026-03-02', '2026-03-01T18:15:00.000Z'],
    ['Australia/Eucla', '2026-03-02', '2026-03-01T15:15:00.000Z'],
    ['UTC', '2026-03-02', '2026-03-02T00:00:00.000Z'],
    // The day summer time starts and the day it ends.
    ['Europe/Berlin', '2026-03-29', '2026-03-28T23:00:00.000Z'],
    ['Europe/Berlin', '2026-03-30', '2026-03-29T22:00:00.000Z'],
    ['America/New_York', '2026-11-01', '2026-11-01T04:00:00.000Z'],
    ['America/New_York', '2026-11-02', '2026-11-02T05:00:00.000Z'],
  ])('in %s, %s starts at %s', (zone, date, instant) => {
    const clock = zoneClock(zone);
    expect(new Date(clock.startOfDay(date)).toISOString()).toBe(instant);
    expect(clock.day(Date.parse(instant))).toBe(date);
    expect(clock.day(Date.parse(instant) - 1)).not.toBe(date);
  });

  it('writes the offset of the moment, summer time included', () => {
    const berlin = zoneClock('Europe/Berlin');
    expect(berlin.localTime(Date.parse('2026-03-29T00:59:59Z'))).toBe('2026-03-29T01:59:59+01:00');
    expect(berlin.localTime(Date.parse('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00+02:00');
    // Lord Howe moves by half an hour, at half past the UTC hour: both offsets within one hour.
    const lordHowe = zoneClock('Australia/Lord_Howe');
    expect(lordHowe.localTime(Date.parse('2026-10-03T15:29:59Z'))).toBe('2026-10-04T01:59:59+10:30');
    expect(lordHowe.localTime(Date.parse('2026-10-03T15:30:00Z'))).toBe('2026-10-04T02:30:00+11:00');
    expect(zoneClock('America/St_Johns').localTime(Date.parse('2026-01-05T12:00:00Z'))).toBe('2026-01-05T08:30:00-03:30');
  });

  it('knows IANA names and refuses others', () => {
    expect(isTimeZone('Asia/Kathmandu')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Etc/GMT+5')).toBe(true);
    // Intl takes these, but they are abbreviations, not IANA names: IST is India, Ireland or Israel.
    expect(isTimeZone('IST')).toBe(false);
    expect(isTimeZone('+05:30')).toBe(false);
  });
});

describe('site.yaml: timeZone and tokensCount', () => {
  it('reads them, with defaults when absent', () => {
    expect(parseConfig('site.yaml', 'title: X\n').config).toMatchObject({ timeZone: null, tokensCount: 'default' });
    const loaded = parseConfig('site.yaml', 'timeZone: Asia/Kolkata\ntokensCount: all\n');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.config).toMatchObject({ timeZone: 'Asia/Kolkata', tokensCount: 'all' });
  });

  it('points at a wrong value and says what would be right', () => {
    const loaded = parseConfig('site.yaml', 'timeZone: IST\ntokensCount: everything\n');
    expect(loaded.diagnostics.map((d) => `${d.line}:${d.column}: ${d.message} (${d.hint})`)).toEqual([
      '1:11: timeZone must be an IANA time zone name, got IST (an IANA time zone name, e.g. timeZone: Europe/Berlin)',
      '2:14: tokensCount must be default or all, got everything (tokensCount: default (no cache reads) or tokensCount: all)',
    ]);
    expect(loaded.config).toMatchObject({ timeZone: null, tokensCount: 'default' });
  });
});
