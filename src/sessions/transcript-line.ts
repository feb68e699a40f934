/**
 * One line of a Claude Code transcript → the few fields the day's numbers need. Only the
 * fields of the spec's list are read: the text of prompts, answers, code and tool output is
 * never copied out of the parsed object, so it cannot reach any output.
 */

export interface TokenCounts {
  input: number;
  output: number;
  cacheCreation: number;
  cacheRead: number;
}

export interface TranscriptLine {
  type: 'user' | 'assistant' | 'system';
  /** The timestamp, milliseconds since 1970 (UTC). */
  ms: number;
  sessionId: string;
  /** The working folder, when the line names one. */
  cwd: string | null;
  sidechain: boolean;
  uuid: string | null;
  /** Milliseconds of one assistant turn, on `turn_duration` lines only. */
  turnMs: number | null;
  /** The tokens of one model response, on assistant lines with usage that the model wrote. */
  response: Response | null;
}

export interface Response {
  /** `message.id`, null when missing (then the line counts as it is). */
  id: string | null;
  requestId: string | null;
  tokens: TokenCounts;
}

/** Why a line was left out. */
export type SkipReason = 'invalidJson' | 'noTimestamp' | 'other';

const TYPES = new Set(['user', 'assistant', 'system']);
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T/;

/** A line of the transcript; the reason it was skipped; null for a blank line. */
export function readTranscriptLine(text: string): TranscriptLine | SkipReason | null {
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'invalidJson';
  }
  if (!isObject(value)) return 'other';
  const type = value.type;
  if (typeof type !== 'string' || !TYPES.has(type)) return 'other';
  const ms = typeof value.timestamp === 'string' && ISO_TIMESTAMP.test(value.timestamp) ? Date.parse(value.timestamp) : NaN;
  if (!Number.isFinite(ms)) return 'noTimestamp';
  const sessionId = nonEmptyString(value.sessionId);
  if (sessionId === null) return 'other';
  return {
    type: type as TranscriptLine['type'],
    ms,
    sessionId,
    cwd: nonEmptyString(value.cwd),
    sidechain: value.isSidechain === true,
    uuid: nonEmptyString(value.uuid),
    turnMs: type === 'system' && value.subtype === 'turn_duration' ? count(value.durationMs) : null,
    response: type === 'assistant' ? readResponse(value) : null,
  };
}

function readResponse(line: Record<string, unknown>): Response | null {
  const message = line.message;
  if (!isObject(message) || message.model === '<synthetic>' || !isObject(message.usage)) return null;
  const usage = message.usage;
  return {
    id: nonEmptyString(message.id),
    requestId: nonEmptyString(line.requestId),
    tokens: {
      input: count(usage.input_tokens),
      output: count(usage.output_tokens),
      cacheCreation: count(usage.cache_creation_input_tokens),
      cacheRead: count(usage.cache_read_input_tokens),
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A count from the log: a finite number ≥ 0, else 0 (missing, null, or garbled). */
function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}
