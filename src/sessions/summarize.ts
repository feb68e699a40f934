/**
 * The rules of sessions.md: transcript lines → per day, each session's Claude minutes and
 * tokens, and the day's totals. Pure: the same lines give the same days.
 */

import type { TokenCounts, TranscriptLine } from './transcript-line.js';
import type { ZoneClock } from './zone.js';

export interface TokenTotals extends TokenCounts {
  /** input + output + cache creation, plus cache reads with `tokensCount: all`. */
  total: number;
}

export interface DaySession {
  sessionId: string;
  /** The last segment of the session's working folder; null when no line names one. */
  project: string | null;
  /** First and last line of the session on this day, local time with offset. */
  start: string;
  end: string;
  claudeMinutes: number;
  /** True when the session has no turn durations and its active time stands in. */
  fallback: boolean;
  tokens: TokenTotals;
}

export interface SessionDay {
  date: string;
  claudeMinutes: number;
  tokens: TokenTotals;
  /** By start, oldest first. */
  sessions: DaySession[];
}

export type TokensCount = 'default' | 'all';

/** Gaps between lines up to this long count as active time in the fallback. */
const ACTIVE_GAP_MS = 5 * 60_000;

interface Tally {
  sessionId: string;
  day: string;
  startMs: number;
  endMs: number;
  turnMs: number;
  /** user and assistant timestamps, for the fallback. */
  active: number[];
  tokens: TokenCounts;
}

/** Days oldest first; `keep` picks the days wanted (all by default). */
export function summarizeDays(
  lines: Iterable<TranscriptLine>,
  clock: ZoneClock,
  tokensCount: TokensCount,
  keep: (date: string) => boolean = () => true,
): SessionDay[] {
  const unique = uniqueLines(lines);
  const sessions = sessionFacts(unique);
  const tallies = new Map<string, Tally>();
  const tallyOf = (line: TranscriptLine): Tally | null => {
    const day = clock.day(line.ms);
    if (!keep(day)) return null;
    const key = `${day}\0${line.sessionId}`;
    let tally = tallies.get(key);
    if (!tally) {
      tally = { sessionId: line.sessionId, day, startMs: line.ms, endMs: line.ms, turnMs: 0, active: [], tokens: zero() };
      tallies.set(key, tally);
    }
    return tally;
  };
  for (const line of unique) {
    const tally = tallyOf(line);
    if (!tally) continue;
    tally.startMs = Math.min(tally.startMs, line.ms);
    tally.endMs = Math.max(tally.endMs, line.ms);
    if (line.turnMs !== null && !line.sidechain) tally.turnMs += line.turnMs;
    if (line.type !== 'system') tally.active.push(line.ms);
  }
  for (const line of countedResponses(unique)) {
    const tally = tallyOf(line);
    if (tally) add(tally.tokens, line.response!.tokens);
  }

  const days = new Map<string, { startMs: number; session: DaySession }[]>();
  for (const tally of tallies.values()) {
    const facts = sessions.get(tally.sessionId)!;
    const session: DaySession = {
      sessionId: tally.sessionId,
      project: facts.project,
      start: clock.localTime(tally.startMs),
      end: clock.localTime(tally.endMs),
      claudeMinutes: (facts.timed ? tally.turnMs : activeMs(tally.active)) / 60_000,
      fallback: !facts.timed,
      tokens: withTotal(tally.tokens, tokensCount),
    };
    const day = days.get(tally.day) ?? [];
    day.push({ startMs: tally.startMs, session });
    days.set(tally.day, day);
  }
  return [...days.keys()].sort().map((date) => {
    const list = days
      .get(date)!
      .sort((a, b) => a.startMs - b.startMs || (a.session.sessionId < b.session.sessionId ? -1 : 1))
      .map((entry) => entry.session);
    const tokens = zero();
    for (const s of list) add(tokens, s.tokens);
    return {
      date,
      claudeMinutes: list.reduce((sum, s) => sum + s.claudeMinutes, 0),
      tokens: withTotal(tokens, tokensCount),
      sessions: list,
    };
  });
}

