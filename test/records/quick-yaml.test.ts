/**
 * The two readings of a front matter agree: whenever the quick reading (js-yaml, quick-yaml.ts)
 * gives a record, it is the record, date and warnings of the located reading (`yaml`'s
 * parseDocument), field order included; whatever it leaves, parseRecord reads the located
 * way. And it takes the records authors write.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { random, syntheticRecord } from '../../src/bench/synthetic.js';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { addDays } from '../../src/leverage/dates.js';
import { findRecordFiles } from '../../src/records/files.js';
import { splitFrontMatter } from '../../src/records/frontmatter.js';
import { parseRecord, readRecordLocated } from '../../src/records/parse.js';
import { CORE_TAGS, MAY_RESOLVE, quickValues } from '../../src/records/quick-yaml.js';
import { FILES, nearMisses, nearMissFile, subsetFile, usualFile } from './front-matter-generators.js';

const config = { ...DEFAULT_CONFIG, defaultTags: ['AI', 'Time Record'], defaultModel: 'Claude' };

const taken = { quick: 0, valid: 0 };

/** Whether the quick reading can read the file's front matter at all. */
function quickReads(text: string): boolean {
  const { frontMatter } = splitFrontMatter('a.md', text, []);
  return frontMatter !== null && quickValues('a.md', frontMatter, 3) !== null;
}

function expectSameBothWays(file: string, text: string): void {
  const located = readRecordLocated(file, text, config);
  const parsed = parseRecord(file, text, config);
  expect(parsed, text).toEqual(located);
  expect(JSON.stringify(parsed), text).toBe(JSON.stringify(located));
  if (!located.record || located.diagnostics.some((d) => d.severity === 'error')) return;
  taken.valid++;
  if (quickReads(text)) taken.quick++;
}

describe('the quick reading agrees with the located reading', () => {
  afterAll(() => console.log(`the quick reading could read ${taken.quick} of the ${taken.valid} valid generated files`));

  it('on generated records of the usual shape', () => {
    fc.assert(fc.property(usualFile, ({ file, text }) => expectSameBothWays(file, text)), { numRuns: 3000, seed: 20261125 });
  });

  it('on near-misses of them (characters inserted or deleted)', () => {
    fc.assert(
      fc.property(nearMisses(usualFile.map(({ text }) => text)), fc.constantFrom(...FILES), (text, file) => expectSameBothWays(file, text)),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('on front matter of many shapes, and near-misses of it', () => {
    fc.assert(fc.property(subsetFile, fc.constantFrom(...FILES), (text, file) => expectSameBothWays(file, text)), { numRuns: 2000, seed: 3 });
    fc.assert(fc.property(nearMissFile, fc.constantFrom(...FILES), (text, file) => expectSameBothWays(file, text)), { numRuns: 3000, seed: 42 });
  });
});

describe('the quick reading gives the warnings of the located reading, at the same places', () => {
  const task = (human: string, claude: string, extra = '') => [`  - task: "Fix it"`, `    human: ${human}`, `    claude: ${claude}`, ...(extra ? [extra] : [])];
  it.each([
    ['an unknown field', ['---', 'date: 2026-03-02', 'mood:   "good"', 'tasks:', ...task('4h', '19m'), '---']],
    ['an unknown task field', ['---', 'date: 2026-03-02', 'tasks:', ...task('4h', '19m', '    colour: [red, blue]'), '---']],
    ['a bare human of 100 hours or more', ['---', 'date: 2026-03-02', 'tasks:', ...task('120', '30'), ...task("'150'", '30'), '---']],
    ['a leverage over 1,000x', ['---', 'date: 2026-03-02', 'tasks:', ...task('40 hours', '"2"'), '  - { task: b, human: 64h, claude: 3m }', '---']],
    ['an empty unknown field at the end', ['---', 'date: 2026-03-02', 'tasks:', ...task('4h', '19m'), 'notes:', '---']],
    ['a CRLF file', ['---', 'date: 2026-03-02', 'mood: good', 'tasks:', ...task('120', '19m'), '---', 'Body']],
  ])('%s', (name, fileLines) => {
    const text = `${fileLines.join(name === 'a CRLF file' ? '\r\n' : '\n')}\n`;
    const located = readRecordLocated('records/2026-03-02.md', text, config);
    expect(located.record).not.toBeNull();
    expect(located.diagnostics.length).toBeGreaterThan(0);
    if (name !== 'an empty unknown field at the end') expect(quickReads(text)).toBe(true);
    expectSameBothWays('records/2026-03-02.md', text);
  });
});

describe('the quick reading takes the records authors write', () => {
  it('every record of the example blog', async () => {
    const files = await findRecordFiles('.');
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(quickReads(text), file).toBe(true);
      expectSameBothWays(file, text);
    }
  });

  it('300 synthetic records of the benchmark', () => {
    const rand = random(11);
    for (let i = 0; i < 300; i++) {
      const date = addDays('2020-01-01', i);
      const text = syntheticRecord(date, rand);
      expect(quickReads(text), text).toBe(true);
      expectSameBothWays(`records/${date}.md`, text);
    }
  });
});

describe('plain scalars the quick reading takes for strings without testing the tags', () => {
  it('are those that no tag of the schema resolves', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (text) => {
        if (!MAY_RESOLVE.test(text)) expect(CORE_TAGS.some((tag) => tag.test!.test(text)), text).toBe(false);
      }),
      { numRuns: 5000 },
    );
    for (const example of ['', '~', 'null', 'True', 'FALSE', '0o17', '-3', '+4', '0x1F', '.inf', '-.Inf', '.NaN', '1e3', '-.5E-2', '1.5', '+3.']) {
      expect(MAY_RESOLVE.test(example), example).toBe(true);
      expect(CORE_TAGS.some((tag) => tag.test!.test(example)), example).toBe(true);
    }
  });
});
