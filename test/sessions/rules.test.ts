/** The rules of sessions.md, one fixture per rule: transcript lines → days. */
import { describe, expect, it } from 'vitest';
import { readLines } from '../../src/sessions/read.js';
import type { SkipCounts } from '../../src/sessions/read.js';
import { summarizeDays } from '../../src/sessions/summarize.js';
import type { TokensCount } from '../../src/sessions/summarize.js';
import { zoneClock } from '../../src/sessions/zone.js';
import { assistantLine, turnLine, userLine } from './transcripts.js';

function days(lines: string[], zone = 'UTC', tokensCount: TokensCount = 'default') {
  const skipped: SkipCounts = { invalidJson: 0, noTimestamp: 0, other: 0 };
  const read = readLines(lines.join('\n'), skipped);
  return { days: summarizeDays(read, zoneClock(zone), tokensCount), skipped };
}

const onlySession = (lines: string[], zone = 'UTC') => {
  const result = days(lines, zone).days;
  expect(result).toHaveLength(1);
  expect(result[0]!.sessions).toHaveLength(1);
  return result[0]!.sessions[0]!;
};

describe('tokens', () => {
  it('counts a streamed response once, with its largest copy', () => {
    const copy = (output: number, second: number) =>
      assistantLine({ timestamp: `2026-03-02T10:00:0${second}.000Z`, messageId: 'msg_1', requestId: 'req_1', usage: { input: 12, output, cacheCreation: 2100, cacheRead: 81000 } });
    const session = onlySession([copy(10, 1), copy(840, 3), copy(300, 2)]);
    expect(session.tokens).toEqual({ input: 12, output: 840, cacheCreation: 2100, cacheRead: 81000, total: 12 + 840 + 2100 });
  });

  it('counts a response a sub-agent replays once, the main chain copy over the sidechain copy', () => {
    const session = onlySession([
      assistantLine({ timestamp: '2026-03-02T10:00:00Z', messageId: 'msg_1', requestId: 'req_1', usage: { input: 5, output: 100 } }),
      assistantLine({ timestamp: '2026-03-02T10:01:00Z', messageId: 'msg_1', requestId: 'req_9', isSidechain: true, usage: { input: 5, output: 900 } }),
      assistantLine({ timestamp: '2026-03-02T10:02:00Z', messageId: 'msg_2', requestId: 'req_2', isSidechain: true, usage: { input: 1, output: 7 } }),
    ]);
    expect(session.tokens).toMatchObject({ input: 6, output: 107 });
  });

  it('de-duplicates by message.id alone where requestId is missing', () => {
    const session = onlySession([
      assistantLine({ timestamp: '2026-03-02T10:00:00Z', messageId: 'msg_1', requestId: null, usage: { output: 50 } }),
      assistantLine({ timestamp: '2026-03-02T10:00:01Z', messageId: 'msg_1', requestId: null, usage: { output: 70 } }),
      assistantLine({ timestamp: '2026-03-02T10:00:02Z', messageId: 'msg_2', requestId: null, usage: { output: 1 } }),
    ]);
    expect(session.tokens.output).toBe(71);
  });

  it('counts lines without message.id as they are', () => {
    const line = (s: number) => assistantLine({ timestamp: `2026-03-02T10:00:0${s}Z`, messageId: null, requestId: 'req_1', usage: { output: 10 } });
    expect(onlySession([line(1), line(2)]).tokens.output).toBe(20);
  });

  it('does not count <synthetic> messages', () => {
    const session = onlySession([
      assistantLine({ timestamp: '2026-03-02T10:00:00Z', model: '<synthetic>', usage: { input: 999, output: 999 } }),
      assistantLine({ timestamp: '2026-03-02T10:00:01Z', usage: { input: 1, output: 2 } }),
    ]);
    expect(session.tokens).toMatchObject({ input: 1, output: 2 });
  });

  it('takes missing cache counts as 0, and adds cache reads to the total only with tokensCount: all', () => {
    const lines = [
      assistantLine({ timestamp: '2026-03-02T10:00:00Z', usage: { input: 1, output: 2 } }),
      assistantLine({ timestamp: '2026-03-02T10:00:01Z', usage: { input: 1, output: 2, cacheCreation: 3, cacheRead: 1000 } }),
    ];
    expect(days(lines).days[0]!.tokens).toEqual({ input: 2, output: 4, cacheCreation: 3, cacheRead: 1000, total: 9 });
    expect(days(lines, 'UTC', 'all').days[0]!.tokens.total).toBe(1009);
  });

  it('counts a line seen twice (same uuid) once', () => {
    const line = assistantLine({ timestamp: '2026-03-02T10:00:00Z', uuid: 'same', messageId: null, usage: { output: 10 } });
    const turn = turnLine({ timestamp: '2026-03-02T10:00:01Z', uuid: 'same-turn', durationMs: 60_000 });
    const session = onlySession([line, turn, line, turn]);
    expect(session.tokens.output).toBe(10);
    expect(session.claudeMinutes).toBe(1);
  });
});

