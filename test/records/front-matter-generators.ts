/**
 * Generated record files for the test of the two readings of a front matter
 * (quick-yaml.test.ts): records of the usual shape, most of them valid; front matter with
 * values that matter to records and to YAML; and near-misses of both.
 */
import fc from 'fast-check';


// --- Records of the usual shape, most of them valid, with the values that matter ---

export const FILES = ['records/2026-03-02.md', 'records/2026/2026-03-02-notes.md', 'records/notes.md', 'records/2026-02-30.md'];
/** Mostly right, sometimes wrong. */
const mostly = <T>(right: fc.Arbitrary<T>, wrong: fc.Arbitrary<T>, odds = 20) =>
  fc.oneof({ arbitrary: right, weight: odds }, { arbitrary: wrong, weight: 1 });
/** Words that may start a plain value, and others (some would end it, or make it something else). */
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

export const usualFile = fc
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

// --- Front matter of many shapes, and near-misses ---


const WORDS = ['fix', 'the', 'login', 'form', 'v2', 'C#', 'a:b', "it's", 'x"y', '100%', 'ü', '日本', '(a)', 'e.g.', 'x-y', 'a\\b', '😀', '#1'];
const PLAIN_VALUES = [
  '2026-03-02', '2026-02-30', '2026-03-02T10:00:00Z', '40', '0.5', '12.50', '1e3', '-1e3', '007', '+12', '-5', '0x1F', '0o17', '1_000',
  'true', 'True', 'FALSE', 'yes', 'no', 'null', 'Null', '~', '.inf', '-.inf', '.NaN', '.5', '4h', '19m', '1h 30m', '1h30m',
  '90 minutes', '2 hours', '-3h', '0', 'Claude Opus 4.6', '12345678901234567890', '2095000', '1.5',
];
const KEYS = ['date', 'title', 'model', 'tags', 'summary', 'tokens', 'tasksCompleted', 'draft', 'tasks', 'foo', 'true', 'null', 'a-b', '_x'];
const TASK_KEYS = ['task', 'human', 'claude', 'supervision', 'project', 'clade', 'true'];

const someWords = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const plain = fc.oneof(fc.constantFrom(...PLAIN_VALUES), someWords);
const doubleQuoted = fc
  .array(fc.constantFrom('a', ' ', '\\\\', '\\"', '#', ': ', "'", 'é', 'x y', '4h', '\\n'), { maxLength: 6 })
  .map((parts) => `"${parts.join('')}"`);
const singleQuoted = fc
  .array(fc.constantFrom('a', ' ', "''", '"', '\\', '#', ': ', 'x y', '19m'), { maxLength: 6 })
  .map((parts) => `'${parts.join('')}'`);
/** Characters at the edges of plain scalars: indicators, quotes, spaces, digits. */
const edgy = fc
  .array(fc.constantFrom(...'ab :#\'"\\-?[]{},&*!|>%@`.01ex~é\u00a0日'), { minLength: 1, maxLength: 8 })
  .map((chars) => chars.join(''));
const scalar = fc.oneof({ arbitrary: plain, weight: 4 }, doubleQuoted, singleQuoted, edgy);
const flowItem = fc.oneof(fc.constantFrom('AI', 'Time Record', '40', 'null', 'a b', 'ü'), doubleQuoted, singleQuoted, edgy);
const flowList = fc
  .tuple(fc.array(flowItem, { maxLength: 4 }), fc.constantFrom(', ', ',', ' , '), fc.constantFrom('', ' '))
  .map(([items, separator, pad]) => `[${pad}${items.join(separator)}${pad}]`);
const trailing = fc.constantFrom('', '', '', ' ', '  ');

/** A value after `key:`: its text on the key's line, and lines below, indented `deeper` than the key. */
interface Value {
  head: string;
  below: string[];
  deeper: number;
}

function linesOf(key: string, value: Value, prefix: string, column: number): string[] {
  return [`${prefix}${key}:${value.head}`, ...value.below.map((line) => `${' '.repeat(column + value.deeper)}${line}`)];
}

const blockScalar: fc.Arbitrary<Value> = fc
  .tuple(fc.constantFrom('>-', '>', '|', '|-'), fc.integer({ min: 1, max: 3 }), fc.array(someWords, { minLength: 1, maxLength: 3 }))
  .map(([header, deeper, below]) => ({ head: ` ${header}`, below, deeper }));

