/**
 * Absurd numbers: each is a located error that says what would be right, or a page whose
 * figures are all ordinary decimal numbers (never `e+301`, `Infinity` or `NaN`).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DURATION_MINUTES, MIN_DURATION_MINUTES, parseDuration } from '../../src/records/duration.js';
import { expectBuilt, expectRejected, hostileBuild } from './helpers.js';

const day = (date: string, tasks: string, fields = '') => `---\ndate: ${date}\n${fields}tasks:\n${tasks}---\n`;
const row = (human: string, claude: string, extra = '') => `  - task: a\n    human: ${human}\n    claude: ${claude}\n${extra}`;

describe('parseDuration at the edges', () => {
  it.each([
    ['1e308h', 'hours', /must be a plain number, got 1e308h/],
    [1e308, 'hours', /human is not a finite duration, got 1e\+308/],
    [1e300, 'hours', /human must be at most 100,000 hours, got 1e\+300/],
    ['99999999999999999999999999h', 'hours', /must be at most 100,000 hours/],
    ['100001h', 'hours', /must be at most 100,000 hours/],
    ['0.0000001m', 'minutes', /must be at least one second, got 0.0000001m/],
    [1e-320, 'minutes', /must be at least one second/],
    [Number.POSITIVE_INFINITY, 'minutes', /not a finite duration, got Infinity/],
    [Number.NaN, 'minutes', /not a finite duration, got NaN/],
    ['1_000h', 'hours', /must be a duration/],
    ['0x10h', 'hours', /must be a plain number, got 0x10h/],
    ['１h', 'hours', /must be a duration/], // a full-width digit
  ] as const)('%s is refused', (value, unit, message) => {
    const result = parseDuration(value, unit === 'hours' ? 'human' : 'claude', unit);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(result.hint).toMatch(/e\.g\./);
    }
  });

  it('the bounds themselves are accepted', () => {
    expect(parseDuration('100000h', 'human', 'hours')).toEqual({ ok: true, minutes: MAX_DURATION_MINUTES });
    expect(parseDuration(MIN_DURATION_MINUTES, 'claude', 'minutes')).toEqual({ ok: true, minutes: MIN_DURATION_MINUTES });
    expect(parseDuration('0.0167m', 'claude', 'minutes')).toEqual({ ok: true, minutes: 0.0167 });
  });
});

describe('absurd numbers in records', () => {
  it('each is a located error, all in one run, nothing written', async () => {
    const result = await hostileBuild({
      'records/2026-01-01.md': day('2026-01-01', row('1e300', '1m')),
      'records/2026-01-02.md': day('2026-01-02', row('4h', '0.0000001m')),
      'records/2026-01-03.md': day('2026-01-03', row('.inf', '1m')),
      'records/2026-01-04.md': day('2026-01-04', row('.nan', '1m')),
      'records/2026-01-05.md': day('2026-01-05', row('1h', '1m'), 'tokens: 1e300\n'),
      'records/2026-01-06.md': day('2026-01-06', row('1h', '1m'), 'tokens: 99999999999999999999999\n'),
      'records/2026-01-07.md': day('2026-01-07', row('1h', '1m'), 'tasksCompleted: 1e300\n'),
      'records/2026-01-08.md': day('2026-01-08', row('1h', '1m', '    supervision: 1e-13\n')),
      'records/2026-01-09.md': day('2026-01-09', row('1h', '1m'), 'tokens: -.inf\n'),
    });
    try {
      expectRejected(
        result,
        // YAML's exponent numbers are refused as written, before their size is looked at.
        /records\/2026-01-01\.md:5:12: human must be a plain number, got 1e300, which YAML reads as 1e\+300 \(write the number as digits/,
        /records\/2026-01-02\.md:6:13: claude must be at least one second, got 0\.0000001m/,
        /records\/2026-01-03\.md:5:12: human is not a finite duration, got Infinity/,
        /records\/2026-01-04\.md:5:12: human is not a finite duration, got NaN/,
        /records\/2026-01-05\.md:3:9: tokens must be at most 9,007,199,254,740,991, got 1e300/,
        /records\/2026-01-06\.md:3:9: tokens must be at most 9,007,199,254,740,991, got 99999999999999999999999/,
        /records\/2026-01-07\.md:3:17: tasksCompleted must be at most 9,007,199,254,740,991, got 1e300/,
        /records\/2026-01-08\.md:7:18: supervision must be a plain number, got 1e-13, which YAML reads as 1e-13/,
        /records\/2026-01-09\.md:3:9: tokens must be a whole number ≥ 0, got -\.inf/,
      );
      expect(result.stderr).toMatch(/^9 errors; nothing was written\.$/m);
    } finally {
      await result.cleanup();
    }
  });

  it('the largest and smallest accepted values give pages of ordinary numbers', async () => {
    const result = await hostileBuild({
      'records/2026-01-01.md': day('2026-01-01', row('100000h', '0.0167m', '    supervision: 0.0167m\n')),
      'records/2026-01-02.md': day('2026-01-02', row('100000h', '100000h', '    supervision: 100000h\n'), 'tokens: 123456789\n'),
      'records/2026-01-03.md': day('2026-01-03', row('1m', '100000h', '    supervision: 1m\n')),
      'site.yaml': 'workWeekHours: 1\npageSize: 1e300\nhomeRecords: 1e300\nfeedRecords: 1e300\ntruncateTitles: 1e300\n',
    });
    try {
      expectBuilt(result);
      for (const file of result.outFiles.filter((f) => /\.(html|xml)$/.test(f) || f === 'feed.json')) {
        const content = await readFile(join(result.out, file), 'utf8');
        expect(content, file).not.toMatch(/\d[eE][+-]?\d|Infinity|NaN/);
      }
      // The data export is for machines: exponents are fine there, a lost number (null) is not.
      const data = JSON.parse(await readFile(join(result.out, 'data/records.json'), 'utf8'));
      for (const r of data.records) {
        expect(Number.isFinite(r.totals.leverage) && Number.isFinite(r.totals.supervisoryLeverage)).toBe(true);
      }
      expect(Number.isFinite(data.totals.leverage)).toBe(true);
      const page = await readFile(join(result.out, 'records/2026-01-01/index.html'), 'utf8');
      expect(page).toContain('359,281,437.1x'); // 6,000,000 ÷ 0.0167 = 359,281,437.1257…
      expect(page).toContain('100,000 hours (~100,000 work weeks)');
    } finally {
      await result.cleanup();
    }
  });
});

describe('absurd numbers in site.yaml', () => {
  it('each is a located error', async () => {
    const result = await hostileBuild({
      'site.yaml': 'workWeekHours: 1e-300\npageSize: .inf\nhomeRecords: -1\nfeedRecords: 2.5\ntruncateTitles: .nan\n',
      'records/2026-01-01.md': day('2026-01-01', row('1h', '1m')),
    });
    try {
      expectRejected(
        result,
        /site\.yaml:1:16: workWeekHours must be at least 1, got 1e-300/,
        /site\.yaml:2:11: pageSize must be a whole number ≥ 1, got \.inf/,
        /site\.yaml:3:14: homeRecords must be a whole number ≥ 1, got -1/,
        /site\.yaml:4:14: feedRecords must be a whole number ≥ 1, got 2\.5/,
        /site\.yaml:5:17: truncateTitles must be a whole number ≥ 0, got \.nan/,
      );
    } finally {
      await result.cleanup();
    }
    const week = await hostileBuild({ 'site.yaml': 'workWeekHours: 169\n', 'records/2026-01-01.md': day('2026-01-01', row('1h', '1m')) });
    try {
      expectRejected(week, /site\.yaml:1:16: workWeekHours must be at most 168, got 169/);
    } finally {
      await week.cleanup();
    }
  });
});
