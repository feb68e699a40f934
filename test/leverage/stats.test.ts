import { describe, expect, it } from 'vitest';
import {
  allTimeStats,
  bestDays,
  dailySeries,
  factorDistribution,
  FACTOR_BUCKET_EDGES,
  latestDate,
  monthlyStats,
  NO_PROJECT,
  projectStats,
  rankDays,
  recordsInWindow,
  windowStats,
  worstDays,
} from '../../src/leverage/stats.js';
import type { LeverageRecord } from '../../src/records/types.js';
import { referenceRecord } from '../support/reference-day.js';
import { testRecord } from '../support/records.js';

/** A record from rows of [human minutes, claude minutes, project?]. */
function record(date: string, rows: [human: number, claude: number, project?: string][], tasksCompleted = rows.length): LeverageRecord {
  const tasks = rows.map(([human, claude, project]) => ({ human, claude, project: project ?? null }));
  return testRecord(date, tasks, { tags: [], tasksCompleted });
}

const jan1 = record('2026-01-01', [[600, 10, 'CMS'], [120, 20]], 3); // 720/30 = 24x
const jan20 = record('2026-01-20', [[1200, 10, 'CMS']]); // 120x
const feb3 = record('2026-02-03', [[300, 30, 'ML'], [60, 30, ' ']]); // 360/60 = 6x
const RECORDS = [feb3, jan1, jan20]; // deliberately unsorted

describe('monthlyStats', () => {
  it('groups by YYYY-MM, oldest first, weighting by totals', () => {
    expect(monthlyStats(RECORDS)).toEqual([
      { month: '2026-01', days: 2, rows: 3, tasksCompleted: 4, humanMinutes: 1920, claudeMinutes: 40, leverage: 48 },
      { month: '2026-02', days: 1, rows: 2, tasksCompleted: 2, humanMinutes: 360, claudeMinutes: 60, leverage: 6 },
    ]);
  });

  it('is empty without records', () => {
    expect(monthlyStats([])).toEqual([]);
  });
});

describe('projectStats', () => {
  it('groups tasks by project, (none) for tasks without one (blank counts as none)', () => {
    const projects = projectStats(RECORDS);
    expect(projects).toEqual([
      { project: 'CMS', days: 2, rows: 2, humanMinutes: 1800, claudeMinutes: 20, leverage: 90 },
      { project: 'ML', days: 1, rows: 1, humanMinutes: 300, claudeMinutes: 30, leverage: 10 },
      { project: NO_PROJECT, days: 2, rows: 2, humanMinutes: 180, claudeMinutes: 50, leverage: 3.6 },
    ]);
  });

  it('breaks ties in human minutes by name', () => {
    const r = record('2026-01-01', [[60, 1, 'b'], [60, 2, 'a']]);
    expect(projectStats([r]).map((p) => p.project)).toEqual(['a', 'b']);
  });
});

describe('best and worst days', () => {
  it('ranks by weighted leverage', () => {
    expect(bestDays(RECORDS, 2).map((d) => d.date)).toEqual(['2026-01-20', '2026-01-01']);
    expect(worstDays(RECORDS, 2).map((d) => d.date)).toEqual(['2026-02-03', '2026-01-01']);
    expect(bestDays(RECORDS)).toHaveLength(3);
    expect(bestDays(RECORDS, 0)).toEqual([]);
    expect(bestDays(RECORDS, -1)).toEqual([]);
  });

  it('carries the day figures', () => {
    expect(bestDays(RECORDS, 1)[0]).toEqual({
      date: '2026-01-20', title: 'Day 2026-01-20', rows: 1, tasksCompleted: 1, humanMinutes: 1200, claudeMinutes: 10, leverage: 120,
    });
  });

  it('breaks ties by date, earlier first, in both orders', () => {
    const a = record('2026-01-05', [[60, 1]]);
    const b = record('2026-01-02', [[120, 2]]);
    const c = record('2026-01-09', [[10, 1]]);
    expect(rankDays([a, b, c], 3, 'best').map((d) => d.date)).toEqual(['2026-01-02', '2026-01-05', '2026-01-09']);
    expect(rankDays([a, b, c], 3, 'worst').map((d) => d.date)).toEqual(['2026-01-09', '2026-01-02', '2026-01-05']);
  });
});

