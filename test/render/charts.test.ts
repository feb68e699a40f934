import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  barChart,
  chartTable,
  coord,
  describeData,
  histogram,
  labelIndices,
  lineChart,
  niceScale,
  tickDecimals,
  type ChartPoint,
} from '../../src/render/charts.js';
import { elementNames, parseXml } from '../support/xml.js';

/** Element names in document order; throws unless the document is well-formed XML. */
const wellFormed = (xml: string): string[] => elementNames(parseXml(xml, { declaration: false }));

const count = (names: string[], name: string): number => names.filter((n) => n === name).length;

/** The y tick labels of a chart, bottom to top (the labels drawn right-aligned by the axis). */
const yTicks = (svg: string): string[] =>
  [...svg.matchAll(/<text class="chart-label" x="[\d.]+" y="[\d.]+" text-anchor="end">([^<]*)<\/text>/g)].map((m) => m[1]!);

const DAYS: ChartPoint[] = [
  { label: '2026-03-01', value: 80.14 },
  { label: '2026-03-02', value: 102.27 },
  { label: '2026-03-03', value: 12.5 },
  { label: '2026-03-04', value: 205.7 },
];

const HOSTILE = `<script>alert("x") & 'y'</script>`;

describe('lineChart', () => {
  const svg = lineChart(DAYS, { id: 'leverage', title: 'Weighted leverage per day', formatValue: (v) => `${v.toFixed(1)}x` });

  it('is well-formed SVG with one marker per point', () => {
    const names = wellFormed(svg);
    expect(names[0]).toBe('svg');
    expect(count(names, 'circle')).toBe(4);
    expect(count(names, 'polyline')).toBe(1);
    expect(svg.match(/<polyline[^>]* points="([^"]*)"/)![1]!.split(' ')).toHaveLength(4);
  });

  it('scales to its container and is labelled', () => {
    const open = svg.slice(0, svg.indexOf('>') + 1);
    expect(open).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(open).toMatch(/viewBox="0 0 480 240"/);
    expect(open).toContain('width="100%"');
    expect(open).not.toMatch(/\sheight=/);
    expect(open).toContain('role="img"');
    expect(open).toContain('aria-labelledby="leverage-title leverage-desc"');
    expect(svg).toContain('<title id="leverage-title">Weighted leverage per day</title>');
    expect(svg).toContain(
      '<desc id="leverage-desc">4 values from 2026-03-01 to 2026-03-04. Lowest 12.5x (2026-03-03), highest 205.7x (2026-03-04), latest 205.7x.</desc>',
    );
  });

  it('uses currentColor and classes, never a fixed colour', () => {
    expect(svg).toContain('class="chart-line"');
    expect(svg).toContain('class="chart-point"');
    expect(svg).toContain('class="chart-axis"');
    expect(svg).toContain('class="chart-grid"');
    expect(svg).toContain('class="chart-label"');
    expect(svg).toMatch(/stroke="currentColor"/);
    expect(svg).not.toMatch(/#[0-9a-fA-F]{3,8}\b|rgb\(|hsl\(|(?:fill|stroke)="(?!none|currentColor)/);
    expect(svg).not.toMatch(/\bstyle=/);
  });

  it('has axis labels: round y ticks and the x labels', () => {
    expect(yTicks(svg)).toEqual(['0', '100', '200', '300']);
    expect(svg).toContain('>2026-03-01</text>');
    expect(svg).toContain('>2026-03-04</text>');
  });

  it('writes coordinates with at most two decimals', () => {
    const numbers = [...svg.matchAll(/\s(?:x|y|x1|x2|y1|y2|cx|cy|width|height)="(-?[\d.]+)"/g)].map((m) => m[1]!);
    expect(numbers.length).toBeGreaterThanOrEqual(8); // cx and cy of the four points at least
    expect(numbers.filter((n) => !/^-?\d+(?:\.\d{1,2})?$/.test(n))).toEqual([]);
    // the scale makes some of them fractional, so the rule is exercised
    expect(numbers.some((n) => n.includes('.'))).toBe(true);
  });

  it('gives point tooltips', () => {
    expect(svg).toContain('<title>2026-03-02: 102.3x</title>');
  });

  it('places a single point in the middle', () => {
    const one = lineChart([{ label: 'only', value: 5 }], { id: 'one', title: 'One' });
    expect(count(wellFormed(one), 'circle')).toBe(1);
    expect(one).toMatch(/<circle class="chart-point" cx="256"/); // (44 + 468) / 2
    expect(one).toContain('One value: only, 5.');
  });

  it('shows axis titles when given', () => {
    const titled = lineChart(DAYS, { id: 't', title: 'T', xLabel: 'Day', yLabel: 'Leverage' });
    wellFormed(titled);
    expect(titled).toContain('class="chart-axis-title"');
    expect(titled).toContain('>Day</text>');
    expect(titled).toContain('>Leverage</text>');
  });

  it('thins out x labels when there are many points: evenly, the newest labelled', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ label: `d${i}`, value: i }));
    const out = lineChart(many, { id: 'm', title: 'Many' });
    const names = wellFormed(out);
    expect(count(names, 'circle')).toBe(60);
    const xLabels = [...out.matchAll(/>d(\d+)<\/text>/g)].map((m) => Number(m[1]));
    expect(xLabels[xLabels.length - 1]).toBe(59);
    expect(xLabels.length).toBeLessThanOrEqual(7);
    expect(new Set(xLabels.slice(1).map((n, i) => n - xLabels[i]!)).size).toBe(1);
  });

  it('spaces points placed by x by their distance, and breaks the line across gaps', () => {
    // Days 0, 1, 2 and 6: the fourth point sits four days past the third, not one.
    const days = [0, 1, 2, 6].map((x) => ({ label: `day ${x}`, value: 10 + x, x }));
    const out = lineChart(days, { id: 'cal', title: 'By day', formatX: (x) => `D${x}`, joinWithin: 1 });
    wellFormed(out);
    const cx = [...out.matchAll(/<circle class="chart-point" cx="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(cx[1]! - cx[0]!).toBeCloseTo(cx[2]! - cx[1]!, 1);
    expect(cx[3]! - cx[2]!).toBeCloseTo(4 * (cx[1]! - cx[0]!), 1);
    // One line for days 0–2; day 6 stands alone.
    expect(out.match(/<polyline/g)).toHaveLength(1);
    expect(out.match(/<polyline[^>]* points="([^"]*)"/)![1]!.split(' ')).toHaveLength(3);
    // Labels name calendar positions, every day of the seven here.
    expect([...out.matchAll(/>(D\d+)<\/text>/g)].map((m) => m[1])).toEqual(['D0', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6']);
  });
});

describe('barChart and histogram', () => {
  it('draws one bar per point', () => {
    const svg = barChart(DAYS, { id: 'hours', title: 'Human hours' });
    const names = wellFormed(svg);
    expect(count(names, 'rect')).toBe(4);
    expect(svg).toContain('class="chart-bar"');
    expect(svg).toContain('chart-bar-chart');
  });

  it('draws negative bars below the zero line', () => {
    const svg = barChart([{ label: 'a', value: -5 }, { label: 'b', value: 5 }], { id: 'neg', title: 'Neg' });
    wellFormed(svg);
    const heights = [...svg.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights).toHaveLength(2);
    expect(heights[0]).toBeCloseTo(heights[1]!, 1);
    expect(svg).toContain('>-5</text>');
  });

  it('histogram bars are adjacent buckets, and the description lists them all', () => {
    const buckets = [
      { label: '<10x', value: 0 },
      { label: '10–25x', value: 3 },
      { label: '≥200x', value: 1 },
    ];
    const svg = histogram(buckets, { id: 'factors', title: 'Task factors' });
    expect(count(wellFormed(svg), 'rect')).toBe(3);
    expect(yTicks(svg)).toEqual(['0', '1', '2', '3']);
    expect(svg).toContain('class="chart-bar chart-histogram-bar"');
    expect(svg).toContain('<desc id="factors-desc">&lt;10x: 0; 10–25x: 3; ≥200x: 1.</desc>');
    expect(svg).toContain('>&lt;10x</text>');
  });
});

describe('no data', () => {
  it.each([
    ['line', lineChart],
    ['bar', barChart],
    ['histogram', histogram],
  ] as const)('%s chart without points says so', (_, chart) => {
    const svg = chart([], { id: 'empty', title: 'Nothing yet' });
    const names = wellFormed(svg);
    expect(names).toEqual(['svg', 'title', 'desc', 'text']);
    expect(svg).toContain('viewBox="0 0 480 60"');
    expect(svg).toContain('>No data</text>');
    expect(svg).toContain('<desc id="empty-desc">No data.</desc>');
    expect(svg).toContain('role="img"');
  });

  it('non-finite values are left out', () => {
    const svg = lineChart([{ label: 'a', value: Number.NaN }, { label: 'b', value: 2 }, { label: 'c', value: Infinity }], {
      id: 'nan',
      title: 'NaN',
    });
    expect(count(wellFormed(svg), 'circle')).toBe(1);
    expect(svg).not.toContain('<title>a:');
    expect(svg).not.toContain('<title>c:');
    expect(lineChart([{ label: 'a', value: Number.NaN }], { id: 'x', title: 'x' })).toContain('No data');
  });
});

describe('escaping', () => {
  it('a hostile label, title and description stay text', () => {
    for (const chart of [lineChart, barChart, histogram]) {
      const svg = chart([{ label: HOSTILE, value: 3 }], {
        id: '"><script>',
        title: HOSTILE,
        description: HOSTILE,
        xLabel: HOSTILE,
        yLabel: HOSTILE,
      });
      const names = wellFormed(svg);
      expect(names).not.toContain('script');
      expect(svg).not.toContain('<script');
      expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;) &amp; &apos;y&apos;&lt;/script&gt;');
      expect(svg).toContain('aria-labelledby="chart--script--title chart--script--desc"');
    }
  });

  it('any labels give well-formed output (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ label: fc.string({ unit: 'binary' }), value: fc.double({ min: -1e6, max: 1e6, noNaN: true }) }), { maxLength: 12 }),
        fc.string({ unit: 'binary' }),
        (points, title) => {
          wellFormed(lineChart(points, { id: 'p', title }));
          wellFormed(barChart(points, { id: 'p', title }));
          wellFormed(histogram(points, { id: 'p', title }));
        },
      ),
    );
  });
});

