/**
 * Every bad-input example of records.md gives `path:line:column: what is wrong (what would be
 * right)`, pointing at the line and column the author has to fix.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { lines, oneTask, parse } from './helpers.js';

const FILE = 'records/a.md';

function errorsOf(text: string, file = FILE): string[] {
  const result = parse(file, text);
  expect(result.record).toBeNull();
  return result.seen;
}

describe('bad record input', () => {
  it('YAML that does not parse', () => {
    const text = lines('---', 'date: 2026-03-02', 'tasks:', '  - task: a', '    human: 4h', '   claude: 3m', '---');
    expect(errorsOf(text)).toEqual([
      'records/a.md:6:1: YAML does not parse: Sequence item without - indicator ' +
        '(check indentation, and quote values that contain ": " or start with a special character)',
    ]);
  });

  it('a YAML value with ": " inside', () => {
    const text = lines('---', 'date: 2026-03-02', 'tasks:', '  - task: Fix: the form', '---');
    expect(errorsOf(text)[0]).toMatch(/^records\/a\.md:4:11: YAML does not parse: .*\(check indentation, and quote values/);
  });

  it('a missing tasks', () => {
    expect(errorsOf(lines('---', 'date: 2026-03-02', '---', 'Body'))).toEqual([
      'records/a.md:2:1: the record has no tasks (list at least one task under tasks:, each with task, human and claude)',
    ]);
  });

  it('an empty tasks list', () => {
    expect(errorsOf(lines('---', 'date: 2026-03-02', 'tasks: []', '---'))).toEqual([
      'records/a.md:3:8: tasks is empty (list at least one task under tasks:, each with task, human and claude)',
    ]);
    expect(errorsOf(lines('---', 'date: 2026-03-02', 'tasks:', '---'))).toEqual([
      'records/a.md:3:1: tasks is empty (list at least one task under tasks:, each with task, human and claude)',
    ]);
  });

  it('a task without task, human or claude', () => {
    const text = lines(
      '---', 'date: 2026-03-02', 'tasks:',
      '  - human: 4h', '    claude: 3m',
      '  - task: b', '    claude: 3m',
      '  - task: c', '    human: 3',
      '---',
    );
    expect(errorsOf(text)).toEqual([
      'records/a.md:4:5: task 1 is missing task: (add task: what was done, e.g. task: Fix the login form)',
      "records/a.md:6:5: task 2 is missing human: (add human: the senior engineer's estimate, e.g. human: 4h)",
      "records/a.md:8:5: task 3 is missing claude: (add claude: the assistant's wall-clock time, e.g. claude: 19m)",
    ]);
  });

  it('an empty duration', () => {
    const text = lines('---', 'date: 2026-03-02', 'tasks:', '  - task: a', '    human: 4h', '    claude:', '---');
    expect(errorsOf(text)).toEqual([
      "records/a.md:6:5: claude of task 1 is empty (add claude: the assistant's wall-clock time, e.g. claude: 19m)",
    ]);
  });

  it('claude: 0, human: -3h, claude: soon', () => {
    const text = lines(
      '---', 'date: 2026-03-02', 'tasks:',
      '  - task: a', '    human: -3h', '    claude: 0',
      '  - task: b', '    human: 3', '    claude: soon',
      '---',
    );
    expect(errorsOf(text)).toEqual([
      'records/a.md:5:12: human must be greater than zero, got -3h (e.g. 4h, 1.5 hours, 90m, 1h 30m, or a bare number of hours)',
      'records/a.md:6:13: claude must be greater than zero, got 0 (e.g. 19m, 1h 30m, 90 minutes, or a bare number of minutes)',
      'records/a.md:9:13: claude must be a duration, got "soon" (e.g. 19m, 1h 30m, 90 minutes, or a bare number of minutes)',
    ]);
  });

  it('supervision on some tasks only: reported where it is the exception', () => {
    const task = (name: string, supervision?: string) => [
      `  - task: ${name}`, '    human: 3', '    claude: 3', ...(supervision ? [`    supervision: ${supervision}`] : []),
    ];
    const fewGiven = lines('---', 'date: 2026-03-02', 'tasks:', ...task('a', '3m'), ...task('b'), ...task('c'), '---');
    expect(errorsOf(fewGiven)).toEqual([
      'records/a.md:7:18: supervision is given on only 1 of 3 tasks (give every task a supervision time (e.g. supervision: 6m), or none)',
    ]);
    const fewMissing = lines('---', 'date: 2026-03-02', 'tasks:', ...task('a', '3m'), ...task('b'), ...task('c', '2m'), '---');
    expect(errorsOf(fewMissing)).toEqual([
      'records/a.md:8:5: task 2 has no supervision, but other tasks of this record have it ' +
        '(give every task a supervision time (e.g. supervision: 6m), or none)',
    ]);
  });

  it('tasksCompleted below the row count', () => {
    const text = lines(
      '---', 'date: 2026-03-02', 'tasksCompleted: 1', 'tasks:',
      '  - { task: a, human: 1, claude: 1 }', '  - { task: b, human: 1, claude: 1 }',
      '---',
    );
    expect(errorsOf(text)).toEqual([
      'records/a.md:3:17: tasksCompleted is 1, fewer than the 2 tasks listed (it counts the tasks the rows stand for: at least 2, or leave it out)',
    ]);
  });

  it('a file-name date that differs from date', () => {
    const text = lines('---', 'date: 2026-03-02', 'tasks:', '  - { task: a, human: 1, claude: 1 }', '---');
    expect(errorsOf(text, 'records/2026-03-03-late.md')).toEqual([
      'records/2026-03-03-late.md:2:7: date 2026-03-02 differs from the date in the file name, 2026-03-03 ' +
        '(make them agree: fix date or rename the file)',
    ]);
  });

  it('an unknown field: a warning naming the nearest known field', () => {
    const text = lines(
      '---', 'date: 2026-03-02', 'mood: good', 'tasks:',
      '  - task: a', '    human: 3', '    claude: 3', '    colour: red',
      '---',
    );
    const { record, seen } = parse(FILE, text);
    expect(record).not.toBeNull();
    expect(seen).toEqual([
      'records/a.md:3:1: warning: unknown field mood (known fields: date, title, model, tags, summary, tokens, tasksCompleted, draft, tasks)',
      'records/a.md:8:5: warning: unknown task field colour (known task fields: task, human, claude, supervision, project)',
    ]);
  });

  it('a field within two edits of a known one is an error naming the field meant', () => {
    const text = lines(
      '---', 'date: 2026-03-02', 'titel: A day', 'summmary: A summary', 'tag: [AI]', 'token: 5', 'tasks:',
      '  - task: a', '    humna: 3', '    human: 3', '    claude: 3', '    projet: x',
      '---',
    );
    expect(errorsOf(text)).toEqual([
      'records/a.md:3:1: unknown field titel, close to title: its value would be left out (did you mean title?)',
      'records/a.md:4:1: unknown field summmary, close to summary: its value would be left out (did you mean summary?)',
      'records/a.md:5:1: unknown field tag, close to tags: its value would be left out (did you mean tags?)',
      'records/a.md:6:1: unknown field token, close to tokens: its value would be left out (did you mean tokens?)',
      'records/a.md:9:5: unknown task field humna, close to human: its value would be left out (did you mean human?)',
      'records/a.md:12:5: unknown task field projet, close to project: its value would be left out (did you mean project?)',
    ]);
  });

  it('a misspelt claude is an error, and so is the missing claude', () => {
    const text = lines('---', 'date: 2026-03-02', 'tasks:', '  - task: a', '    human: 3', '    clade: 3', '---');
    expect(errorsOf(text)).toEqual([
      "records/a.md:4:5: task 1 is missing claude: (add claude: the assistant's wall-clock time, e.g. claude: 19m)",
      'records/a.md:6:5: unknown task field clade, close to claude: its value would be left out (did you mean claude?)',
    ]);
  });
});

describe('bad values of the other fields', () => {
  it('are each reported at the value, all at once', () => {
    const text = lines(
      '---', 'date: 2026-03-02', 'title: ""', 'tags: AI', 'tokens: 2 million', 'draft: yes', 'summary: [a]',
      'tasks:', '  - task: 42', '    human: 3', '    claude: 3', '    project: [a]', '  - oops',
      '---',
    );
    expect(errorsOf(text)).toEqual([
      'records/a.md:3:8: title is empty (text, or leave title out for the default)',
      'records/a.md:4:7: tags must be a list, got AI (a list of tags, e.g. tags: [AI, Time Record])',
      'records/a.md:5:9: tokens must be a whole number, got 2 million (a whole number, e.g. tokens: 1450000, 1,450,000, 1_450_000, 1450k, 1.45M or 2M)',
      'records/a.md:6:8: draft must be true or false, got yes (draft: true or draft: false)',
      'records/a.md:7:10: summary must be text, got [a] (one paragraph of text)',
      'records/a.md:9:11: task must be text, got 42 (put it in quotes: task: "42")',
      'records/a.md:12:14: project must be text, got [a] (a short project name, e.g. project: Website)',
      'records/a.md:13:5: task 2 must be fields (task, human, claude), got oops ' +
        '(write each task as fields: - task: Fix the login form, then human: 4h and claude: 19m under it)',
    ]);
  });

  it('a tag that is not text', () => {
    const text = lines('---', 'date: 2026-03-02', 'tags: [AI, 2026, ""]', 'tasks:', '  - { task: a, human: 1, claude: 1 }', '---');
    expect(errorsOf(text)).toEqual([
      'records/a.md:3:12: each entry of tags must be non-empty text, got 2026 (a list of tags, e.g. tags: [AI, Time Record])',
      'records/a.md:3:18: each entry of tags must be non-empty text, got "" (a list of tags, e.g. tags: [AI, Time Record])',
    ]);
  });

  it('dates that are not calendar days', () => {
    const task = '  - { task: a, human: 1, claude: 1 }';
    expect(errorsOf(lines('---', 'date: 2026-02-30', 'tasks:', task, '---'))).toEqual([
      'records/a.md:2:7: date 2026-02-30 is not a day of the calendar (a calendar day written YYYY-MM-DD, e.g. date: 2026-03-02)',
    ]);
    expect(errorsOf(lines('---', 'date: March 2', 'tasks:', task, '---'))).toEqual([
      'records/a.md:2:7: date must be a calendar day, got March 2 (a calendar day written YYYY-MM-DD, e.g. date: 2026-03-02)',
    ]);
    expect(errorsOf(lines('---', 'tasks:', task, '---'))).toEqual([
      'records/a.md:2:1: the record has no date (add date: YYYY-MM-DD, or start the file name with the date)',
    ]);
    expect(errorsOf(lines('---', 'tasks:', task, '---'), 'records/2026-02-30.md')).toEqual([
      'records/2026-02-30.md: the file name starts with 2026-02-30, which is not a day of the calendar (rename the file to a real date)',
      'records/2026-02-30.md:2:1: the record has no date (add date: YYYY-MM-DD, or start the file name with the date)',
    ]);
  });
});

describe('a tasks value that is not a list', () => {
  it('is reported once, at the value', () => {
    expect(errorsOf(lines('---', 'date: 2026-03-02', 'tasks: 5', '---'))).toEqual([
      'records/a.md:3:8: tasks must be a list, got 5 (a list of tasks, each with task, human and claude)',
    ]);
  });
});

describe('tokens people type', () => {
  it.each([
    ['1450000', 1450000], ['1,450,000', 1450000], ['1_450_000', 1450000], ['1.45M', 1450000],
    ['2M', 2000000], ['1450k', 1450000], ['"2095000"', 2095000], ["'1.5k'", 1500],
  ])('tokens: %s', (written, tokens) => {
    const { record, seen } = parse(FILE, oneTask(`tokens: ${written}`));
    expect(seen).toEqual([]);
    expect(record?.tokens).toBe(tokens);
  });

  it.each(['1,45,000', '1.4567k', 'lots', '-5', '1.5'])('tokens: %s is refused with the forms', (written) => {
    expect(errorsOf(oneTask(`tokens: ${written}`))).toEqual([
      expect.stringMatching(/^records\/a\.md:3:9: tokens must be a whole number.*, got .* \(a whole number, e\.g\. tokens: 1450000, 1,450,000, 1_450_000, 1450k, 1\.45M or 2M\)$/),
    ]);
  });
});

describe('durations in a record', () => {
  const record = (human: string, claude: string) => lines('---', 'date: 2026-03-02', 'tasks:', '  - task: a', `    human: ${human}`, `    claude: ${claude}`, '---');

  it('days, weeks, seconds, 1h30 and decimal commas, in minutes (a day is workWeekHours ÷ 5)', () => {
    const config = { ...DEFAULT_CONFIG, workWeekHours: 35 };
    const { record: day, seen } = parse(FILE, record('1d', '45 sec'), config);
    expect(seen).toEqual([]);
    expect(day!.tasks[0]).toMatchObject({ humanMinutes: 7 * 60, claudeMinutes: 0.75 });
    expect(parse(FILE, record('1,5h', '1h30')).record!.tasks[0]).toMatchObject({ humanMinutes: 90, claudeMinutes: 90 });
  });

  it('refused forms are reported at the value, with the reason', () => {
    expect(errorsOf(record('4-6h', '0x10'))).toEqual([
      'records/a.md:5:12: human is a range, got 4-6h (give one value, your best estimate; e.g. 4h, 1.5 hours, 90m, 1h 30m, or a bare number of hours)',
      'records/a.md:6:13: claude must be a plain number, got 0x10, which YAML reads as 16 (write the number as digits; e.g. 19m, 1h 30m, 90 minutes, or a bare number of minutes)',
    ]);
    expect(errorsOf(record('~4h', '1:30'))).toEqual([
      'records/a.md:5:12: human is marked as approximate, got ~4h (every figure here is an estimate: give the value without ~; e.g. 4h, 1.5 hours, 90m, 1h 30m, or a bare number of hours)',
      'records/a.md:6:13: claude looks like a clock time, got 1:30 (write hours and minutes, e.g. claude: 1h 30m)',
    ]);
  });
});

describe('implausible figures are warnings that name the units', () => {
  it('a bare human number of 100 or more', () => {
    const text = lines('---', 'date: 2026-03-02', 'tasks:', '  - task: a', '    human: 120', '    claude: 30', '---');
    const { record, seen } = parse(FILE, text);
    expect(record).not.toBeNull();
    expect(seen).toEqual([
      'records/a.md:5:12: warning: human is 120 hours: is that the unit meant? (a bare number means hours for human and minutes for claude; write the unit, e.g. human: 120m)',
    ]);
  });

  it('a task whose leverage is over 1,000x', () => {
    const text = lines('---', 'date: 2026-03-02', 'tasks:', '  - task: a', '    human: 40h', '    claude: 2', '---');
    expect(parse(FILE, text).seen).toEqual([
      'records/a.md:4:5: warning: task 1 has a leverage of 1,200x (human 40h, claude 2): is a unit wrong? (a bare number means hours for human and minutes for claude)',
    ]);
  });

  it('99 bare hours and a leverage of 1,000x are not', () => {
    const text = lines('---', 'date: 2026-03-02', 'tasks:', '  - task: a', '    human: 99', '    claude: 10', '  - task: b', '    human: 50h', '    claude: 3m', '---');
    expect(parse(FILE, text).seen).toEqual([]);
  });
});
