/**
 * The rules rewritten for speed give exactly the results of the rules as first written
 * (previous-rules.ts), float for float, on arbitrary records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/leverage/dates.js';
import { formatNumber, roundHalfAway } from '../../src/leverage/format.js';
import { seriesMilestones } from '../../src/leverage/milestones.js';
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
        const expected = previous.allTimeStatsExceptProjects(records, top, bucketEdges);
        const { projects: _, ...stats } = allTimeStats(records, { topDays: top, bucketEdges });
        expect(stats).toEqual(expected);
        const totals = records.map(recordTotals);
        const { projects: __, ...given } = allTimeStats(records, { topDays: top, bucketEdges, totals });
        expect(given).toEqual(expected);
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

describe('roundHalfAway and formatNumber', () => {
  const decimals = fc.integer({ min: 0, max: 4 });
  const check = (value: number, places: number): void => {
    expect(Object.is(roundHalfAway(value, places), previous.roundHalfAway(value, places))).toBe(true);
    expect(formatNumber(value, places)).toBe(previous.formatNumber(value, places));
  };
  /** Values at and near the halves of the last place shown, of every magnitude. */
  const nearHalf = fc
    .tuple(fc.integer({ min: -(2 ** 53), max: 2 ** 53 }), fc.integer({ min: 0, max: 10 }), decimals, fc.integer({ min: -4, max: 4 }))
    .map(([whole, shift, places, ulps]) => {
      let value = (whole / 2 ** shift + 0.5) / 10 ** places;
      for (let i = 0; i < Math.abs(ulps); i++) value = nextDouble(value, ulps > 0);
      return [value, places] as const;
    });

  it('round and show any double as the rules that used a logarithm and toFixed every time', () => {
    fc.assert(fc.property(fc.double(), fc.integer({ min: 0, max: 8 }), check), { numRuns: 20_000 });
  });

  it('round and show values at and near the halves, at every magnitude, alike', () => {
    fc.assert(fc.property(nearHalf, ([value, places]) => check(value, places)), { numRuns: 20_000 });
  });

  it('show the figures of records (minutes, hours, factors) alike', () => {
    const figure = fc.oneof(minutes, minutes.map((m) => m / 60), fc.tuple(minutes, minutes).map(([a, b]) => a / b));
    fc.assert(fc.property(figure, decimals, check), { numRuns: 20_000 });
  });

  it('show the largest exact units and their neighbours alike', () => {
    for (const places of [0, 1, 2, 3]) {
      for (const units of [2 ** 52 - 2, 2 ** 52 - 1, 2 ** 52, 2 ** 52 + 2, 2 ** 53]) {
        for (const value of [units / 10 ** places, -units / 10 ** places, (units - 0.5) / 10 ** places]) check(value, places);
      }
    }
    for (const value of [0, -0, NaN, Infinity, -Infinity, 1e21, 1e300, Number.MIN_VALUE, -0.04]) check(value, 1);
  });
});

describe('seriesMilestones', () => {
  it('measuring a day in full only when it beats a running best gives the milestones of measuring every day', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (records) => {
        const series = records.map((r) => ({ date: r.date, totals: recordTotals(r) }));
        expect([...seriesMilestones(series)]).toEqual([...previous.seriesMilestones(series)]);
      }),
    );
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
