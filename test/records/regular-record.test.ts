/**
 * The regular-record reader (src/records/regular-record.ts) against the full reading of a
 * record through its YAML tree: whenever it takes a file, the record and date are exactly
 * those of the full reading (fields in the same order) and there is no diagnostic; whatever
 * it leaves, parseRecord still reads the full way, with every problem reported.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { random, syntheticRecord } from '../../src/bench/synthetic.js';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { addDays } from '../../src/leverage/dates.js';
import { findRecordFiles } from '../../src/records/files.js';
import { parseRecord } from '../../src/records/parse.js';
import { readRegularRecord, regularRecordReader } from '../../src/records/regular-record.js';
import { nearMisses, subsetFile } from './front-matter-generators.js';
import { lines, parse } from './helpers.js';

const config = { ...DEFAULT_CONFIG, defaultTags: ['AI', 'Time Record'], defaultModel: 'Claude' };

function fullReading(file: string, text: string) {
  regularRecordReader.enabled = false;
  try {
    return parseRecord(file, text, config);
  } finally {
    regularRecordReader.enabled = true;
  }
}

const taken = { regular: 0, regularTotal: 0, nearMiss: 0, nearMissTotal: 0 };

/** True when the regular reader took the file; then its result is the full reading's, field order included. */
function expectSameAsFullReading(file: string, text: string): boolean {
  const regular = readRegularRecord(file, text, config);
  const full = fullReading(file, text);
  if (regular) {
    expect(full.diagnostics, text).toEqual([]);
    expect(regular, text).toEqual(full);
    expect(JSON.stringify(regular), text).toBe(JSON.stringify(full));
  }
  expect(parseRecord(file, text, config), text).toEqual(full);
  return regular !== null;
}

// --- Generators: records of the regular shape, most of them valid, with the values that matter ---

const FILES = ['records/2026-03-02.md', 'records/2026/2026-03-02-notes.md', 'records/notes.md', 'records/2026-02-30.md'];
/** Mostly right, sometimes wrong: wrong values must be left to the full reading. */
const mostly = <T>(right: fc.Arbitrary<T>, wrong: fc.Arbitrary<T>, odds = 20) =>
  fc.oneof({ arbitrary: right, weight: odds }, { arbitrary: wrong, weight: 1 });
/** Words that may start a plain value, and others (some would end it, or make it something else: left to the full reading). */
const first = fc.constantFrom('Fix', 'the', 'ü', '日本', 'C#', 'a-b');
const word = mostly(fc.constantFrom('login', 'form', '`parse()`', '**bold**', "it's", '100%', 'x:y', '#1'), fc.constantFrom(': ', ' #'), 200);
const words = fc.tuple(mostly(first, word), fc.array(word, { maxLength: 5 })).map(([head, rest]) => [head, ...rest].join(' '));
const quoted = fc.oneof(
  words.map((w) => `"${w.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`),
  words.map((w) => `'${w.replaceAll("'", "''")}'`),
);
const text = mostly(fc.oneof(words, quoted), fc.constantFrom('40', 'true', 'null', '~', '2026', '""', "''", '"  "', '"a\\tb"', '', 'a: b'));
const block = fc
  .tuple(mostly(fc.constantFrom('>-', '>', '|', '|-'), fc.constantFrom('>+', '>2', '|+')), fc.array(words, { minLength: 1, maxLength: 3 }), fc.constantFrom(2, 2, 4))
  .map(([header, below, indent]) => `${header}\n${below.map((line) => `${' '.repeat(indent)}${line}`).join('\n')}`);
const duration = (bare: string) =>
  mostly(
    fc.constantFrom('4h', '4 hours', '1 hour', '1.5h', '90m', '90 min', '1h 30m', '1h30m', bare, '0.25', '"19m"'),
    fc.constantFrom('0', '-3h', 'abc', '1e9', '.inf', 'true', '', '4h # about'),
  );

const tagList = fc
  .tuple(fc.array(mostly(fc.oneof(fc.constantFrom('AI', 'Time Record', 'ü', '"x, y"', "'a'"), words), fc.constantFrom('40', 'null', '""')), { maxLength: 4 }), fc.constantFrom(', ', ','))
  .map(([items, separator]) => `[${items.join(separator)}]`);

const topFields: Record<string, fc.Arbitrary<string>> = {
  date: mostly(fc.constantFrom('2026-03-02', '"2026-03-02"'), fc.constantFrom('2026-03-03', '2026-02-30', '20260302', '2026-03-02 # x')),
  title: fc.oneof(text, block),
  model: fc.oneof(text, block),
  tags: mostly(tagList, fc.constantFrom('AI', '', '- AI')),
  summary: fc.oneof(text, block),
  tokens: mostly(fc.constantFrom('2095000', '0'), fc.constantFrom('"2095000"', '-1', '1.5', '12345678901234567890', '0x10')),
  tasksCompleted: mostly(fc.constantFrom('4', '35'), fc.constantFrom('0', '2.5', '1')),
  draft: mostly(fc.constantFrom('true', 'false'), fc.constantFrom('yes', '"true"')),
};

/** One task: its fields in order, `task` always first so the item starts with it. */
const task = fc.tuple(
  text,
  duration('4'),
  duration('19'),
  fc.option(duration('6'), { nil: undefined }),
  fc.option(mostly(words, fc.constantFrom('12', '')), { nil: undefined }),
  fc.boolean(),
);

