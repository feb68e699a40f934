/**
 * The rules rewritten for speed give exactly the results of the rules as first written
 * (previous-rules.ts), float for float, on arbitrary records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/leverage/dates.js';
import { roundHalfAway } from '../../src/leverage/format.js';
import { recordTotals, seriesTotals } from '../../src/leverage/numbers.js';
import { allTimeStats, projectStats, windowStats } from '../../src/leverage/stats.js';
import type { LeverageRecord } from '../../src/records/types.js';
import * as previous from './previous-rules.js';

/** Minutes as the parser makes them: whole, fractional (seconds) or odd floats. */
const minutes = fc.oneof(
  fc.integer({ min: 1, max: 6000 }),
  fc.integer({ min: 1, max: 100_000 }).map((seconds) => seconds / 60),
  fc.double({ min: 1 / 60, max: 1e6, noNaN: true }),
);

const task = fc.record({
  humanMinutes: minutes,
  claudeMinutes: minutes,
  supervisionMinutes: fc.option(minutes, { freq: 3 }),
  project: fc.option(fc.constantFrom('cms', 'ml', ' ', 'CMS'), { freq: 2 }),
});

/** Dates over about a year, so windows, months and duplicate days all occur. */
const date = fc.integer({ min: 0, max: 400 }).map((days) => addDays('2025-06-01', days));

const record: fc.Arbitrary<LeverageRecord> = fc
  .record({
    date,
    tasks: fc.array(task, { minLength: 1, maxLength: 8 }),
    everySupervised: fc.boolean(),
    tokens: fc.option(fc.integer({ min: 0, max: 10_000_000 })),
    extraTasks: fc.nat({ max: 5 }),
  })
  .map(({ date, tasks, everySupervised, tokens, extraTasks }) => ({
    date,
    file: `records/${date}.md`,
    title: `Day ${date}`,
    model: 'Claude',
    tags: [],
    summary: null,
    tokens,
    tasksCompleted: tasks.length + extraTasks,
    draft: false,
    tasks: tasks.map((t, i) => ({
      ...t,
      n: i + 1,
      task: `Task ${i + 1}`,
      line: i + 1,
      supervisionMinutes: everySupervised ? (t.supervisionMinutes ?? 1) : t.supervisionMinutes,
    })),
    body: '',
  }));

describe('totals', () => {
  it('recordTotals sums in one pass what the per-column sums gave', () => {
    fc.assert(
      fc.property(record, (r) => {
        expect(recordTotals(r)).toEqual(previous.recordTotals(r));
      }),
    );
  });

  it('seriesTotals sums in one pass what the per-column sums gave', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), (records) => {
        const totals = records.map(previous.recordTotals);
        expect(seriesTotals(totals)).toEqual(previous.seriesTotals(totals));
      }),
    );
  });
});

describe('allTimeStats', () => {
  it('sorting and totalling once gives what every figure working on its own gave', () => {
    const edges = fc.array(fc.oneof(fc.integer({ min: 0, max: 300 }), fc.double({ min: 0, max: 300, noNaN: true })), {
      maxLength: 7,
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), fc.integer({ min: -1, max: 8 }), edges, (records, top, bucketEdges) => {
        const { projects: _, ...stats } = allTimeStats(records, { topDays: top, bucketEdges });
        expect(stats).toEqual(previous.allTimeStatsExceptProjects(records, top, bucketEdges));
      }),
    );
  });
});

describe('windowStats', () => {
  it('reading the last day once gives the windows daysBetween gave', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), fc.integer({ min: -2, max: 120 }), date, (records, days, until) => {
        expect(windowStats(records, days, until)).toEqual(previous.windowStats(records, days, until));
      }),
    );
  });
});

describe('projectStats', () => {
  it('adding a date once per record and project counts the days the set of every task did', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), (records) => {
        expect(projectStats(records)).toEqual(previous.projectStats(records));
      }),
    );
  });
});

describe('roundHalfAway', () => {
  const decimals = fc.integer({ min: 0, max: 4 });
  const check = (value: number, places: number): void => {
    expect(Object.is(roundHalfAway(value, places), previous.roundHalfAway(value, places))).toBe(true);
  };

  it('rounds any double as the rule that always worked out the unit in the last place', () => {
    fc.assert(fc.property(fc.double(), decimals, check), { numRuns: 20_000 });
  });

  it('rounds values at and near the halves, at every magnitude, alike', () => {
    const nearHalf = fc
      .tuple(fc.integer({ min: -(2 ** 53), max: 2 ** 53 }), fc.integer({ min: 0, max: 10 }), decimals, fc.integer({ min: -4, max: 4 }))
      .map(([whole, shift, places, ulps]) => {
        const value = (whole / 2 ** shift + 0.5) / 10 ** places;
        let nudged = value;
        for (let i = 0; i < Math.abs(ulps); i++) nudged = nextDouble(nudged, ulps > 0);
        return [nudged, places] as const;
      });
    fc.assert(fc.property(nearHalf, ([value, places]) => check(value, places)), { numRuns: 20_000 });
  });
});

/** The neighbouring double above (or below) `x`. */
function nextDouble(x: number, up: boolean): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, (x > 0) === up ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}