describe('Claude minutes', () => {
  it('sums the main chain turn durations; sub-agent turns are inside them', () => {
    const session = onlySession([
      userLine({ timestamp: '2026-03-02T10:00:00Z' }),
      turnLine({ timestamp: '2026-03-02T10:01:30Z', durationMs: 88_947 }),
      turnLine({ timestamp: '2026-03-02T10:01:00Z', durationMs: 50_000, isSidechain: true }),
      turnLine({ timestamp: '2026-03-02T11:00:00Z', durationMs: 31_053 }),
    ]);
    expect(session.claudeMinutes).toBe(2);
    expect(session.fallback).toBe(false);
  });

  it('falls back to active time (gaps under 5 minutes) for an old session without turn durations', () => {
    const at = (t: string) => `2026-03-02T${t}Z`;
    const session = onlySession([
      userLine({ timestamp: at('10:00:00') }),
      assistantLine({ timestamp: at('10:02:00') }),
      userLine({ timestamp: at('10:04:30') }),
      assistantLine({ timestamp: at('10:20:00') }), // a 15.5-minute pause: not counted
      userLine({ timestamp: at('10:21:00') }),
    ]);
    expect(session.claudeMinutes).toBe(5.5);
    expect(session.fallback).toBe(true);
  });

  it('gives the same result for lines out of time order', () => {
    const lines = [
      userLine({ timestamp: '2026-03-02T10:00:00Z' }),
      assistantLine({ timestamp: '2026-03-02T10:03:00Z', usage: { output: 3 } }),
      userLine({ timestamp: '2026-03-02T10:04:00Z' }),
      assistantLine({ timestamp: '2026-03-02T10:06:00Z', usage: { output: 4 } }),
    ];
    const shuffled = [lines[3]!, lines[1]!, lines[0]!, lines[2]!];
    const session = onlySession(shuffled);
    expect(session).toEqual(onlySession(lines));
    expect(session.start).toBe('2026-03-02T10:00:00+00:00');
    expect(session.end).toBe('2026-03-02T10:06:00+00:00');
    expect(session.claudeMinutes).toBe(6);
  });
});

