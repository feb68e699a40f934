/** The `tasks` list of a record: each row checked, durations turned into minutes. */

import { hasErrors } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';
import { Fields, isPlainMap } from '../config/fields.js';
import type { FieldSpec, Position } from '../config/fields.js';
import { parseDuration } from './duration.js';
import type { DurationUnit } from './duration.js';
import type { Task } from './types.js';
import { EXAMPLE_TASK } from './draft-notes.js';

const ROW_HINT = 'write each task as fields: - task: Fix the login form, then human: 4h and claude: 19m under it';

export const TASK_SPEC: FieldSpec = {
  noun: 'task field',
  known: ['task', 'human', 'claude', 'supervision', 'project'],
  hints: {
    task: 'what was done, e.g. task: Fix the login form',
    project: 'a short project name, e.g. project: Website',
  },
  misspeltIsError: true,
};

const REQUIRED: readonly (readonly [field: 'task' | 'human' | 'claude', hint: string])[] = [
  ['task', 'add task: what was done, e.g. task: Fix the login form'],
  ['human', "add human: the senior engineer's estimate, e.g. human: 4h"],
  ['claude', "add claude: the assistant's wall-clock time, e.g. claude: 19m"],
];

/** A bare human number this large is more likely minutes than hours; a leverage this large, a unit mixed up. */
const IMPLAUSIBLE_BARE_HOURS = 100;
const IMPLAUSIBLE_LEVERAGE = 1000;
const UNITS_HINT = 'a bare number means hours for human and minutes for claude';

const SUPERVISION_HINT = 'give every task a supervision time (e.g. supervision: 6m), or none';

/** One list item as read: the task when it is valid, and where things are for later checks. */
interface Row {
  n: number;
  task: Task | null;
  /** Where the row is written: asked only to report a problem. */
  at: () => Position;
  /** The row's fields when it has supervision, to place a report there. */
  supervised: Fields | null;
}

/** The rows of the record's tasks list; null when any row is wrong (the errors are in the record's diagnostics). */
export function readTasks(record: Fields, items: unknown[], workWeekHours: number): Task[] | null {
  const rows = items.map((item, index) => readRow(record, item, index + 1, workWeekHours));
  const consistent = checkSupervision(record, rows);
  const tasks = rows.map((row) => row.task);
  return consistent && tasks.every((task) => task !== null) ? (tasks as Task[]) : null;
}

function readRow(record: Fields, item: unknown, n: number, workWeekHours: number): Row {
  const path = [...record.path, 'tasks', n - 1];
  const at = () => record.at.valueAt(path);
  if (!isPlainMap(item)) {
    record.errorAt(at(), `task ${n} must be fields (task, human, claude), got ${record.at.shown(path) || 'nothing'}`, ROW_HINT);
    return { n, task: null, at, supervised: null };
  }
  const ownDiagnostics: Diagnostic[] = [];
  const fields = new Fields(item, record.at, path, TASK_SPEC, ownDiagnostics);
  for (const [name, hint] of REQUIRED) {
    if (!fields.has(name)) fields.errorAt(at(), `task ${n} is missing ${name}:`, hint);
    else if (fields.value(name) === undefined) fields.error(name, `${name} of task ${n} is empty`, hint);
  }
  const task = fields.text('task');
  if (task === EXAMPLE_TASK) {
    // It would be published as if it had been done.
    fields.warningAt(at(), 'this is still the example task that leverage new wrote', "describe what was done, with a senior engineer's estimate and the assistant's time");
  }
  const humanMinutes = duration(fields, 'human', 'hours', workWeekHours);
  const claudeMinutes = duration(fields, 'claude', 'minutes', workWeekHours);
  const supervisionMinutes = duration(fields, 'supervision', 'minutes', workWeekHours);
  if (humanMinutes !== undefined && claudeMinutes !== undefined && humanMinutes / claudeMinutes > IMPLAUSIBLE_LEVERAGE) {
    const leverage = Math.round(humanMinutes / claudeMinutes).toLocaleString('en-US');
    fields.warningAt(at(), `task ${n} has a leverage of ${leverage}x (human ${fields.shown('human')}, claude ${fields.shown('claude')}): is a unit wrong?`, UNITS_HINT);
  }
  const project = fields.text('project');
  record.diagnostics.push(...ownDiagnostics);
  const supervised = fields.value('supervision') === undefined ? null : fields;
  if (hasErrors(ownDiagnostics)) return { n, task: null, at, supervised };
  return {
    n,
    task: {
      n,
      task: task!,
      humanMinutes: humanMinutes!,
      claudeMinutes: claudeMinutes!,
      supervisionMinutes: supervisionMinutes ?? null,
      project: project ?? null,
    },
    at,
    supervised,
  };
}

/** Minutes of a duration field; undefined when absent or wrong (then with an error). */
function duration(fields: Fields, name: string, bareUnit: DurationUnit, workWeekHours: number): number | undefined {
  const value = fields.value(name);
  if (value === undefined) return undefined;
  const result = parseDuration(value, name, bareUnit, { workWeekHours, written: () => fields.shown(name) });
  if (!result.ok) return fields.error(name, result.message, result.hint);
  if (bareUnit === 'hours' && isBareNumber(value) && result.minutes >= IMPLAUSIBLE_BARE_HOURS * 60) {
    fields.warningAt(fields.valueAt(name), `${name} is ${String(value).trim()} hours: is that the unit meant?`, `${UNITS_HINT}; write the unit, e.g. ${name}: ${String(value).trim()}m`);
  }
  return result.minutes;
}

function isBareNumber(value: unknown): boolean {
  return typeof value === 'number' || (typeof value === 'string' && /^[\d.,]+$/.test(value.trim()));
}

/** Either every task has supervision or none; false, with errors at the minority, otherwise. */
function checkSupervision(record: Fields, rows: Row[]): boolean {
  const given = rows.filter((row) => row.supervised !== null);
  const missing = rows.filter((row) => row.supervised === null);
  if (given.length === 0 || missing.length === 0) return true;
  if (given.length >= missing.length) {
    for (const row of missing) {
      record.errorAt(row.at(), `task ${row.n} has no supervision, but other tasks of this record have it`, SUPERVISION_HINT);
    }
  } else {
    for (const row of given) {
      record.errorAt(row.supervised!.valueAt('supervision'), `supervision is given on only ${given.length} of ${rows.length} tasks`, SUPERVISION_HINT);
    }
  }
  return false;
}
