import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seriesMilestones, thresholdPassed, type Milestone, type SeriesDay } from '../../src/leverage/milestones.js';
import type { RecordTotals } from '../../src/leverage/numbers.js';

/** The thresholds listed, up to and including the first one ≥ `max`: the oracle for thresholdPassed. */
function leverageThresholds(max: number): number[] {
  const result: number[] = [];
  for (const t of [10, 25, 50]) {
    result.push(t);
    if (t >= max) return result;
  }
  for (let t = 100; ; t += 50) {
    result.push(t);
    if (t >= max) return result;
  }
}

/** A day with the given weighted leverage, human hours and tasks (claude minutes derived). */
function day(date: string, leverage: number, humanHours = 10, tasksCompleted = 5): SeriesDay {
  const humanMinutes = humanHours * 60;
  const claudeMinutes = humanMinutes / leverage;
  const totals: RecordTotals = {
    rows: tasksCompleted,
    tasksCompleted,
    humanMinutes,
    claudeMinutes,
    supervisionMinutes: null,
    tokens: null,
    leverage,
    supervisoryLeverage: null,
  };
  return { date, totals };
}

const dates = (n: number): string[] => Array.from({ length: n }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);

function kinds(map: Map<string, Milestone[]>): string[][] {
  return [...map.values()].map((ms) => ms.map((m) => m.kind));
}

describe('thresholds', () => {
  it('are 10, 25, 50, then every 50', () => {
    // Every threshold passed as the shown factor climbs from 0x to 300x, a tenth at a time.
    const passed = new Set<number | null>();
    for (let tenths = 0; tenths <= 3000; tenths++) passed.add(thresholdPassed(tenths / 10));
    expect([...passed]).toEqual([null, 10, 25, 50, 100, 150, 200, 250]);
  });

  it('agrees with the list of thresholds, and is computed for factors in the hundreds of millions', () => {
    for (const shown of [0, 10, 10.1, 25, 25.1, 50, 50.1, 99.9, 100, 100.1, 149.9, 150.1, 260, 1234.5]) {
      const below = leverageThresholds(shown).filter((t) => t < shown);
      expect(thresholdPassed(shown), String(shown)).toBe(below.length ? below[below.length - 1]! : null);
    }
    expect(thresholdPassed(360_000_000)).toBe(359_999_950);
  });

  it('the highest threshold strictly below a value', () => {
    expect(thresholdPassed(9)).toBeNull();
    expect(thresholdPassed(10)).toBeNull();
    expect(thresholdPassed(10.1)).toBe(10);
    expect(thresholdPassed(100)).toBe(50);
    expect(thresholdPassed(100.1)).toBe(100);
    expect(thresholdPassed(1234)).toBe(1200);
    expect(thresholdPassed(Number.POSITIVE_INFINITY)).toBeNull();
    expect(thresholdPassed(Number.NaN)).toBeNull();
  });
});

