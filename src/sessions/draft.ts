/** `leverage new DATE --from-sessions`: a draft record of one day of sessions. */

import { Document, isScalar, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { CLAUDE_NOTE, DRAFT_NOTE, HUMAN_NOTE, OPTIONAL_FIELDS, OPTIONAL_TASK_FIELDS, SUMMARY_EXAMPLE } from '../records/draft-notes.js';
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
  annotate(doc);
  const yaml = doc.toString({ nullStr: '', lineWidth: 0 });
  return {
    text: `---\n${yaml}---\n\nWhat went well, what did not, and what the numbers do not show.\n`,
    untimed: day.sessions.length - timed.length,
  };
}

/**
 * The notes a plain `leverage new` draft has (draft-notes.ts): what removing `draft` does, the
 * optional fields commented out, and at the first task the units of its durations and the
 * optional fields it does not have.
 */
function annotate(doc: Document): void {
  const record = doc.contents as YAMLMap;
  const field = (map: YAMLMap, key: string) => map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
  (field(record, 'draft')!.value as Scalar).comment = ` ${DRAFT_NOTE}`;
  const { tokens: _given, ...optional } = OPTIONAL_FIELDS;
  (field(record, 'tasks')!.key as Scalar).commentBefore = [...Object.values(optional), `summary: ${SUMMARY_EXAMPLE}`].map((line) => ` ${line}`).join('\n');
  const first = (field(record, 'tasks')!.value as YAMLSeq<YAMLMap>).items[0]!;
  (field(first, 'claude')!.value as Scalar).comment = ` ${CLAUDE_NOTE}`;
  (field(first, 'human')!.value as Scalar).comment = ` ${HUMAN_NOTE}`;
  const unused = Object.entries(OPTIONAL_TASK_FIELDS).filter(([key]) => !field(first, key));
  first.comment = unused.map(([, line]) => ` ${line}`).join('\n');
}

/** Minutes to a tenth: `19.4`. */
function roundedMinutes(minutes: number): number {
  return Math.round(minutes * 10) / 10;
}