/** A line seen twice (the same transcript in two config folders) counts once. */
function uniqueLines(lines: Iterable<TranscriptLine>): TranscriptLine[] {
  const seen = new Set<string>();
  const unique: TranscriptLine[] = [];
  for (const line of lines) {
    if (line.uuid !== null) {
      if (seen.has(line.uuid)) continue;
      seen.add(line.uuid);
    }
    unique.push(line);
  }
  return unique;
}

interface SessionFacts {
  project: string | null;
  /** Whether the main chain has turn durations (newer Claude Code versions write them). */
  timed: boolean;
}

function sessionFacts(lines: readonly TranscriptLine[]): Map<string, SessionFacts & { cwdMs: number }> {
  const facts = new Map<string, SessionFacts & { cwdMs: number }>();
  for (const line of lines) {
    let f = facts.get(line.sessionId);
    if (!f) facts.set(line.sessionId, (f = { project: null, timed: false, cwdMs: Infinity }));
    if (line.turnMs !== null && !line.sidechain) f.timed = true;
    // The project is the folder the session started in.
    if (line.cwd !== null && line.ms < f.cwdMs) {
      f.cwdMs = line.ms;
      f.project = projectName(line.cwd);
    }
  }
  return facts;
}

/** The last segment of a folder path, POSIX or Windows. */
export function projectName(cwd: string): string | null {
  const segments = cwd.split(/[\\/]+/).filter((s) => s !== '');
  return segments.at(-1) ?? null;
}

/**
 * The responses whose tokens count: the copies of one response (written several times
 * while it streams, replayed by sub-agents) reduced to one — the largest, and a main-chain
 * copy over a sidechain copy of the same message. Lines without a message id count as they are.
 */
function countedResponses(lines: readonly TranscriptLine[]): TranscriptLine[] {
  const onMainChain = new Set<string>();
  for (const line of lines) {
    if (line.response?.id != null && !line.sidechain) onMainChain.add(`${line.sessionId}\0${line.response.id}`);
  }
  const best = new Map<string, TranscriptLine>();
  const counted: TranscriptLine[] = [];
  for (const line of lines) {
    const response = line.response;
    if (!response) continue;
    if (response.id === null) {
      counted.push(line);
      continue;
    }
    const message = `${line.sessionId}\0${response.id}`;
    if (line.sidechain && onMainChain.has(message)) continue;
    const key = `${message}\0${response.requestId ?? ''}`;
    const kept = best.get(key);
    if (!kept || larger(line, kept)) best.set(key, line);
  }
  return [...counted, ...best.values()];
}

function larger(a: TranscriptLine, b: TranscriptLine): boolean {
  const ta = a.response!.tokens;
  const tb = b.response!.tokens;
  const sum = (t: TokenCounts) => t.input + t.output + t.cacheCreation + t.cacheRead;
  return sum(ta) !== sum(tb) ? sum(ta) > sum(tb) : ta.output !== tb.output ? ta.output > tb.output : a.ms > b.ms;
}

/** The fallback for sessions without turn durations: the gaps shorter than five minutes. */
function activeMs(timestamps: number[]): number {
  const sorted = [...timestamps].sort((a, b) => a - b);
  let sum = 0;
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]! - sorted[i - 1]!;
    if (gap < ACTIVE_GAP_MS) sum += gap;
  }
  return sum;
}

function zero(): TokenCounts {
  return { input: 0, output: 0, cacheCreation: 0, cacheRead: 0 };
}

function add(sum: TokenCounts, more: TokenCounts): void {
  sum.input += more.input;
  sum.output += more.output;
  sum.cacheCreation += more.cacheCreation;
  sum.cacheRead += more.cacheRead;
}

function withTotal(t: TokenCounts, tokensCount: TokensCount): TokenTotals {
  const total = t.input + t.output + t.cacheCreation + (tokensCount === 'all' ? t.cacheRead : 0);
  return { input: t.input, output: t.output, cacheCreation: t.cacheCreation, cacheRead: t.cacheRead, total };
}
