/** What `leverage sessions` prints: a table per day, or the JSON of sessions.md. */

import type { SkipCounts } from './read.js';
import type { DaySession, SessionDay } from './summarize.js';

const MINUTES = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatMinutes(minutes: number): string {
  return `${MINUTES.format(minutes)} min`;
}

/** Names from the logs are folder names: shown without control characters, which would drive the terminal. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

export function projectLabel(session: DaySession): string {
  return session.project === null ? '(no folder)' : printable(session.project);
}

/** `09:12` of `2026-03-02T09:12:00+05:30`. */
export function clockTime(localTime: string): string {
  return localTime.slice(11, 16);
}

export function formatDays(days: readonly SessionDay[]): string {
  const rows: string[][] = [];
  const out: string[] = [];
  for (const day of days) {
    rows.length = 0;
    for (const s of day.sessions) {
      rows.push([
        `${clockTime(s.start)}–${clockTime(s.end)}`,
        projectLabel(s),
        s.sessionId.slice(0, 8),
        formatMinutes(s.claudeMinutes) + (s.fallback ? '*' : ' '),
        `${COUNT.format(s.tokens.total)} tokens`,
      ]);
    }
    rows.push(['total', '', '', `${formatMinutes(day.claudeMinutes)} `, `${COUNT.format(day.tokens.total)} tokens`]);
    out.push(day.date, ...table(rows).map((line) => `  ${line}`), '');
  }
  return out.join('\n');
}

/** Columns padded to their widest cell; numbers (the last two) aligned right. */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c >= 3 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd());
}

export function fallbackNote(days: readonly SessionDay[]): string | null {
  const ids = new Set(days.flatMap((d) => d.sessions.filter((s) => s.fallback).map((s) => s.sessionId)));
  if (ids.size === 0) return null;
  return `* active time (gaps under 5 minutes) for ${ids.size} ${ids.size === 1 ? 'session' : 'sessions'} whose log has no turn durations (older Claude Code)`;
}

export function skippedNote(skipped: SkipCounts): string | null {
  const total = skipped.invalidJson + skipped.noTimestamp + skipped.other;
  if (total === 0) return null;
  const parts = [
    skipped.invalidJson && `${skipped.invalidJson} not valid JSON (or cut off)`,
    skipped.noTimestamp && `${skipped.noTimestamp} without a timestamp`,
    skipped.other && `${skipped.other} of other kinds (summaries, snapshots, …)`,
  ].filter(Boolean);
  return `Skipped ${total} ${total === 1 ? 'line' : 'lines'}: ${parts.join(', ')}.`;
}

/** The JSON of sessions.md. */
export function daysJson(days: readonly SessionDay[], skipped: SkipCounts): string {
  return `${JSON.stringify({ days, skipped }, null, 2)}\n`;
}
