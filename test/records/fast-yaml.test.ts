/**
 * The fast YAML reader (src/config/simple-yaml.ts) against its definition, `parseDocument`:
 * whenever it accepts a front matter, the tree it builds, and the record and every diagnostic
 * made from it, are those of `parseDocument`. And the direct front-matter split gives what
 * gray-matter gave.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import matter from 'gray-matter';
import { LineCounter, parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { random, syntheticRecord } from '../../src/bench/synthetic.js';
import { simpleYamlReader } from '../../src/config/located-yaml.js';
import { MAY_RESOLVE, readSimpleYaml, resolvingTags } from '../../src/config/simple-yaml.js';
import { findRecordFiles } from '../../src/records/files.js';
import { splitFrontMatter } from '../../src/records/frontmatter.js';
import { regularRecordReader } from '../../src/records/regular-record.js';
import { addDays } from '../../src/leverage/dates.js';
import { parse } from './helpers.js';
import { nearMissFile, subsetFile } from './front-matter-generators.js';

/** A node as plain data: its class and every own property, so that any difference shows. */
function dump(value: unknown): unknown {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : Number.isNaN(value) ? 'NaN' : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(dump);
  const out: Record<string, unknown> = { class: value.constructor.name };
  for (const [key, field] of Object.entries(value)) out[key] = dump(field);
  return out;
}

/** What `parseDocument` makes of a front matter, as the fast reader must make it too. */
function referenceTree(text: string) {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  return {
    problems: doc.errors.length + doc.warnings.length,
    tree: { contents: dump(doc.contents), lineStarts: lines.lineStarts },
  };
}

function fastTree(text: string) {
  const simple = readSimpleYaml(text);
  return simple && { contents: dump(simple.contents), lineStarts: simple.lines.lineStarts };
}

/** The front matter as splitFrontMatter hands it to the YAML reader. */
function frontMatterOf(file: string): string {
  const source = file.replace(/^\uFEFF/, '');
  const closing = source.indexOf('\n---', 3);
  return closing === -1 ? '' : source.slice(3, closing);
}

/** The record read through the YAML tree (not regular-record.ts), with or without the fast YAML reader. */
function parsedWith(fast: boolean, file: string, text: string) {
  simpleYamlReader.enabled = fast;
  regularRecordReader.enabled = false;
  try {
    const { record, seen, date } = parse(file, text);
    return { record, seen, date };
  } finally {
    simpleYamlReader.enabled = true;
    regularRecordReader.enabled = true;
  }
}

const accepted = { subset: 0, subsetTotal: 0, nearMiss: 0, nearMissTotal: 0 };

/** Checks one whole record file; true when the fast reader took its front matter. */
function expectSameBothWays(file: string): boolean {
  const yamlText = frontMatterOf(file);
  const fast = fastTree(yamlText);
  if (fast) {
    const reference = referenceTree(yamlText);
    expect(reference.problems, yamlText).toBe(0);
    expect(fast, yamlText).toEqual(reference.tree);
  }
  expect(parsedWith(true, 'records/2026-03-02.md', file), file).toEqual(parsedWith(false, 'records/2026-03-02.md', file));
  return fast !== null;
}

describe('the fast YAML reader agrees with parseDocument', () => {
  afterAll(() => {
    console.log(
      `fast YAML reader accepted ${accepted.subset}/${accepted.subsetTotal} subset files, ${accepted.nearMiss}/${accepted.nearMissTotal} near-misses`,
    );
  });

  it('on generated front matter of the subset: same tree, same record, same diagnostics', () => {
    fc.assert(
      fc.property(subsetFile, (file) => {
        accepted.subsetTotal++;
        if (expectSameBothWays(file)) accepted.subset++;
      }),
      { numRuns: 2000, seed: 20260302 },
    );
    // Some scalars (`#1`, `\\n`, edgy ones, `task` twice) are outside the subset: enough are in it.
    expect(accepted.subset).toBeGreaterThan(accepted.subsetTotal * 0.25);
  });

  it('on near-misses (characters inserted or deleted): same tree whenever it accepts, same record and diagnostics', () => {
    fc.assert(
      fc.property(nearMissFile, (file) => {
        accepted.nearMissTotal++;
        if (expectSameBothWays(file)) accepted.nearMiss++;
      }),
      { numRuns: 3000, seed: 42 },
    );
  });
});

