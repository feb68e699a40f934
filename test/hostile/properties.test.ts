/**
 * Property-based tests (fast-check) of the rules every figure rests on: the duration parser,
 * the weighted factors and the display rounding; and of the two guards hostile text meets
 * first: tag slugs and Markdown sanitising.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_DURATION_MINUTES, MIN_DURATION_MINUTES, parseDuration } from '../../src/records/duration.js';
import { recordTotals, taskNumbers } from '../../src/leverage/numbers.js';
import { formatFactor, formatNumber, roundHalfAway } from '../../src/leverage/format.js';
import { tagSlug } from '../../src/site/slug.js';
import { loadMarkdownPipeline, renderInline, renderMarkdown } from '../../src/markdown/render.js';
import type { LeverageRecord, Task } from '../../src/records/types.js';
import { liveMarkup } from './markup.js';

// These tests call the renderers directly, outside the build's withMarkdown.
beforeAll(loadMarkdownPipeline);

const RUNS = { numRuns: 2_000 };

/**
 * How far apart two figures are, relative to their size. Sums of fractional minutes taken in
 * another order differ in the last bits, which an absolute tolerance mistakes for an error
 * once the figure is in the millions (3813006.375 against 3813006.375000001).
 */
const relativeGap = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));

/** Writes minutes back as an author might, in one of the accepted forms. */
function formatDuration(minutes: number, form: number, bareUnit: 'hours' | 'minutes'): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes - hours * 60;
  switch (form % 7) {
    case 0:
      return `${minutes}m`;
    case 1:
      return `${minutes} minutes`;
    case 2:
      return `${minutes / 60}h`;
    case 3:
      return hours > 0 && rest > 0 ? `${hours}h ${rest}m` : `${minutes} min`;
    case 4:
      return hours > 0 && rest > 0 ? `${hours}h${rest}m` : `${minutes}m`;
    case 5:
      return `${minutes / 60} ${minutes === 60 ? 'hour' : 'hours'}`;
    default:
      return bareUnit === 'hours' ? String(minutes / 60) : String(minutes);
  }
}

/** Whole minutes, or hundredths of a minute, within the accepted bounds. */
const minutesArb = fc.oneof(
  fc.integer({ min: 1, max: MAX_DURATION_MINUTES }),
  fc.integer({ min: 2, max: 100_000 }).map((c) => c / 100),
);

describe('the duration parser', () => {
  it('formatting minutes in any accepted form and parsing it gives them back', () => {
    fc.assert(
      fc.property(minutesArb, fc.nat(), fc.constantFrom('hours' as const, 'minutes' as const), (minutes, form, unit) => {
        const text = formatDuration(minutes, form, unit);
        const parsed = parseDuration(text, unit === 'hours' ? 'human' : 'claude', unit);
        expect(parsed.ok, text).toBe(true);
        if (parsed.ok) expect(relativeGap(parsed.minutes, minutes), text).toBeLessThan(1e-12);
      }),
      RUNS,
    );
  });

  it('never throws, and whatever it accepts is a finite duration within the bounds', () => {
    const pieces = fc.constantFrom('1', '0', '.', '5', 'e', '9', 'h', 'm', 'min', 'hours', ' ', '-', '+', '１', '∞', '\n', 'Infinity', '1e308');
    const anyValue = fc.oneof(
      fc.string(),
      fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')),
      fc.double(),
      fc.integer(),
      fc.constantFrom(null, undefined, true, [], {}, Number.NaN, -0),
    );
    fc.assert(
      fc.property(anyValue, fc.constantFrom('hours' as const, 'minutes' as const), (value, unit) => {
        const result = parseDuration(value, 'claude', unit);
        if (result.ok) {
          expect(Number.isFinite(result.minutes)).toBe(true);
          expect(result.minutes).toBeGreaterThanOrEqual(MIN_DURATION_MINUTES);
          expect(result.minutes).toBeLessThanOrEqual(MAX_DURATION_MINUTES);
        } else {
          expect(result.message).toMatch(/^claude /);
          expect(result.hint).toMatch(/e\.g\./);
        }
      }),
      { numRuns: 5_000 },
    );
  });
});

