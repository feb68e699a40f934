/** `leverage new DATE --from-sessions`: a draft record of one day of sessions. */

import { Document } from 'yaml';
import { clockTime, printable } from './format.js';
import type { SessionDay } from './summarize.js';

export interface Draft {
  text: string;
  /** Sessions left out: no Claude time to write (a record's claude must be above zero). */
  untimed: number;
}

/**
 * One task per session with its minutes and project, the day's tokens, `draft: true`, and
 * `human:` empty — the estimate only the author can give, which `check` asks for.
 */
export function draftRecord(day: SessionDay): Draft {
  const timed = day.sessions.filter((s) => roundedMinutes(s.claudeMinutes) > 0);
  const doc = new Document({
    date: day.date,
    draft: true,
    tokens: Math.round(day.tokens.total),
    tasks: timed.map((s) => ({
      task: `${s.project === null ? 'Session' : printable(s.project)} ${clockTime(s.start)}–${clockTime(s.end)}: say what was done`,
      ...(s.project === null ? {} : { project: printable(s.project) }),
      claude: `${roundedMinutes(s.claudeMinutes)}m`,
      human: null,
    })),
  });
  const yaml = doc.toString({ nullStr: '', lineWidth: 0 });
  return {
    text: `---\n${yaml}---\n\nWhat went well, what did not, and what the numbers do not show.\n`,
    untimed: day.sessions.length - timed.length,
  };
}

/** Minutes to a tenth: `19.4`. */
function roundedMinutes(minutes: number): number {
  return Math.round(minutes * 10) / 10;
}
