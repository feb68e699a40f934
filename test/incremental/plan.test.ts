/** The planner keys a file from what it declares it depends on, and from nothing else. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Planner, type RecordHashes } from '../../src/incremental/plan.js';
import type { Dependency, RecordPart } from '../../src/site/types.js';

const day = (date: string, version = 0): RecordHashes => ({
  date,
  parts: { numbers: `n${date}${version}`, text: `t${date}${version}`, body: `b${date}${version}` },
});
const days = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05', '2026-01-06'].map((d) => day(d));

/** The same records with one part of one of them changed. */
function edited(records: RecordHashes[], index: number, part: RecordPart): RecordHashes[] {
  return records.map((record, i) => (i === index ? { ...record, parts: { ...record.parts, [part]: `${record.parts[part]}'` } } : record));
}

const key = (records: RecordHashes[], dependsOn: Dependency[], path = 'a/index.html', global = 'g') =>
  new Planner(records, global).key({ path, dependsOn });

describe('a file key', () => {
  it('changes with exactly the parts of exactly the records declared', () => {
    const dependsOn: Dependency[] = [{ records: ['2026-01-02'], parts: ['text'] }];
    const before = key(days, dependsOn);
    expect(key(edited(days, 1, 'text'), dependsOn)).not.toBe(before);
    expect(key(edited(days, 1, 'body'), dependsOn)).toBe(before);
    expect(key(edited(days, 1, 'numbers'), dependsOn)).toBe(before);
    expect(key(edited(days, 2, 'text'), dependsOn)).toBe(before);
  });

  it('of every record: changes with any of them, and when one is added, removed or moves to another day', () => {
    const dependsOn: Dependency[] = [{ records: 'all', parts: ['numbers'] }];
    const before = key(days, dependsOn);
    for (let i = 0; i < days.length; i++) expect(key(edited(days, i, 'numbers'), dependsOn)).not.toBe(before);
    expect(key(edited(days, 3, 'body'), dependsOn)).toBe(before);
    expect(key([...days, day('2026-01-07')], dependsOn)).not.toBe(before);
    expect(key(days.slice(1), dependsOn)).not.toBe(before);
    expect(key(days.map((d, i) => (i === 5 ? { ...d, date: '2026-02-01' } : d)), dependsOn)).not.toBe(before);
  });

  it('of the records up to a day: changes with them, not with later ones', () => {
    const dependsOn: Dependency[] = [{ records: { upTo: '2026-01-03' }, parts: ['numbers'] }];
    const before = key(days, dependsOn);
    expect(key(edited(days, 0, 'numbers'), dependsOn)).not.toBe(before);
    expect(key(edited(days, 2, 'numbers'), dependsOn)).not.toBe(before);
    expect(key(edited(days, 3, 'numbers'), dependsOn)).toBe(before);
    expect(key([...days, day('2026-01-09')], dependsOn)).toBe(before);
  });

  it('of a long list (a tag): changes with a record of the list, not with another', () => {
    const tag = ['2026-01-01', '2026-01-03', '2026-01-04', '2026-01-05', '2026-01-06'];
    const dependsOn: Dependency[] = [{ records: tag, parts: ['numbers', 'text'] }];
    const before = key(days, dependsOn);
    expect(key(edited(days, 2, 'text'), dependsOn)).not.toBe(before);
    expect(key(edited(days, 1, 'text'), dependsOn)).toBe(before);
  });

  it('of a long list: changes when a day in the middle is another, the first, the last and the length the same', () => {
    const parts: RecordPart[] = ['numbers'];
    const before = key(days, [{ records: ['2026-01-01', '2026-01-03', '2026-01-04', '2026-01-05', '2026-01-06'], parts }]);
    expect(key(days, [{ records: ['2026-01-01', '2026-01-02', '2026-01-04', '2026-01-05', '2026-01-06'], parts }])).not.toBe(before);
  });

  it('changes with a declared value, the path and the global key (config, theme, generator)', () => {
    const base = key(days, [{ value: 'x' }]);
    expect(key(days, [{ value: 'y' }])).not.toBe(base);
    expect(key(days, [{ value: 'x' }], 'b/index.html')).not.toBe(base);
    expect(key(days, [{ value: 'x' }], 'a/index.html', 'other')).not.toBe(base);
    expect(key(edited(days, 0, 'numbers'), [{ value: 'x' }])).toBe(base);
  });
});

/** Each file kind a site declares, over the days 2026-01-01 to 2026-01-08. */
const DATES = Array.from({ length: 8 }, (_, i) => `2026-01-0${i + 1}`);
const COMBINATIONS: RecordPart[][] = [['numbers'], ['numbers', 'text'], ['numbers', 'text', 'body']];
const FILES: Dependency[][] = COMBINATIONS.flatMap((parts) => [
  [{ records: 'all', parts }],
  ...DATES.map((date): Dependency[] => [{ records: { upTo: date }, parts }, { records: [date], parts }]),
  [{ records: DATES.slice(1, 3), parts }],
  [{ records: DATES.filter((_, i) => i % 2 === 0), parts }],
  [{ records: DATES.slice(0, 6), parts }],
  [{ records: DATES.slice(2), parts }],
]);

/** The keys of every file of FILES, planned by one planner. */
function keysOf(records: RecordHashes[]): string[] {
  const planner = new Planner(records, 'g');
  return FILES.map((dependsOn, i) => planner.key({ path: `${i}/index.html`, dependsOn }));
}

describe('a planner after another', () => {
  // A record as a build passes it: the very same object while its file is unchanged.
  const made = new Map<string, RecordHashes>();
  const record = (date: string, version: number) => {
    const name = `${date}/${version}`;
    if (!made.has(name)) made.set(name, { date, parts: { numbers: `n${version % 2}`, text: `t${version % 3}`, body: `b${version}` } });
    return made.get(name)!;
  };
  const records = fc
    .array(fc.option(fc.nat(5), { nil: undefined }), { minLength: DATES.length, maxLength: DATES.length })
    .map((versions) => DATES.flatMap((date, i) => (versions[i] === undefined ? [] : [record(date, versions[i]!)])));

  it('keys every file as a planner after nothing would, whatever the planner before it planned', () => {
    fc.assert(
      fc.property(records, records, (before, now) => {
        new Planner([], 'g');
        const fresh = keysOf(now);
        keysOf(before);
        expect(keysOf(now)).toEqual(fresh);
      }),
    );
  });
});
