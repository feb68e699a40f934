/** The planner keys a file from what it declares it depends on, and from nothing else. */
import { describe, expect, it } from 'vitest';
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

  it('changes with a declared value, the path and the global key (config, theme, generator)', () => {
    const base = key(days, [{ value: 'x' }]);
    expect(key(days, [{ value: 'y' }])).not.toBe(base);
    expect(key(days, [{ value: 'x' }], 'b/index.html')).not.toBe(base);
    expect(key(days, [{ value: 'x' }], 'a/index.html', 'other')).not.toBe(base);
    expect(key(edited(days, 0, 'numbers'), [{ value: 'x' }])).toBe(base);
  });
});