const inlineValue: fc.Arbitrary<Value> = fc.oneof(
  { arbitrary: fc.tuple(scalar, trailing).map(([v, t]) => ({ head: ` ${v}${t}`, below: [], deeper: 0 })), weight: 6 },
  { arbitrary: flowList.map((v) => ({ head: ` ${v}`, below: [], deeper: 0 })), weight: 1 },
  { arbitrary: trailing.map((t) => ({ head: t, below: [], deeper: 0 })), weight: 1 },
  { arbitrary: blockScalar, weight: 1 },
);

const durationValue: fc.Arbitrary<Value> = fc
  .constantFrom('4h', '19m', '1h 30m', '90', '0.5', '-3h', '0', '1e3', '2 hours', 'abc', '.inf', '"4h"', '')
  .map((d) => ({ head: d === '' ? '' : ` ${d}`, below: [], deeper: 0 }));

/** One `- task: …` item: the spaces after its dash and its pairs. */
const taskItem = fc
  .tuple(
    fc.constantFrom(' ', ' ', '   '),
    fc.tuple(fc.constantFrom('task', 'task', 'project'), inlineValue),
    fc.uniqueArray(fc.tuple(fc.constantFrom(...TASK_KEYS.slice(3)), fc.oneof(durationValue, inlineValue)), { maxLength: 4, selector: ([key]) => key }),
    fc.constantFrom('human', 'claude'),
  )
  // Keys are unique but for `task` and `project`, which may repeat; near-misses add more repeats.
  .map(([gap, first, rest, last]) => {
    const required: [string, Value] = [last, { head: ' 5m', below: [], deeper: 0 }];
    return { gap, pairs: [first, ...rest, required] };
  });

function blockList(indent: number): fc.Arbitrary<string[]> {
  const dash = `${' '.repeat(indent)}-`;
  return fc.oneof(
    fc.array(scalar, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `${dash} ${item}`)),
    fc.array(taskItem, { minLength: 1, maxLength: 3 }).map((items) =>
      items.flatMap(({ gap, pairs }) => {
        const column = indent + 1 + gap.length;
        return pairs.flatMap(([key, value], i) => linesOf(key, value, i === 0 ? `${dash}${gap}` : ' '.repeat(column), column));
      }),
    ),
  );
}

/** One top-level field: its key and lines. */
const entry: fc.Arbitrary<[string, string[]]> = fc.oneof(
  {
    arbitrary: fc.tuple(fc.constantFrom(...KEYS), inlineValue).map(([key, value]): [string, string[]] => [key, linesOf(key, value, '', 0)]),
    weight: 4,
  },
  {
    arbitrary: fc
      .tuple(fc.constantFrom('tasks', 'tags', 'foo'), fc.constantFrom(0, 2, 2, 4).chain(blockList))
      .map(([key, list]): [string, string[]] => [key, [`${key}:`, ...list]]),
    weight: 2,
  },
);

/** A whole record file whose front matter is mostly in the subset. */
export const subsetFile = fc
  .tuple(
    fc.uniqueArray(entry, { minLength: 1, maxLength: 6, selector: ([key]) => key }),
    fc.constantFrom('\n', '\n', '\r\n'),
    fc.constantFrom('', '', ' '),
    fc.constantFrom('', '', '\n', '\n\n'),
    fc.constantFrom('Body.\n', '---\nBody with a rule.\n', ''),
  )
  .map(([entries, eol, afterOpening, beforeClosing, body]) => {
    return `---${afterOpening}\n${entries.flatMap(([, lines]) => lines).join('\n')}\n${beforeClosing}---\n${body}`.replace(/\n/g, eol);
  });

const NASTY = [
  '#', ' #', ': ', ':', "'", '"', '\\', '\t', '&a ', '*a', '!', '!!str ', '|', '>', '{', '}', '[', ']', ',', ' ', '  ', '\n', '\r\n',
  '\r', '-', '- ', '? ', '---', '...', '%', '@', '`', '\u00a0', '\u2028', '\u0085', '\ufeff', '\u0000', 'é', '😀', '\ud800', '~',
  '\n  ', '\n- ', '\n    ', 'key: ', 'date: ', 'task: ', '\n\n', 'x',
];
const mutation = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(fc.constantFrom(...NASTY), fc.integer({ min: 1, max: 3 })));

/** Files of `files` with a few characters inserted or deleted inside their front matter. */
export function nearMisses(files: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(files, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([file, mutations]) => {
    let text = file;
    for (const [where, change] of mutations) {
      const end = Math.max(4, text.indexOf('\n---', 3));
      const at = 3 + Math.floor(where * (end - 3));
      text = typeof change === 'number' ? text.slice(0, at) + text.slice(at + change) : text.slice(0, at) + change + text.slice(at);
    }
    return text;
  });
}

/** A subset file with a few characters inserted or deleted inside its front matter. */
export const nearMissFile = nearMisses(subsetFile);
