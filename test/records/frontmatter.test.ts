import fc from 'fast-check';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/records/frontmatter.js';
import { lines, oneTask, parse } from './helpers.js';

const FILE = 'records/a.md';

const bad = lines(
  '---',
  'date: 2026-03-02',
  'tasks:',
  '  - task: a',
  '    human: -3h',
  '    claude: 0',
  '    clade: 1',
  '---',
  'Body',
);

describe('front matter positions are the file’s own', () => {
  const expected = parse(FILE, bad).seen;

  it('the LF file gives its lines and columns', () => {
    expect(expected).toEqual([
      'records/a.md:5:12: human must be greater than zero, got -3h (e.g. 4h, 1.5 hours, 90m, 1h 30m, or a bare number of hours)',
      'records/a.md:6:13: claude must be greater than zero, got 0 (e.g. 19m, 1h 30m, 90 minutes, or a bare number of minutes)',
      'records/a.md:7:5: unknown task field clade, close to claude: its value would be left out (did you mean claude?)',
    ]);
  });

  it('CRLF line ends give the same positions', () => {
    expect(parse(FILE, bad.replace(/\n/g, '\r\n')).seen).toEqual(expected);
  });

  it('a UTF-8 BOM gives the same positions', () => {
    expect(parse(FILE, `\uFEFF${bad}`).seen).toEqual(expected);
    expect(parse(FILE, `\uFEFF${bad.replace(/\n/g, '\r\n')}`).seen).toEqual(expected);
  });

  it('CRLF and BOM files read the same record', () => {
    const plain = parse(FILE, oneTask()).record!;
    expect(parse(FILE, `\uFEFF${oneTask().replace(/\n/g, '\r\n')}`).record).toEqual({ ...plain, body: '\r\nBody.\r\n' });
  });

  it('YAML errors are located too', () => {
    expect(parse(FILE, lines('---', 'date: "2026-03-02', '---')).seen).toEqual([
      'records/a.md:2:18: YAML does not parse: Missing closing "quote ' +
        '(check indentation, and quote values that contain ": " or start with a special character)',
    ]);
    expect(parse(FILE, lines('---', 'date: 1', 'date: 2', '---')).seen).toEqual([
      'records/a.md:3:1: YAML does not parse: Map keys must be unique (give each key once)',
    ]);
  });
});

describe('the shape of a record file', () => {
  it('no front matter', () => {
    expect(parse(FILE, 'Just text\n').seen).toEqual([
      'records/a.md:1:1: the file has no front matter (start the file with a line ---, then the fields (date, tasks, …), then a line ---; ' +
        'a file that is not a record (a README, a note) is kept out of records by a name starting with _, e.g. _README.md)',
    ]);
    expect(parse(FILE, '').seen).toHaveLength(1);
  });

  it('an opening line that is not just ---', () => {
    expect(parse(FILE, lines('---js', 'date: 2026-03-02', '---')).seen).toEqual([
      'records/a.md:1:1: the first line must be just --- (start the file with a line ---, then the fields (date, tasks, …), then a line ---)',
    ]);
  });

  it('front matter that is not closed', () => {
    expect(parse(FILE, lines('---', 'date: 2026-03-02')).seen).toEqual([
      'records/a.md:1:1: the front matter is not closed (end it with a line --- after the last field)',
    ]);
  });

  it('front matter that is a list, not fields', () => {
    expect(parse(FILE, lines('---', '- a', '- b', '---')).seen).toEqual([
      'records/a.md:2:1: the front matter must be `key: value` lines, got - a - b (write one `key: value` per line)',
    ]);
  });

  it('empty front matter asks for the required fields', () => {
    expect(parse(FILE, lines('---', '---')).seen).toEqual([
      'records/a.md:2:1: the record has no date (add date: YYYY-MM-DD, or start the file name with the date)',
      'records/a.md:2:1: the record has no tasks (list at least one task under tasks:, each with task, human and claude)',
    ]);
  });

  it('the same text parsed twice gives the same result (no stale cache)', () => {
    const first = parse(FILE, bad);
    const second = parse(FILE, bad);
    expect(second.seen).toEqual(first.seen);
    expect(parse(FILE, oneTask()).record).not.toBeNull();
    expect(parse(FILE, oneTask()).record).not.toBeNull();
  });
});

describe('YAML aliases', () => {
  it('an alias bomb is refused with a located error', () => {
    const bomb = lines(
      '---',
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'tasks: *e',
      '---',
    );
    expect(parse(FILE, bomb).seen).toEqual([
      'records/a.md:3:8: YAML aliases expand to too much data (write the values out instead of nesting *aliases)',
    ]);
  });

  it('an alias without its anchor', () => {
    expect(parse(FILE, lines('---', 'date: 2026-03-02', 'tasks: *t', '---')).seen).toEqual([
      'records/a.md:3:8: alias *t has no anchor &t before it (define &t before using it, or write the value out)',
    ]);
  });

  it('a small alias is fine, and a wrong one is reported where it is used', () => {
    const task = (name: string, project: string) => `  - { task: ${name}, human: 1, claude: 1, project: ${project} }`;
    const good = lines('---', 'date: 2026-03-02', 'tasks:', task('a', '&p cms'), task('b', '*p'), '---');
    expect(parse(FILE, good).record?.tasks.map((t) => t.project)).toEqual(['cms', 'cms']);
    const wrong = lines('---', 'date: 2026-03-02', 'tags: &t [AI]', 'tasks:', task('*t', 'x'), '---');
    expect(parse(FILE, wrong).seen).toEqual([
      'records/a.md:5:13: task must be text, got [AI] (what was done, e.g. task: Fix the login form)',
    ]);
  });
});

describe('the front matter is split as gray-matter split it', () => {
  const piece = fc.constantFrom('a: 1', '---', '----x', '--- ', ' ---', '', 'text', '\r', '...', '\uFEFF');
  const file = fc
    .tuple(
      fc.constantFrom('', '\uFEFF'),
      fc.constantFrom('---', '--- ', '---\t', '---\r'),
      fc.array(piece, { maxLength: 6 }),
      fc.constantFrom('\n', '\r\n'),
    )
    .map(([bom, opening, pieces, eol]) => `${bom}${opening}${eol}${pieces.join(eol)}`);

  it('the same body and the same YAML text, with CRLF, BOM and --- in the body', () => {
    fc.assert(
      fc.property(file, (text) => {
        const split = splitFrontMatter('a.md', text, []);
        const source = text.replace(/^\uFEFF/, '');
        if (source.indexOf('\n---', 3) === -1) return;
        const reference = matter(source, { engines: { yaml: () => ({}) } });
        expect(split.body).toBe(reference.content);
        expect(split.frontMatter).toBe(reference.matter);
      }),
      { numRuns: 1000, seed: 1 },
    );
  });
});
