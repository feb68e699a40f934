/**
 * ImportedPost → the text of a record file (records.md): YAML front matter written by the
 * `yaml` package, durations in readable forms (`4h`, `1.5h`, `19m`, `8.6m`), then the body.
 */
import { stringify } from 'yaml';
import type { ImportedPost } from './model.js';

/** A number without float noise, without thousands separators (`8.6`, `1096`). */
function plain(value: number): string {
  return String(Number(value.toFixed(6)));
}

function isWhole(value: number, scale = 1): boolean {
  return Math.abs(value * scale - Math.round(value * scale)) < 1e-9 * Math.max(1, value * scale);
}

/** A human estimate: `4h`, `1.5h`, `0.25h`; `1h 40m` or `74.04m` when hours would not be exact. */
export function formatHumanDuration(minutes: number): string {
  const hours = minutes / 60;
  if (isWhole(hours, 100)) return `${plain(hours)}h`;
  if (isWhole(minutes)) {
    const whole = Math.round(minutes);
    return whole >= 60 ? `${Math.floor(whole / 60)}h ${whole % 60}m` : `${whole}m`;
  }
  return `${plain(minutes)}m`;
}

/** Assistant or supervision time: `19m`, `105m`, `8.6m`. */
export function formatMinutesDuration(minutes: number): string {
  return `${plain(minutes)}m`;
}

export function recordFileText(post: ImportedPost): string {
  const data: Record<string, unknown> = { date: post.date };
  if (post.title !== null) data['title'] = post.title;
  if (post.model !== null) data['model'] = post.model;
  if (post.tags !== null) data['tags'] = post.tags;
  if (post.tokens !== null) data['tokens'] = post.tokens;
  if (post.tasksCompleted !== null) data['tasksCompleted'] = post.tasksCompleted;
  if (post.summary !== null) data['summary'] = post.summary;
  data['tasks'] = post.tasks.map((task) => {
    const item: Record<string, unknown> = {
      task: task.task,
      human: formatHumanDuration(task.humanMinutes),
      claude: formatMinutesDuration(task.claudeMinutes),
    };
    if (task.supervisionMinutes !== null) item['supervision'] = formatMinutesDuration(task.supervisionMinutes);
    if (task.project !== null) item['project'] = task.project;
    return item;
  });
  const frontMatter = stringify(data, { lineWidth: 0 });
  const body = post.body.trim();
  return `---\n${frontMatter}---\n${body ? `\n${body}\n` : ''}`;
}
