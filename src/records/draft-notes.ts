/**
 * What the drafts `leverage new` writes say beside their fields (a plain draft, and one from
 * the assistant's logs): the optional fields commented out with an example each, the units of
 * the durations, and the example task a plain draft holds (tasks.ts warns while it is there).
 */

export const EXAMPLE_TASK = 'Describe the task; inline `code` and *emphasis* are fine';

export const DRAFT_NOTE = 'remove this line to publish the record';

export const SUMMARY_EXAMPLE = 'One paragraph on what the day was about.';

/** Optional fields of a record, as commented-out lines: `title: … # default: …`. */
export const OPTIONAL_FIELDS = {
  title: 'title: A title of your own # default: titlePattern in site.yaml',
  model: 'model: Claude Opus 4.6 # default: defaultModel in site.yaml',
  tags: 'tags: [AI, Time Record] # default: defaultTags in site.yaml',
  tokens: 'tokens: 2095000 # tokens the assistant used',
  tasksCompleted: 'tasksCompleted: 35 # when a row stands for several tasks',
};

export const HUMAN_NOTE = "a senior engineer's estimate: 4h, 1h 30m, 90m; a bare number is hours";
export const CLAUDE_NOTE = "the assistant's wall-clock time; a bare number is minutes";

/** Optional fields of a task, as commented-out lines. */
export const OPTIONAL_TASK_FIELDS = {
  supervision: 'supervision: 5m # your own time steering and reviewing: on every task or none',
  project: 'project: Website',
};