describe('seriesMilestones', () => {
  it('is empty for an empty series', () => {
    expect(seriesMilestones([]).size).toBe(0);
  });

  it('a single record claims only "first record"', () => {
    const map = seriesMilestones([day('2026-03-02', 102.3, 1096, 35)]);
    expect([...map.keys()]).toEqual(['2026-03-02']);
    expect(map.get('2026-03-02')).toEqual([
      { kind: 'first-record', text: 'First record of the series (102.3x weighted leverage).', value: 102.3, previous: null },
    ]);
  });

  it('has an entry for every date, oldest first, even when given unsorted', () => {
    const map = seriesMilestones([day('2026-03-03', 20), day('2026-03-01', 20), day('2026-03-02', 20)]);
    expect([...map.keys()]).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(kinds(map)).toEqual([['first-record'], [], []]);
  });

  it('an increasing series: new highs, thresholds and most hours', () => {
    const series = [day('2026-03-01', 8, 10, 3), day('2026-03-02', 30, 20, 4), day('2026-03-03', 120, 40, 9)];
    const map = seriesMilestones(series);
    expect(kinds(map)).toEqual([
      ['first-record'],
      ['leverage-threshold', 'highest-leverage', 'most-human-hours', 'most-tasks'],
      ['leverage-threshold', 'highest-leverage', 'most-human-hours', 'most-tasks'],
    ]);
    const third = map.get('2026-03-03')!;
    // 50x and 100x are both new on the third day: only the highest is claimed
    expect(third[0]).toEqual({
      kind: 'leverage-threshold',
      text: 'First day above 100x weighted leverage.',
      value: 100,
      previous: null,
    });
    expect(third[1]).toEqual({
      kind: 'highest-leverage',
      text: 'Highest weighted leverage so far: 120x (previous high 30x on March 2, 2026).',
      value: 120,
      previous: { date: '2026-03-02', value: 30 },
    });
    expect(third[2]!.text).toBe('Most human-equivalent hours so far: 40 hours (previous most 20 hours on March 2, 2026).');
    expect(third[2]!.value).toBe(40);
    expect(third[3]!.text).toBe('Most tasks completed so far: 9 (previous most 4 on March 2, 2026).');
    expect(map.get('2026-03-02')![0]!.text).toBe('First day above 25x weighted leverage.');
  });

  it('a decreasing series: new lows only', () => {
    const map = seriesMilestones(dates(3).map((d, i) => day(d, 200 - i * 50, 10 - i, 5 - i)));
    expect(kinds(map)).toEqual([['first-record'], ['lowest-leverage'], ['lowest-leverage']]);
    expect(map.get('2026-03-03')![0]).toEqual({
      kind: 'lowest-leverage',
      text: 'Lowest weighted leverage so far: 100x (previous low 150x on March 2, 2026).',
      value: 100,
      previous: { date: '2026-03-02', value: 150 },
    });
  });

  it('a tie is not a new record', () => {
    const map = seriesMilestones([day('2026-03-01', 50, 10, 5), day('2026-03-02', 80, 20, 7), day('2026-03-03', 80, 20, 7), day('2026-03-04', 50, 10, 5)]);
    expect(kinds(map)).toEqual([
      ['first-record'],
      ['leverage-threshold', 'highest-leverage', 'most-human-hours', 'most-tasks'],
      [],
      [],
    ]);
  });

  it('values equal as shown tie: 80.04x does not beat 80x', () => {
    const map = seriesMilestones([day('2026-03-01', 80), day('2026-03-02', 80.04), day('2026-03-03', 80.05)]);
    expect(kinds(map)).toEqual([['first-record'], [], ['highest-leverage']]);
  });

  it('hours are compared as shown (two decimals)', () => {
    const map = seriesMilestones([day('2026-03-01', 20, 10), day('2026-03-02', 20, 10.001), day('2026-03-03', 20, 10.01)]);
    expect(kinds(map)).toEqual([['first-record'], [], ['most-human-hours']]);
  });

  it('"above" means above as shown: 100.04x is not above 100x, 100.05x is', () => {
    const map = seriesMilestones([day('2026-03-01', 60), day('2026-03-02', 100.04), day('2026-03-03', 100.05)]);
    expect(kinds(map)).toEqual([['first-record'], ['highest-leverage'], ['leverage-threshold', 'highest-leverage']]);
    expect(map.get('2026-03-03')![0]!.value).toBe(100);
  });

  it('a threshold crossed a second time is not claimed again', () => {
    const map = seriesMilestones([day('2026-03-01', 20), day('2026-03-02', 60), day('2026-03-03', 20), day('2026-03-04', 70)]);
    expect(kinds(map)).toEqual([
      ['first-record'],
      ['leverage-threshold', 'highest-leverage'],
      [],
      ['highest-leverage'],
    ]);
  });

  it('thresholds the first record is already above are the baseline', () => {
    const map = seriesMilestones([day('2026-03-01', 160), day('2026-03-02', 170), day('2026-03-03', 210)]);
    expect(kinds(map)).toEqual([['first-record'], ['highest-leverage'], ['leverage-threshold', 'highest-leverage']]);
    expect(map.get('2026-03-03')![0]!.text).toBe('First day above 200x weighted leverage.');
  });

  it('a day can be the lowest so far and the most hours so far', () => {
    const map = seriesMilestones([day('2026-03-01', 50, 10), day('2026-03-02', 40, 12)]);
    expect(kinds(map)).toEqual([['first-record'], ['lowest-leverage', 'most-human-hours']]);
  });

  it('uses singular hours', () => {
    const map = seriesMilestones([day('2026-03-01', 20, 0.5), day('2026-03-02', 20, 1)]);
    expect(map.get('2026-03-02')![0]!.text).toBe('Most human-equivalent hours so far: 1 hour (previous most 30 min on March 1, 2026).');
  });

  it('every claim is true over the series up to that day (property)', () => {
    const factor = fc.integer({ min: 1, max: 4000 }).map((v) => v / 10);
    const arb = fc.array(fc.tuple(factor, fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 40 })), {
      minLength: 1,
      maxLength: 20,
    });
    fc.assert(
      fc.property(arb, (rows) => {
        const series = rows.map(([lev, hrs, tasks], i) => day(dates(20)[i]!, lev, hrs, tasks));
        const map = seriesMilestones(series);
        expect(map.size).toBe(series.length);
        series.forEach((d, i) => {
          const before = series.slice(0, i);
          const ms = map.get(d.date)!;
          const has = (k: string): boolean => ms.some((m) => m.kind === k);
          expect(has('first-record')).toBe(i === 0);
          if (i === 0) return;
          const lev = (s: SeriesDay): number => Math.round(s.totals.leverage * 10);
          expect(has('highest-leverage')).toBe(before.every((b) => lev(d) > lev(b)));
          expect(has('lowest-leverage')).toBe(before.every((b) => lev(d) < lev(b)));
          expect(has('most-human-hours')).toBe(before.every((b) => d.totals.humanMinutes > b.totals.humanMinutes));
          expect(has('most-tasks')).toBe(before.every((b) => d.totals.tasksCompleted > b.totals.tasksCompleted));
          const t = ms.find((m) => m.kind === 'leverage-threshold');
          if (t) {
            expect(d.totals.leverage).toBeGreaterThan(t.value);
            for (const b of before) expect(thresholdPassed(b.totals.leverage) ?? 0).toBeLessThan(t.value);
          }
        });
      }),
    );
  });
});
