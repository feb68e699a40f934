/** What the records stage hands on: one validated day, durations already in minutes. */

export interface Task {
  /** 1-based row number, in the author's order. */
  n: number;
  /** Inline Markdown as the author wrote it. */
  task: string;
  humanMinutes: number;
  claudeMinutes: number;
  /** null when the record has no supervision (then no task of it has). */
  supervisionMinutes: number | null;
  project: string | null;
}

export interface LeverageRecord {
  /** Calendar day, `YYYY-MM-DD`. */
  date: string;
  /** Path relative to the root, with `/` separators (`records/2026/2026-03-02.md`). */
  file: string;
  title: string;
  model: string;
  tags: string[];
  /** Inline Markdown, or null. */
  summary: string | null;
  tokens: number | null;
  /** As given, or the number of rows. */
  tasksCompleted: number;
  draft: boolean;
  tasks: Task[];
  /** The Markdown body after the front matter ('' after a build rendered it into RecordContent.bodyHtml). */
  body: string;
  /** The line of the file the body starts on (1-based), for diagnostics about it. */
  bodyLine?: number;
}
