import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { calendarDay } from '../../src/records/record-fields.js';
import { lines, oneTask, parse } from './helpers.js';

/** The reference day of records.md: human, claude per row. */
const REFERENCE: [string, string][] = [
  ['4h', '19m'], ['6h', '25m'], ['16h', '18m'], ['40h', '25m'], ['16h', '12m'],
  ['90h', '105m'], ['64h', '49m'], ['104h', '34m'], ['64h', '30m'], ['152h', '59m'],
  ['168h', '98m'], ['240h', '110m'], ['8h', '20m'], ['4h', '4m'], ['120h', '35m'],
];

const referenceText = lines(
  '---',
  'date: 2026-03-02',
  'model: Claude Opus 4.6',
  'tags: [AI, Time Record]',
  'tokens: 2095000',
  'tasksCompleted: 35',
  'summary: >-',
  '  A marathon day of structured document authoring at scale, plus CMS work.',
  'tasks:',
  ...REFERENCE.flatMap(([human, claude], i) => [`  - task: "Task ${i + 1}"`, `    human: ${human}`, `    claude: ${claude}`]),
  '---',
  '',
  'The analysis.',
);

describe('parseRecord: the reference day', () => {
  const { record, seen } = parse('records/2026/2026-03-02.md', referenceText);

  it('reads without a problem', () => {
    expect(seen).toEqual([]);
  });

  it('has every row in minutes, in the written order', () => {
    expect(record!.tasks.map((t) => [t.n, t.humanMinutes, t.claudeMinutes])).toEqual(
      REFERENCE.map(([human, claude], i) => [i + 1, Number.parseInt(human) * 60, Number.parseInt(claude)]),
    );
    expect(record!.tasks[0]).toMatchObject({ task: 'Task 1', supervisionMinutes: null, project: null });
    expect(record!.tasks.reduce((sum, t) => sum + t.humanMinutes, 0)).toBe(65760);
    expect(record!.tasks.reduce((sum, t) => sum + t.claudeMinutes, 0)).toBe(643);
  });

  it('keeps the record fields', () => {
    expect(record).toMatchObject({
      date: '2026-03-02',
      file: 'records/2026/2026-03-02.md',
      title: 'Leverage Record: March 2, 2026',
      model: 'Claude Opus 4.6',
      tags: ['AI', 'Time Record'],
      summary: 'A marathon day of structured document authoring at scale, plus CMS work.',
      tokens: 2095000,
      tasksCompleted: 35,
      draft: false,
      body: '\nThe analysis.\n',
    });
  });
});

describe('parseRecord: defaults and optional fields', () => {
  it('takes title, model and tags from the site config, tasksCompleted from the rows', () => {
    const config = { ...DEFAULT_CONFIG, titlePattern: '{isoDate} — {date}', defaultModel: 'Claude Opus 4.6', defaultTags: ['AI'] };
    const { record } = parse('records/a.md', oneTask(), config);
    expect(record).toMatchObject({
      title: '2026-03-02 — March 2, 2026',
      model: 'Claude Opus 4.6',
      tags: ['AI'],
      summary: null,
      tokens: null,
      tasksCompleted: 1,
      draft: false,
    });
  });

  it('takes the date from a file name that starts with it', () => {
    const text = lines('---', 'tasks:', '  - { task: a, human: 1, claude: 1 }', '---');
    expect(parse('records/2026/2026-03-02-marathon.md', text).record?.date).toBe('2026-03-02');
  });

  it('reads supervision and project', () => {
    const text = lines(
      '---', 'date: 2026-03-02', 'tasks:',
      '  - { task: a, human: 1.5, claude: 1h 30m, supervision: 6, project: cms }',
      '  - { task: b, human: 90m, claude: 20, supervision: 1h }',
      '---',
    );
    const { record, seen } = parse('records/a.md', text);
    expect(seen).toEqual([]);
    expect(record!.tasks.map((t) => [t.humanMinutes, t.claudeMinutes, t.supervisionMinutes, t.project])).toEqual([
      [90, 90, 6, 'cms'],
      [90, 20, 60, null],
    ]);
  });

  it('reads draft: true', () => {
    expect(parse('records/a.md', oneTask('draft: true')).record?.draft).toBe(true);
  });
});

describe('dates are calendar days, the same in every time zone', () => {
  it('an unquoted date is the day written', () => {
    expect(parse('records/a.md', oneTask()).record?.date).toBe('2026-03-02');
  });

  it('a quoted date too', () => {
    const text = oneTask().replace('date: 2026-03-02', 'date: "2026-03-02"');
    expect(parse('records/a.md', text).record?.date).toBe('2026-03-02');
  });

  it('a YAML timestamp (a Date) is read in UTC, in any time zone', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'America/Adak', 'UTC']) {
        process.env.TZ = tz;
        expect(calendarDay(new Date(Date.UTC(2026, 2, 2)))).toBe('2026-03-02');
        expect(calendarDay(new Date(Date.UTC(2025, 11, 31)))).toBe('2025-12-31');
        expect(parse('records/a.md', oneTask()).record?.date).toBe('2026-03-02');
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