function record(tasks: { human: number; claude: number; supervision: number | null }[]): LeverageRecord {
  return {
    date: '2026-03-02',
    file: 'records/2026-03-02.md',
    title: 't',
    model: 'm',
    tags: [],
    summary: null,
    tokens: null,
    tasksCompleted: tasks.length,
    draft: false,
    body: '',
    tasks: tasks.map(
      (t, i): Task => ({
        n: i + 1,
        task: `task ${i + 1}`,
        humanMinutes: t.human,
        claudeMinutes: t.claude,
        supervisionMinutes: t.supervision,
        project: null,
      }),
    ),
  };
}

describe('the number rules', () => {
  const rows = fc.array(fc.record({ human: minutesArb, claude: minutesArb, supervision: minutesArb }), { minLength: 1, maxLength: 40 });

  it('the weighted leverage lies between the smallest and the largest row factor', () => {
    fc.assert(
      fc.property(rows, (tasks) => {
        const r = record(tasks);
        const factors = r.tasks.map((t) => taskNumbers(t).leverage);
        const totals = recordTotals(r);
        const slack = 1e-12 * Math.max(...factors);
        expect(totals.leverage).toBeGreaterThanOrEqual(Math.min(...factors) - slack);
        expect(totals.leverage).toBeLessThanOrEqual(Math.max(...factors) + slack);
        const supervisory = r.tasks.map((t) => taskNumbers(t).supervisoryLeverage!);
        expect(totals.supervisoryLeverage!).toBeGreaterThanOrEqual(Math.min(...supervisory) * (1 - 1e-12));
        expect(totals.supervisoryLeverage!).toBeLessThanOrEqual(Math.max(...supervisory) * (1 + 1e-12));
      }),
      RUNS,
    );
  });

  it('the weighted leverage is Σ human ÷ Σ claude, whatever the order of the rows', () => {
    fc.assert(
      fc.property(rows, fc.nat(), (tasks, seed) => {
        const shuffled = [...tasks].sort((a, b) => ((a.human * 31 + seed) % 7) - ((b.human * 31 + seed) % 7));
        const a = recordTotals(record(tasks)).leverage;
        const b = recordTotals(record(shuffled)).leverage;
        expect(formatFactor(b)).toBe(formatFactor(a));
        expect(relativeGap(b, a)).toBeLessThan(1e-12);
        const human = tasks.reduce((s, t) => s + t.human, 0);
        const claude = tasks.reduce((s, t) => s + t.claude, 0);
        expect(relativeGap(a, human / claude)).toBeLessThan(1e-12);
      }),
      {
        ...RUNS,
        // Found by CI: the two orders' sums differ by one bit, 9.3e-10 at this size.
        examples: [
          [
            [
              { human: 1, claude: 0.02, supervision: 0.02 },
              { human: 0.02, claude: 0.02, supervision: 0.02 },
              { human: 610080, claude: 0.12, supervision: 0.02 },
            ],
            167323003,
          ],
        ],
      },
    );
  });
});

/** `1,234.5x` → 1234.5 */
const parseFactor = (shown: string): number => Number(shown.replace(/x$/, '').replaceAll(',', ''));