describe('which day', () => {
  it('splits a session across midnight into the lines of each day', () => {
    const result = days([
      userLine({ timestamp: '2026-03-02T23:50:00Z' }),
      turnLine({ timestamp: '2026-03-02T23:55:00Z', durationMs: 120_000 }),
      assistantLine({ timestamp: '2026-03-02T23:54:00Z', usage: { output: 5 } }),
      turnLine({ timestamp: '2026-03-03T00:10:00Z', durationMs: 180_000 }),
      assistantLine({ timestamp: '2026-03-03T00:09:00Z', usage: { output: 7 } }),
    ]).days;
    expect(result.map((d) => [d.date, d.claudeMinutes, d.tokens.output])).toEqual([
      ['2026-03-02', 2, 5],
      ['2026-03-03', 3, 7],
    ]);
    expect(result[1]!.sessions[0]!.start).toBe('2026-03-03T00:09:00+00:00');
  });

  it.each([
    // zone, instant, its local day and time
    ['Asia/Kolkata', '2026-03-02T18:29:59Z', '2026-03-02T23:59:59+05:30'],
    ['Asia/Kolkata', '2026-03-02T18:30:00Z', '2026-03-03T00:00:00+05:30'],
    ['Asia/Kathmandu', '2026-03-02T18:14:59Z', '2026-03-02T23:59:59+05:45'],
    ['Asia/Kathmandu', '2026-03-02T18:15:00Z', '2026-03-03T00:00:00+05:45'],
    ['Australia/Eucla', '2026-03-02T15:14:59Z', '2026-03-02T23:59:59+08:45'],
    ['Australia/Eucla', '2026-03-02T15:15:00Z', '2026-03-03T00:00:00+08:45'],
    ['America/St_Johns', '2026-07-02T02:30:00Z', '2026-07-02T00:00:00-02:30'],
    ['America/St_Johns', '2026-07-02T02:29:00Z', '2026-07-01T23:59:00-02:30'],
  ])('in %s, %s is %s', (zone, instant, local) => {
    const session = onlySession([userLine({ timestamp: instant })], zone);
    expect(session.start).toBe(local);
    expect(days([userLine({ timestamp: instant })], zone).days[0]!.date).toBe(local.slice(0, 10));
  });

  it('orders days oldest first and sessions by start', () => {
    const result = days([
      userLine({ timestamp: '2026-03-03T09:00:00Z', sessionId: 'b' }),
      userLine({ timestamp: '2026-03-02T12:00:00Z', sessionId: 'c' }),
      userLine({ timestamp: '2026-03-02T08:00:00Z', sessionId: 'd' }),
    ]).days;
    expect(result.map((d) => [d.date, d.sessions.map((s) => s.sessionId)])).toEqual([
      ['2026-03-02', ['d', 'c']],
      ['2026-03-03', ['b']],
    ]);
  });
});

describe('lines that do not count', () => {
  it('skips and counts invalid, truncated, timestamp-less and other lines without failing', () => {
    const good = userLine({ timestamp: '2026-03-02T10:00:00Z' });
    const result = days([
      good,
      '{"type":"user","timestamp":',
      'not json at all',
      JSON.stringify({ type: 'user', sessionId: 's', message: { content: 'x' } }),
      JSON.stringify({ type: 'user', timestamp: null, sessionId: 's' }),
      JSON.stringify({ type: 'user', timestamp: 'yesterday', sessionId: 's' }),
      JSON.stringify({ type: 'summary', summary: 'x', leafUuid: 'u' }),
      JSON.stringify({ type: 'file-history-snapshot' }),
      JSON.stringify([1, 2]),
      'null',
      '',
      good.slice(0, 30),
    ]);
    expect(result.skipped).toEqual({ invalidJson: 3, noTimestamp: 3, other: 4 });
    expect(result.days).toHaveLength(1);
  });

  it('reads nulls in any field as missing', () => {
    const line = (fields: Record<string, unknown>) =>
      JSON.stringify({ type: 'assistant', timestamp: '2026-03-02T10:00:00Z', sessionId: 's', ...fields });
    const result = days([
      line({ cwd: null, isSidechain: null, uuid: null, requestId: null, message: null }),
      line({ message: { id: null, model: null, usage: null } }),
      line({ message: { id: 'm', usage: { input_tokens: null, output_tokens: 4, cache_creation_input_tokens: null, cache_read_input_tokens: null } } }),
      JSON.stringify({ type: 'system', subtype: 'turn_duration', durationMs: null, timestamp: '2026-03-02T10:00:01Z', sessionId: 's' }),
    ]);
    const session = result.days[0]!.sessions[0]!;
    expect(session.project).toBeNull();
    expect(session.tokens).toEqual({ input: 0, output: 4, cacheCreation: 0, cacheRead: 0, total: 4 });
    expect(session.claudeMinutes).toBe(0);
  });

  it('names the project after the last segment of cwd, on POSIX and Windows', () => {
    expect(onlySession([userLine({ timestamp: '2026-03-02T10:00:00Z', cwd: '/home/me/my-site/' })]).project).toBe('my-site');
    expect(onlySession([userLine({ timestamp: '2026-03-02T10:00:00Z', cwd: 'C:\\Users\\me\\cms' })]).project).toBe('cms');
  });
});
