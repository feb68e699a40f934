/**
 * Generated record files for the tests of the front-matter readers (fast-yaml.test.ts,
 * regular-record.test.ts): the fast YAML reader's subset, with values that matter to records
 * and to YAML, and near-misses of it.
 */
import fc from 'fast-check';


const WORDS = ['fix', 'the', 'login', 'form', 'v2', 'C#', 'a:b', "it's", 'x"y', '100%', 'ü', '日本', '(a)', 'e.g.', 'x-y', 'a\\b', '😀', '#1'];
const PLAIN_VALUES = [
  '2026-03-02', '2026-02-30', '2026-03-02T10:00:00Z', '40', '0.5', '12.50', '1e3', '-1e3', '007', '+12', '-5', '0x1F', '0o17', '1_000',
  'true', 'True', 'FALSE', 'yes', 'no', 'null', 'Null', '~', '.inf', '-.inf', '.NaN', '.5', '4h', '19m', '1h 30m', '1h30m',
  '90 minutes', '2 hours', '-3h', '0', 'Claude Opus 4.6', '12345678901234567890', '2095000', '1.5',
];
const KEYS = ['date', 'title', 'model', 'tags', 'summary', 'tokens', 'tasksCompleted', 'draft', 'tasks', 'foo', 'true', 'null', 'a-b', '_x'];
const TASK_KEYS = ['task', 'human', 'claude', 'supervision', 'project', 'clade', 'true'];

const words = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const plain = fc.oneof(fc.constantFrom(...PLAIN_VALUES), words);
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
  .tuple(fc.constantFrom('>-', '>', '|', '|-'), fc.integer({ min: 1, max: 3 }), fc.array(words, { minLength: 1, maxLength: 3 }))
  .map(([header, deeper, below]) => ({ head: ` ${header}`, below, deeper }));

const inlineValue: fc.Arbitrary<Value> = fc.oneof(
  { arbitrary: fc.tuple(scalar, trailing).map(([v, t]) => ({ head: ` ${v}${t}`, below: [], deeper: 0 })), weight: 6 },
  { arbitrary: flowList.map((v) => ({ head: ` ${v}`, below: [], deeper: 0 })), weight: 1 },
  { arbitrary: trailing.map((t) => ({ head: t, below: [], deeper: 0 })), weight: 1 },
  { arbitrary: blockScalar, weight: 1 },
);

const duration: fc.Arbitrary<Value> = fc
  .constantFrom('4h', '19m', '1h 30m', '90', '0.5', '-3h', '0', '1e3', '2 hours', 'abc', '.inf', '"4h"', '')
  .map((d) => ({ head: d === '' ? '' : ` ${d}`, below: [], deeper: 0 }));

/** One `- task: …` item: the spaces after its dash and its pairs. */
const taskItem = fc
  .tuple(
    fc.constantFrom(' ', ' ', '   '),
    fc.tuple(fc.constantFrom('task', 'task', 'project'), inlineValue),
    fc.uniqueArray(fc.tuple(fc.constantFrom(...TASK_KEYS.slice(3)), fc.oneof(duration, inlineValue)), { maxLength: 4, selector: ([key]) => key }),
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