describe('display rounding', () => {
  /** Leverage factors as records have them (a factor of 100,000x is already extraordinary). */
  const factorArb = fc.double({ min: 0, max: 100_000, noNaN: true });

  it('formatFactor → parse gives the value to one decimal (within 0.05), in canonical form', () => {
    fc.assert(
      fc.property(factorArb, (value) => {
        const shown = formatFactor(value);
        expect(shown).toMatch(/^\d{1,3}(,\d{3})*(\.\d)?x$/);
        const back = parseFactor(shown);
        expect(Math.abs(back - value)).toBeLessThanOrEqual(0.05 + 1e-9 * Math.max(1, value));
        expect(formatFactor(back)).toBe(shown);
        expect(back).toBe(roundHalfAway(value, 1));
      }),
      RUNS,
    );
  });

  it('a value halfway between two tenths rounds away from zero (1.25 → 1.3, -1.25 → -1.3)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.boolean(), (tenths, negative) => {
        const sign = negative ? -1 : 1;
        const value = (sign * (tenths + 0.5)) / 10; // e.g. 12.65, as written in decimal
        const expected = (sign * (tenths + 1)) / 10;
        expect(roundHalfAway(value, 1)).toBe(expected);
        expect(parseFactor(formatFactor(value).replace(/^-/, ''))).toBe(Math.abs(expected));
      }),
      RUNS,
    );
  });

  it('a value just below the half rounds down', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (tenths) => {
        const value = (tenths + 0.49) / 10;
        expect(roundHalfAway(value, 1)).toBe(tenths / 10);
      }),
      RUNS,
    );
  });

  // Regression: roundHalfAway's tolerance once grew with the value (1e-9 × scaled) and passed
  // 0.5 near 5e8, so 500,000,000 showed as "500,000,001" and 999,999.949 as 1,000,000x. It is
  // now two units in the last place, and never applied to whole numbers.
  it('whole numbers are shown exactly, with thousands separators, up to the largest safe integer', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 1e9 }), fc.maxSafeNat()), (n) => {
        expect(formatNumber(n)).toBe(n.toLocaleString('en-US'));
      }),
      RUNS,
    );
  });

  it('factors up to the largest a record can have round to the nearest tenth', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_600_000_000 }), fc.integer({ min: 0, max: 49 }), (tenths, thousandths) => {
        const value = tenths / 10 + thousandths / 1000; // less than half a tenth above: rounds down
        expect(formatFactor(value)).toBe(formatFactor(tenths / 10));
      }),
      RUNS,
    );
  });
});

describe('hostile text', () => {
  it('a tag slug only ever holds letters, digits and single dashes: no path can leave its folder', () => {
    fc.assert(
      // Tags are never empty (records and site.yaml refuse blank ones).
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', minLength: 1 }), fc.string({ unit: 'binary', minLength: 1 }), fc.constantFrom('..', '/', '../..', '.', '\\..\\')), (name) => {
        const slug = tagSlug(name);
        expect(slug).toMatch(/^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u);
        expect(slug).not.toMatch(/[./\\%]/);
        expect(tagSlug(name)).toBe(slug);
      }),
      RUNS,
    );
  });

  const hostile = fc
    .array(
      fc.constantFrom(
        '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '[x](JaVaScRiPt:alert(1))',
        '[x]( javascript:alert(1) )', '<javascript:alert(1)>', '![i](data:text/html;base64,PHNjcmlwdD4=)',
        '[x](data:text/html,<script>alert(1)</script>)', '<a href="javascript:alert(1)">a</a>', '<svg onload=alert(1)>',
        '<iframe src=//evil>', '`code`', '*em*', '**strong**', ' ', '\n', '\n\n', '<', '>', '"', "'", '&', '[', ']', '(', ')',
        'javascript:', 'https://example.com', 'www.example.com', '<style>', '<!--', '-->', '[ref]: javascript:alert(1)',
        '[ref]', '<https://x.y/?a=b&c=d>', 'vbscript:msgbox(1)', '&#106;avascript:alert(1)', '[x](&#106;avascript:alert(1))',
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(''));

  it('Markdown (without allowHtml) never yields live markup: no script, no event handler, no javascript: or data: URL', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        for (const html of [renderMarkdown(text, { allowHtml: false }), renderInline(text, { allowHtml: false })]) {
          expect(liveMarkup(html), html).toEqual([]);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('the checker itself sees live markup when raw HTML is allowed', () => {
    expect(liveMarkup(renderMarkdown('<img src=x onerror=alert(1)> [x](javascript:alert(1))', { allowHtml: true }))).toEqual([
      '<img onError="alert(1)"> event handler',
      '<a href="javascript:alert(1)">',
    ]);
  });
});
