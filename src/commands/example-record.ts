/**
 * The record `leverage new` and `leverage init` write: a draft that shows every field, the
 * optional ones commented out, with one example task (records/draft-notes.ts has the notes).
 */
import { CLAUDE_NOTE, DRAFT_NOTE, EXAMPLE_TASK, HUMAN_NOTE, OPTIONAL_FIELDS, OPTIONAL_TASK_FIELDS, SUMMARY_EXAMPLE } from '../records/draft-notes.js';

/** Today in the author's own time zone: "today" is the day on the author's wall calendar. */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function newRecordText(date: string): string {
  return `---
date: ${date}
draft: true # ${DRAFT_NOTE}
${Object.values(OPTIONAL_FIELDS).map((line) => `# ${line}\n`).join('')}summary: >-
  ${SUMMARY_EXAMPLE}
tasks:
  - task: "${EXAMPLE_TASK}"
    human: 4h # ${HUMAN_NOTE}
    claude: 20m # ${CLAUDE_NOTE}
${Object.values(OPTIONAL_TASK_FIELDS).map((line) => `    # ${line}\n`).join('')}---

What went well, what did not, and what the numbers do not show.
`;
}
