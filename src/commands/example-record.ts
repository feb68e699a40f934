/**
 * The record `leverage new` and `leverage init` write: a draft that shows every field, the
 * optional ones commented out, with one example task (records/tasks.ts warns about a record
 * that still holds it).
 */
import { EXAMPLE_TASK } from '../records/tasks.js';

/** Today in the author's own time zone: "today" is the day on the author's wall calendar. */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function newRecordText(date: string): string {
  return `---
date: ${date}
draft: true # remove this line to publish the record
# title: A title of your own # default: titlePattern in site.yaml
# model: Claude Opus 4.6 # default: defaultModel in site.yaml
# tags: [AI, Time Record] # default: defaultTags in site.yaml
# tokens: 2095000 # tokens the assistant used
# tasksCompleted: 35 # when a row stands for several tasks
summary: >-
  One paragraph on what the day was about.
tasks:
  - task: "${EXAMPLE_TASK}"
    human: 4h # a senior engineer's estimate: 4h, 1h 30m, 90m; a bare number is hours
    claude: 20m # the assistant's wall-clock time; a bare number is minutes
    # supervision: 5m # your own time steering and reviewing: on every task or none
    # project: Website
---

What went well, what did not, and what the numbers do not show.
`;
}
