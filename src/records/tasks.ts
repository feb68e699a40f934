/** The `tasks` list of a record: each row checked, durations turned into minutes. */

import { isMap } from 'yaml';
import type { Node, YAMLMap } from 'yaml';
import { hasErrors } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';
import { Fields } from '../config/fields.js';
import type { FieldSpec } from '../config/fields.js';
import type { LocatedYaml, Position } from '../config/located-yaml.js';
import { parseDuration } from './duration.js';
import type { DurationUnit } from './duration.js';
import type { Task } from './types.js';

const ROW_HINT = 'write each task as fields: - task: Fix the login form, then human: 4h and claude: 19m under it';

export const TASK_SPEC: FieldSpec = {
  noun: 'task field',
  known: ['task', 'human', 'claude', 'supervision', 'project'],
  hints: {
    task: 'what was done, e.g. task: Fix the login form',
    project: 'a short project name, e.g. project: Website',
  },
};

const REQUIRED: Record<'task' | 'human' | 'claude', string> = {
  task: 'add task: what was done, e.g. task: Fix the login form',
  human: "add human: the senior engineer's estimate, e.g. human: 4h",
  claude: "add claude: the assistant's wall-clock time, e.g. claude: 19m",
};

const SUPERVISION_HINT = 'give every task a supervision time (e.g. supervision: 6m), or none';

/** One list item as read: the task when it is valid, and where things are for later checks. */
interface Row {
  n: number;
  task: Task | null;
  at: Position;
  supervisionAt: Position | null;
}

/** The rows of a tasks list; null when any row is wrong (the errors are in diagnostics). */
export function readTasks(yaml: LocatedYaml, items: Node[], diagnostics: Diagnostic[]): Task[] | null {
  const rows = items.map((item, index) => readRow(yaml, item, index + 1, diagnostics));
  const consistent = checkSupervision(yaml, rows, diagnostics);
  const tasks = rows.map((row) => row.task);
  return consistent && tasks.every((task) => task !== null) ? (tasks as Task[]) : null;
}

function readRow(yaml: LocatedYaml, item: Node, n: number, diagnostics: Diagnostic[]): Row {
  const at = yaml.of(item);
  if (!isMap(item)) {
    diagnostics.push(
      yaml.error(item, `task ${n} must be fields (task, human, claude), got ${yaml.sourceOf(item) || 'nothing'}`, ROW_HINT),
    );
    return { n, task: null, at, supervisionAt: null };
  }
  const ownDiagnostics: Diagnostic[] = [];
  const fields = new Fields(yaml, item as YAMLMap, TASK_SPEC, ownDiagnostics);
  for (const [name, hint] of Object.entries(REQUIRED)) {
    if (!fields.has(name)) ownDiagnostics.push(yaml.error(at, `task ${n} is missing ${name}:`, hint));
    else if (fields.value(name) === undefined) fields.error(name, `${name} of task ${n} is empty`, hint);
  }
  const task = fields.string('task');
  const humanMinutes = duration(fields, 'human', 'hours');
  const claudeMinutes = duration(fields, 'claude', 'minutes');
  const supervisionMinutes = duration(fields, 'supervision', 'minutes');
  const project = fields.string('project');
  diagnostics.push(...ownDiagnostics);
  const supervisionAt = fields.value('supervision') === undefined ? null : fields.valueAt('supervision');
  if (hasErrors(ownDiagnostics)) return { n, task: null, at, supervisionAt };
  return {
    n,
    task: {
      n,
      task: task!,
      humanMinutes: humanMinutes!,
      claudeMinutes: claudeMinutes!,
      supervisionMinutes: supervisionMinutes ?? null,
      project: project ?? null,
      line: at.line,
    },
    at,
    supervisionAt,
  };
}

/** Minutes of a duration field; undefined when absent or wrong (then with an error). */
function duration(fields: Fields, name: string, bareUnit: DurationUnit): number | undefined {
  const value = fields.value(name);
  if (value === undefined) return undefined;
  const result = parseDuration(value, name, bareUnit);
  if (result.ok) return result.minutes;
  return fields.error(name, result.message, result.hint);
}

/** Either every task has supervision or none; false, with errors at the minority, otherwise. */
function checkSupervision(yaml: LocatedYaml, rows: Row[], diagnostics: Diagnostic[]): boolean {
  const given = rows.filter((row) => row.supervisionAt !== null);
  const missing = rows.filter((row) => row.supervisionAt === null);
  if (given.length === 0 || missing.length === 0) return true;
  if (given.length >= missing.length) {
    for (const row of missing) {
      diagnostics.push(
        yaml.error(row.at, `task ${row.n} has no supervision, but other tasks of this record have it`, SUPERVISION_HINT),
      );
    }
  } else {
    for (const row of given) {
      diagnostics.push(
        yaml.error(row.supervisionAt!, `supervision is given on only ${given.length} of ${rows.length} tasks`, SUPERVISION_HINT),
      );
    }
  }
  return false;
}