describe('determinism', () => {
  it('same input, same bytes', () => {
    const options = { id: 'd', title: 'D' };
    expect(lineChart(DAYS, options)).toBe(lineChart(DAYS.map((p) => ({ ...p })), { ...options }));
    expect(barChart(DAYS, options)).toBe(barChart([...DAYS], options));
    expect(histogram(DAYS, options)).toBe(histogram([...DAYS], options));
  });

  it('ends with a newline and holds no build-dependent text', () => {
    const svg = lineChart(DAYS, { id: 'd', title: 'D' });
    expect(svg.endsWith('</svg>\n')).toBe(true);
    expect(svg).not.toMatch(/undefined|NaN|Infinity/);
  });
});

describe('helpers', () => {
  it('coord: two decimals at most, no -0', () => {
    expect(coord(1)).toBe('1');
    expect(coord(1.5)).toBe('1.5');
    expect(coord(1.006)).toBe('1.01');
    expect(coord(1.004)).toBe('1');
    expect(coord(10.1)).toBe('10.1');
    expect(coord(2 / 3)).toBe('0.67');
    expect(coord(-0.001)).toBe('0');
    expect(coord(100)).toBe('100');
  });

  it('niceScale: round ticks from zero past the maximum', () => {
    expect(niceScale([205.7, 12])).toEqual({ min: 0, max: 300, ticks: [0, 100, 200, 300] });
    expect(niceScale([102.3])).toEqual({ min: 0, max: 150, ticks: [0, 50, 100, 150] });
    expect(niceScale([0.3])).toEqual({ min: 0, max: 0.3, ticks: [0, 0.1, 0.2, 0.3] });
    expect(niceScale([0, 0])).toEqual({ min: 0, max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] });
    expect(niceScale([-5, 5]).ticks).toEqual([-5, -2.5, 0, 2.5, 5]);
  });

  it('labelIndices: all that fit, else every k-th back from the newest', () => {
    expect(labelIndices(3, 7)).toEqual([0, 1, 2]);
    expect(labelIndices(10, 3)).toEqual([1, 5, 9]);
    expect(labelIndices(7, 3)).toEqual([0, 3, 6]); // the step lands on the first: both ends
    expect(labelIndices(10, 1)).toEqual([9]);
    expect(labelIndices(0, 5)).toEqual([]);
  });

  it('labelIndices_never_leaves_a_label_out_of_the_middle (14 days on 7 labels dropped "Mar 5")', () => {
    // The old rule rounded k·13/6: 0, 2, 4, 7, 9, 11, 13 — a gap of 3 among gaps of 2.
    expect(labelIndices(14, 7)).toEqual([1, 3, 5, 7, 9, 11, 13]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 40 }), (count, max) => {
        const picked = labelIndices(count, max);
        expect(picked.length).toBeLessThanOrEqual(Math.max(max, 1));
        expect(picked[picked.length - 1]).toBe(count - 1);
        expect(new Set(picked.slice(1).map((n, i) => n - picked[i]!)).size).toBeLessThanOrEqual(1);
        // As many labels as fit: one step less would need more than max.
        const step = picked.length > 1 ? picked[1]! - picked[0]! : count;
        if (step > 1) expect(Math.floor((count - 1) / (step - 1)) + 1).toBeGreaterThan(max);
      }),
    );
  });

  it('niceScale_whole_ticks_for_counts (the factor distribution read 0, 3, 5, 8, 10 on steps of 2.5)', () => {
    expect(niceScale([10], true).ticks).toEqual([0, 5, 10]);
    expect(niceScale([7], true).ticks).toEqual([0, 2, 4, 6, 8]);
    expect(niceScale([2], true).ticks).toEqual([0, 1, 2]);
    expect(niceScale([0], true).ticks).toEqual([0, 1]);
    expect(niceScale([95], true).ticks).toEqual([0, 25, 50, 75, 100]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 20 }), (values) => {
        const { ticks, max } = niceScale(values, true);
        expect(ticks.every(Number.isInteger)).toBe(true);
        expect(max).toBeGreaterThanOrEqual(Math.max(...values));
      }),
    );
  });

  it('tick labels read as their values: no two alike, none rounded away', () => {
    const histogramSvg = histogram([{ label: 'a', value: 10 }, { label: 'b', value: 4 }], { id: 'h', title: 'H' });
    expect(yTicks(histogramSvg)).toEqual(['0', '5', '10']);
    const small = barChart([{ label: 'a', value: 2 }], { id: 's', title: 'S' });
    expect(yTicks(small)).toEqual(['0', '0.5', '1', '1.5', '2']);
    expect(tickDecimals(niceScale([0.3]))).toBe(1);
    expect(tickDecimals(niceScale([0, 0]))).toBe(2);
    expect(tickDecimals(niceScale([205]))).toBe(0);
  });

  it('describeData', () => {
    expect(describeData([])).toBe('No data.');
    expect(describeData(DAYS, (v) => v.toFixed(0))).toBe(
      '4 values from 2026-03-01 to 2026-03-04. Lowest 13 (2026-03-03), highest 206 (2026-03-04), latest 206.',
    );
    expect(describeData([{ label: 'a', value: 1 }, { label: 'b', value: 2 }], String, 'categories')).toBe('a: 1; b: 2.');
  });

  it('chartTable gives the data for an HTML table', () => {
    expect(
      chartTable(DAYS.slice(0, 2), {
        caption: 'Weighted leverage per day',
        labelHeader: 'Date',
        valueHeader: 'Leverage',
        formatValue: (v) => `${v.toFixed(1)}x`,
      }),
    ).toEqual({
      caption: 'Weighted leverage per day',
      columns: ['Date', 'Leverage'],
      rows: [
        { label: '2026-03-01', value: 80.14, text: '80.1x' },
        { label: '2026-03-02', value: 102.27, text: '102.3x' },
      ],
    });
    expect(chartTable([{ label: 'a', value: Number.NaN }], { caption: 'c', labelHeader: 'l', valueHeader: 'v' }).rows).toEqual([]);
  });
});
