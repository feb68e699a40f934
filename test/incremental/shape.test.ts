/**
 * A record's shape stands for everything pages other than its own show of it, its exports
 * key for what the data exports show: a quick rebuild trusts that records of equal shape
 * give those pages equal content, and every rebuild that equal exports keys give equal
 * records.json and tasks.csv.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_CONFIG, type SiteConfig } from '../../src/config/types.js';
import type { LeverageRecord } from '../../src/records/types.js';
import type { RecordContent } from '../../src/site/types.js';
import { recordContent } from '../../src/site/content.js';
import { loadMarkdownPipeline } from '../../src/markdown/render.js';
import { deserialize, serialize } from 'node:v8';
import { OWN_PAGE_FIELDS, recordKeys } from '../../src/incremental/shape.js';
import { exportData } from '../../src/output/exports.js';

// These tests call the renderers directly, outside the build's withMarkdown.
beforeAll(loadMarkdownPipeline);

const markdown = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom('Plain words', 'Some **bold** and `code`', '[a link](https://example.com/x)', '<b>raw</b> & "quotes"', ''),
);

const task = fc.record({
  humanMinutes: fc.integer({ min: 1, max: 6000 }),
  claudeMinutes: fc.integer({ min: 1, max: 600 }),
  supervisionMinutes: fc.option(fc.integer({ min: 1, max: 100 })),
  project: fc.option(fc.constantFrom('cms', 'Acme', 'ml')),
});

const record: fc.Arbitrary<LeverageRecord> = fc
  .record({
    title: fc.constantFrom('A day', 'Acme work', 'Day *one*'),
    tags: fc.subarray(['AI', 'Time Record', 'Acme', 'C++']),
    summary: fc.option(markdown),
    tokens: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
    draft: fc.boolean(),
    tasks: fc.array(task, { minLength: 1, maxLength: 6 }),
  })
  .map(({ tasks, ...rest }) => ({
    ...rest,
    date: '2026-03-02',
    file: 'records/2026-03-02.md',
    model: 'Claude',
    tasksCompleted: tasks.length,
    body: '',
    tasks: tasks.map((t, i) => ({ ...t, n: i + 1, task: '', line: 5 + 3 * i, supervisionMinutes: tasks.every((x) => x.supervisionMinutes !== null) ? t.supervisionMinutes : null })),
  }));

/** The same record with another body and other task wording. */
const reworded = (base: LeverageRecord) =>
  fc.record({ body: markdown, wording: fc.array(markdown, { minLength: base.tasks.length, maxLength: base.tasks.length }) }).map(({ body, wording }) => ({
    ...base,
    body,
    tasks: base.tasks.map((t, i) => ({ ...t, task: wording[i]! })),
  }));

const configs: SiteConfig[] = [
  DEFAULT_CONFIG,
  { ...DEFAULT_CONFIG, truncateTitles: 12, rowOrder: 'leverage', weeksColumn: true },
  { ...DEFAULT_CONFIG, aliases: { Acme: 'a client' }, basePath: '/blog', allowHtml: true },
];

/** The content without what only the record's own page shows. */
function shownElsewhere(content: RecordContent): unknown {
  const copy: Record<string, unknown> = { ...content, rows: content.rows.map((row) => ({ ...row })) };
  for (const field of OWN_PAGE_FIELDS) {
    delete copy[field];
    for (const row of copy.rows as Record<string, unknown>[]) delete row[field];
  }
  return copy;
}

const parsed = (r: LeverageRecord) => ({ record: r, diagnostics: [], date: { iso: r.date, at: { line: 2, column: 7 } } });
const recordShape = (p: ReturnType<typeof parsed>) => recordKeys(p).shape;
const exportsKey = (p: ReturnType<typeof parsed>) => recordKeys(p).exportsKey;

/** The same record with another body. */
describe('the exports key', () => {
  it('is equal for records that differ only in body, and so is their exports data', () => {
    fc.assert(
      fc.property(
        record.chain((base) => fc.tuple(reworded(base), markdown)),
        fc.constantFrom(...configs),
        ([a, body], config) => {
          const b = { ...a, body };
          expect(exportsKey(parsed(a))).toBe(exportsKey(parsed(b)));
          const data = (r: LeverageRecord) => exportData({ record: r, content: recordContent(r, config) }, config);
          expect(data(b)).toEqual(data(a));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("changes with a task's wording", () => {
    fc.assert(
      fc.property(record, (r) => {
        const tasks = r.tasks.map((t, i) => (i === 0 ? { ...t, task: `${t.task} again` } : t));
        expect(exportsKey(parsed({ ...r, tasks }))).not.toBe(exportsKey(parsed(r)));
      }),
      { numRuns: 50 },
    );
  });

  // Regression: the exports key was first a hash of V8's serialization of the exports data,
  // and a cold build's keys never matched those of the entries read back from the cache (a
  // ratio of 30 computed as 600 / 20 is held as a double, read back as an integer), so the
  // first rebuild after every cold build made records.json and tasks.csv again.
  it('is the same for a parse as made and as read back from the cache', () => {
    const half = Number.parseFloat('0.5'); // computed when the test runs: a double
    const made = { ...parsed(fc.sample(record, { numRuns: 1, seed: 3 })[0]!) };
    made.record = { ...made.record, tokens: 60 * half };
    const readBack = deserialize(serialize(made)) as typeof made;
    expect(serialize(readBack).equals(serialize(made))).toBe(false); // the bytes differ…
    expect(recordKeys(readBack)).toEqual(recordKeys(made)); // …the keys do not
  });
});

describe('the shape', () => {
  it('is equal for records that differ only in body and task wording, and so is what other pages show', () => {
    fc.assert(
      fc.property(
        record.chain((base) => fc.tuple(reworded(base), reworded(base))),
        fc.constantFrom(...configs),
        ([a, b], config) => {
          expect(recordShape(parsed(a))).toBe(recordShape(parsed(b)));
          expect(shownElsewhere(recordContent(b, config))).toEqual(shownElsewhere(recordContent(a, config)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('changes with anything else of the record', () => {
    fc.assert(
      fc.property(record, (r) => {
        const shape = recordShape(parsed(r));
        expect(recordShape(parsed({ ...r, title: `${r.title}!` }))).not.toBe(shape);
        expect(recordShape(parsed({ ...r, tags: [...r.tags, 'New'] }))).not.toBe(shape);
        expect(recordShape(parsed({ ...r, draft: !r.draft }))).not.toBe(shape);
        const tasks = r.tasks.map((t, i) => (i === 0 ? { ...t, humanMinutes: t.humanMinutes + 1 } : t));
        expect(recordShape(parsed({ ...r, tasks }))).not.toBe(shape);
      }),
      { numRuns: 100 },
    );
  });
});