const regularFile = fc
  .record({
    file: mostly(fc.constantFrom(FILES[0]!, FILES[1]!), fc.constantFrom(FILES[2]!, FILES[3]!)),
    fields: fc.shuffledSubarray(Object.keys(topFields), { maxLength: 5 }).chain((keys) => fc.tuple(...keys.map((key) => topFields[key]!.map((value) => [key, value] as const)))),
    tasksAt: fc.nat(),
    tasks: fc.array(task, { minLength: 1, maxLength: 4 }),
    supervision: mostly(fc.constantFrom('all', 'none'), fc.constant('some')),
    indent: fc.constantFrom(2, 2, 0, 4),
    gap: fc.constantFrom(' ', ' ', '   '),
    body: fc.constantFrom('\nBody.\n', '\n## Notes\n\nMore.\n', '', '\n\n---\n'),
  })
  .map(({ file, fields, tasksAt, tasks, supervision, indent, gap, body }) => {
    const column = ' '.repeat(indent + 1 + gap.length);
    const taskLines = tasks.flatMap(([title, human, claude, sup, project, swap], i) => {
      const withSupervision = supervision === 'all' || (supervision === 'some' && i === 0);
      const rest = [`human: ${human}`, `claude: ${claude}`];
      if (swap) rest.reverse();
      if (withSupervision) rest.push(`supervision: ${sup ?? '6m'}`);
      if (project !== undefined) rest.push(`project: ${project}`);
      return [`${' '.repeat(indent)}-${gap}task: ${title}`, ...rest.map((line) => `${column}${line}`)];
    });
    const top = fields.map(([key, value]) => `${key}: ${value}`);
    top.splice(tasksAt % (top.length + 1), 0, ['tasks:', ...taskLines].join('\n'));
    return { file, text: `---\n${top.join('\n')}\n---${body}` };
  });

describe('the regular-record reader agrees with the full reading', () => {
  afterAll(() => {
    console.log(
      `regular-record reader took ${taken.regular}/${taken.regularTotal} generated records, ${taken.nearMiss}/${taken.nearMissTotal} near-misses`,
    );
  });

  it('on generated records of the regular shape: same record, same date, no diagnostics', () => {
    fc.assert(
      fc.property(regularFile, ({ file, text }) => {
        taken.regularTotal++;
        if (expectSameAsFullReading(file, text)) taken.regular++;
      }),
      { numRuns: 3000, seed: 20261125 },
    );
    // Many generated values are wrong on purpose (and left to the full reading): enough are taken.
    expect(taken.regular).toBeGreaterThan(taken.regularTotal * 0.15);
  });

  it('on near-misses of them (characters inserted or deleted)', () => {
    fc.assert(
      fc.property(nearMisses(regularFile.map(({ text }) => text)), fc.constantFrom(...FILES), (text, file) => {
        taken.nearMissTotal++;
        if (expectSameAsFullReading(file, text)) taken.nearMiss++;
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it("on the fast YAML reader's generated front matter", () => {
    fc.assert(
      fc.property(subsetFile, fc.constantFrom(...FILES), (text, file) => {
        expectSameAsFullReading(file, text);
      }),
      { numRuns: 2000, seed: 3 },
    );
  });
});

describe('the regular-record reader takes the records authors write', () => {
  it('every record of the example blog', async () => {
    const files = await findRecordFiles('.');
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      expect(expectSameAsFullReading(file, readFileSync(file, 'utf8')), file).toBe(true);
    }
  });

  it('300 synthetic records of the benchmark', () => {
    const rand = random(11);
    for (let i = 0; i < 300; i++) {
      const date = addDays('2020-01-01', i);
      expect(expectSameAsFullReading(`records/${date}.md`, syntheticRecord(date, rand))).toBe(true);
    }
  });
});

describe('what the regular-record reader leaves to the full reading is still reported', () => {
  const file = 'records/2026-03-02.md';
  const record = (...fields: string[]) =>
    lines('---', ...fields, 'tasks:', '  - task: Fix the login form', '    human: 4h', '    claude: 19m', '---', '', 'Body.');

  it.each([
    ['an unknown field', record('date: 2026-03-02', 'mood: good'), 'records/2026-03-02.md:3:1: warning: unknown field mood (known fields: date, title, model, tags, summary, tokens, tasksCompleted, draft, tasks)'],
    ['a date that differs from the file name', record('date: 2026-03-03'), 'records/2026-03-02.md:2:7: date 2026-03-03 differs from the date in the file name, 2026-03-02 (make them agree: fix date or rename the file)'],
    ['an empty summary', record('summary: ""'), 'records/2026-03-02.md:2:10: summary is empty (one paragraph of text)'],
    ['tasksCompleted below the rows', record('tasksCompleted: 0'), 'records/2026-03-02.md:2:17: tasksCompleted is 0, fewer than the 1 tasks listed (it counts the tasks the rows stand for: at least 1, or leave it out)'],
  ])('%s', (_name, text, message) => {
    expect(readRegularRecord(file, text, config)).toBeNull();
    expect(parse(file, text, config).seen).toContain(message);
  });

  it('a CRLF file, a BOM and a comment are read the full way, to the same record', () => {
    const plain = record('date: 2026-03-02');
    const regular = parse(file, plain, config).record;
    expect(regular).not.toBeNull();
    for (const variant of [plain.replaceAll('\n', '\r\n'), `\uFEFF${plain}`, plain.replace('tasks:', '# the day\ntasks:')]) {
      expect(readRegularRecord(file, variant, config)).toBeNull();
      expect(parse(file, variant, config).record?.tasks).toEqual(
        regular!.tasks.map((task) => ({ ...task, line: variant.includes('# the day') ? task.line + 1 : task.line })),
      );
    }
  });
});