describe('plain scalars the fast reader takes for strings without testing the tags', () => {
  // The schema's tags, as the reader relies on them: a yaml release that changes them fails here.
  const examples: Record<string, string[]> = {
    '^(?:~|[Nn]ull|NULL)?$': ['', '~', 'null', 'Null', 'NULL'],
    '^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$': ['true', 'True', 'TRUE', 'false', 'False', 'FALSE'],
    '^0o[0-7]+$': ['0o17'],
    '^[-+]?[0-9]+$': ['12', '-3', '+4'],
    '^0x[0-9a-fA-F]+$': ['0x1F'],
    '^(?:[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN)$': ['.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN'],
    '^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)[eE][-+]?[0-9]+$': ['1e3', '-.5E-2', '+2.e1'],
    '^[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*)$': ['1.5', '-.5', '+3.'],
  };

  it('are those that no tag of the schema resolves', () => {
    for (const atKey of [false, true]) {
      const tags = resolvingTags(atKey);
      expect(new Set(tags.map((tag) => tag.test!.source))).toEqual(new Set(Object.keys(examples)));
      for (const tag of tags) {
        for (const example of examples[tag.test!.source]!) {
          expect(tag.test!.test(example), example).toBe(true);
          expect(MAY_RESOLVE.test(example), example).toBe(true);
        }
      }
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (text) => {
        if (!MAY_RESOLVE.test(text)) expect(resolvingTags(false).some((tag) => tag.test!.test(text)), text).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('the fast YAML reader takes every real record', () => {
  it('the example blog: every record, with the same result', async () => {
    const files = await findRecordFiles('.');
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(readSimpleYaml(frontMatterOf(text)), file).not.toBeNull();
      expect(expectSameBothWays(text)).toBe(true);
    }
  });

  it('300 synthetic records, with the same result', () => {
    const rand = random(7);
    for (let i = 0; i < 300; i++) {
      const text = syntheticRecord(addDays('2020-01-01', i), rand);
      expect(expectSameBothWays(text), text).toBe(true);
    }
  });
});

describe('the fast YAML reader leaves the rest to parseDocument', () => {
  const reference = '\ndate: 2026-03-02\ntags: [AI, Time Record]\nsummary: >-\n  A day.\ntasks:\n  - task: "Fix it"\n    human: 4h\n    claude: 19m';

  it('takes the reference shape', () => {
    expect(readSimpleYaml(reference)).not.toBeNull();
  });

  it.each([
    ['an anchor and an alias', '\na: &x 1\nb: *x'],
    ['an explicit tag', '\na: !!str 1'],
    ['a comment line', '\n# note\na: 1'],
    ['a comment after a value', '\na: 1 # note'],
    ['a block scalar that keeps its line ends', '\na: >+\n  x'],
    ['a block scalar with a deeper line', '\na: |\n  x\n    y'],
    ['a block scalar with a blank line', '\na: >\n  x\n\n  y'],
    ['a multi-line plain scalar', '\na: one\n  two'],
    ['a multi-line quoted scalar', '\na: "one\n  two"'],
    ['an escape other than \\\\ and \\"', '\na: "x\\ty"'],
    ['a flow map', '\na: {b: 1}'],
    ['a tab', '\na:\t1'],
    ['a duplicate key', '\na: 1\na: 2'],
    ['keys equal as values', '\ntrue: 1\nTrue: 2'],
    ['an explicit key', '\n? a\n: 1'],
    ['a document end marker', '\na: 1\n...'],
    ['a blank line between fields', '\na: 1\n\nb: 2'],
    ['an indented top-level map', '\n  a: 1'],
    ['a ": " inside a plain scalar', '\na: b: c'],
    ['a list nested in a task', '\ntasks:\n  - task:\n      - x'],
  ])('falls back on %s', (_name, text) => {
    expect(readSimpleYaml(text)).toBeNull();
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
        if (split.yaml) expect(split.yaml.text).toBe(reference.matter);
      }),
      { numRuns: 1000, seed: 1 },
    );
  });
});