describe('factorDistribution', () => {
  it('has the documented buckets', () => {
    expect(factorDistribution([]).map((b) => b.label)).toEqual(['<10x', '10–25x', '25–50x', '50–100x', '100–200x', '≥200x']);
    expect(FACTOR_BUCKET_EDGES).toEqual([10, 25, 50, 100, 200]);
  });

  it('puts each task in one bucket, lower bound inclusive', () => {
    const r = record('2026-01-01', [[9.99, 1], [10, 1], [25, 1], [49, 1], [50, 1], [100, 1], [199.9, 1], [200, 1], [5000, 1]]);
    const buckets = factorDistribution([r]);
    expect(buckets.map((b) => b.count)).toEqual([1, 1, 2, 1, 2, 2]);
    expect(buckets[0]).toEqual({ label: '<10x', min: null, max: 10, count: 1, humanMinutes: 9.99 });
    expect(buckets[5]).toEqual({ label: '≥200x', min: 200, max: null, count: 2, humanMinutes: 5200 });
  });

  it('counts every task of the reference day', () => {
    const buckets = factorDistribution([referenceRecord()]);
    expect(buckets.map((b) => b.count)).toEqual([0, 3, 0, 6, 5, 1]);
    expect(buckets.reduce((s, b) => s + b.count, 0)).toBe(15);
  });

  it('takes other edges (sorted, deduplicated)', () => {
    const buckets = factorDistribution([jan1], [100, 20, 20]);
    expect(buckets.map((b) => [b.label, b.count])).toEqual([['<20x', 1], ['20–100x', 1], ['≥100x', 0]]);
  });
});

describe('dailySeries', () => {
  it('is one point per record, oldest first', () => {
    expect(dailySeries(RECORDS)).toEqual([
      { date: '2026-01-01', leverage: 24, humanHours: 12, humanMinutes: 720, claudeMinutes: 30 },
      { date: '2026-01-20', leverage: 120, humanHours: 20, humanMinutes: 1200, claudeMinutes: 10 },
      { date: '2026-02-03', leverage: 6, humanHours: 6, humanMinutes: 360, claudeMinutes: 60 },
    ]);
  });
});

describe('windows', () => {
  it('finds the latest date', () => {
    expect(latestDate(RECORDS)).toBe('2026-02-03');
    expect(latestDate([])).toBeNull();
  });

  it('counts calendar days back from the latest record, including its day', () => {
    // 2026-02-03 minus 13 days = 2026-01-21: 2026-01-20 is just outside the 14 days
    expect(recordsInWindow(RECORDS, 14).map((r) => r.date)).toEqual(['2026-02-03']);
    expect(recordsInWindow(RECORDS, 15).map((r) => r.date)).toEqual(['2026-01-20', '2026-02-03']);
    expect(recordsInWindow(RECORDS, 90).map((r) => r.date)).toEqual(['2026-01-01', '2026-01-20', '2026-02-03']);
    expect(recordsInWindow(RECORDS, 0)).toEqual([]);
    expect(recordsInWindow([], 14)).toEqual([]);
  });

  it('crosses month and leap-year boundaries by the calendar', () => {
    const a = record('2024-02-28', [[60, 1]]);
    const b = record('2024-03-13', [[60, 1]]);
    // 2024 has a 29 February: 28 Feb … 13 Mar is 15 days
    expect(recordsInWindow([a, b], 14).map((r) => r.date)).toEqual(['2024-03-13']);
    expect(recordsInWindow([a, b], 15).map((r) => r.date)).toEqual(['2024-02-28', '2024-03-13']);
  });

  it('ignores records after `until`', () => {
    expect(recordsInWindow(RECORDS, 30, '2026-01-20').map((r) => r.date)).toEqual(['2026-01-01', '2026-01-20']);
  });

  it('gives the window totals and bounds', () => {
    const w = windowStats(RECORDS, 14)!;
    expect(w).toMatchObject({ days: 14, from: '2026-01-21', to: '2026-02-03' });
    expect(w.totals).toMatchObject({ records: 1, rows: 2, humanMinutes: 360, claudeMinutes: 60, leverage: 6 });
    expect(windowStats([], 14)).toBeNull();
    expect(windowStats(RECORDS, 90)!.from).toBe('2025-11-06');
  });
});

describe('allTimeStats', () => {
  it('bundles everything', () => {
    const s = allTimeStats(RECORDS, { topDays: 1 });
    expect(s.totals).toMatchObject({ records: 3, rows: 5, tasksCompleted: 6, humanMinutes: 2280, claudeMinutes: 100, leverage: 22.8 });
    expect(s.months).toHaveLength(2);
    expect(s.projects).toHaveLength(3);
    expect(s.best.map((d) => d.date)).toEqual(['2026-01-20']);
    expect(s.worst.map((d) => d.date)).toEqual(['2026-02-03']);
    expect(s.distribution).toHaveLength(6);
    expect(s.daily).toHaveLength(3);
    expect(s.last14!.totals.records).toBe(1);
    expect(s.last90!.totals.records).toBe(3);
  });

  it('handles no records', () => {
    const s = allTimeStats([]);
    expect(s.totals.records).toBe(0);
    expect(s.totals.leverage).toBe(0);
    expect(s.months).toEqual([]);
    expect(s.best).toEqual([]);
    expect(s.last14).toBeNull();
    expect(s.distribution.every((b) => b.count === 0)).toBe(true);
  });

  it('does not reorder its input', () => {
    const input = [...RECORDS];
    allTimeStats(input);
    expect(input).toEqual(RECORDS);
  });
});
