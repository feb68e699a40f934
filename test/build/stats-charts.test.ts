/**
 * The stats page's charts as a reader sees them in a built site: whole-number counts, x labels
 * evenly spaced with none missing from the middle, days spaced by the calendar, and the 14- and
 * 90-day charts only when they differ.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { build } from '../../src/build.js';
import { addDays, daysBetween } from '../../src/leverage/dates.js';
import { makeRoot, readHtml, removeRoot } from '../support/site.js';

/** Feb 28 … Mar 13, 2026 (the 14 days of the last window) without Mar 7 and Mar 8. */
const DATES = Array.from({ length: 14 }, (_, i) => addDays('2026-02-28', i)).filter((d) => d !== '2026-03-07' && d !== '2026-03-08');

function recordFile(date: string, i: number): string {
  // Ten tasks between 10x and 25x in all (the tallest bar): a count that a step of 2.5 would label 0, 3, 5, 8, 10.
  const tasks = [
    i % 2 === 0 ? `  - task: Task B of ${date}\n    human: 3h\n    claude: 5m` : `  - task: Task C of ${date}\n    human: 4h\n    claude: 3m`,
  ];
  if (i < 10) tasks.push(`  - task: Task A of ${date}\n    human: ${2 + (i % 3)}h\n    claude: 10m`);
  return `---\ntasks:\n${tasks.join('\n')}\n---\n\nNotes.\n`;
}

const MONTHS: Record<string, string> = { Feb: '02', Mar: '03' };
/** `Mar 5` → `2026-03-05`. */
const isoOf = (short: string): string => {
  const [month, day] = short.split(' ');
  return `2026-${MONTHS[month!]}-${day!.padStart(2, '0')}`;
};

function charts(tree: Root): Element[] {
  return selectAll('svg.chart', tree);
}
const title = (svg: Element): string => toText(selectAll('title', svg)[0]!).trim();
const yTicks = (svg: Element): string[] =>
  selectAll('text.chart-label', svg)
    .filter((t) => t.properties.textAnchor === 'end')
    .map((t) => toText(t).trim());
const xLabels = (svg: Element): { x: number; text: string }[] =>
  selectAll('text.chart-label', svg)
    .filter((t) => t.properties.textAnchor === 'middle')
    .map((t) => ({ x: Number(t.properties.x), text: toText(t).trim() }));

describe('the stats page charts tell the truth', () => {
  let root: string;
  let stats: Root;

  beforeAll(async () => {
    root = await makeRoot(Object.fromEntries(DATES.map((date, i) => [`records/${date}.md`, recordFile(date, i)])));
    await build({ root, out: join(root, 'dist'), cache: false });
    stats = await readHtml(join(root, 'dist/stats/index.html'));
  });
  afterAll(() => removeRoot(root));

  it('counts tasks on whole-number ticks', () => {
    const histogram = charts(stats).find((svg) => title(svg) === 'Tasks by leverage factor')!;
    const ticks = yTicks(histogram);
    expect(ticks.length).toBeGreaterThan(2);
    for (const tick of ticks) expect(tick).toMatch(/^\d+$/);
    expect(toText(selectAll('desc', histogram)[0]!)).toContain('10–25x: 10;');
    // Ticks are equally spaced on the axis, so their labels must step equally too.
    const numbers = ticks.map(Number);
    expect(new Set(numbers.slice(1).map((n, i) => n - numbers[i]!)).size).toBe(1);
  });

  it('labels the 14-day chart evenly, the newest day included and none skipped between', () => {
    const hours = charts(stats).filter((svg) => title(svg).startsWith('Human-equivalent hours per day'));
    // Every record falls in the last 14 days: one chart, not the same bars twice.
    expect(hours.map(title)).toEqual(['Human-equivalent hours per day, last 14 days']);
    const labels = xLabels(hours[0]!).map((l) => isoOf(l.text));
    expect(labels[labels.length - 1]).toBe('2026-03-13');
    const steps = new Set(labels.slice(1).map((d, i) => daysBetween(labels[i]!, d)));
    expect(steps.size).toBe(1);
    expect(labels).toContain('2026-03-05');
  });

  it('spaces the leverage chart by calendar days, so the weekend without records shows as a gap', () => {
    const leverage = charts(stats).find((svg) => title(svg) === 'Weighted leverage per day')!;
    const points = selectAll('circle.chart-point', leverage).map((c) => Number(c.properties.cx));
    expect(points).toHaveLength(DATES.length);
    const day = points[1]! - points[0]!;
    const friday = DATES.indexOf('2026-03-06');
    // Mar 6 to Mar 9 is three days' width; the line does not bridge it.
    expect(points[friday + 1]! - points[friday]!).toBeCloseTo(3 * day, 1);
    expect(selectAll('polyline.chart-line', leverage)).toHaveLength(2);
    // The x labels are calendar days at equal distances.
    const labels = xLabels(leverage);
    const gaps = labels.slice(1).map((l, i) => daysBetween(isoOf(labels[i]!.text), isoOf(l.text)));
    expect(new Set(gaps).size).toBe(1);
    const widths = labels.slice(1).map((l, i) => l.x - labels[i]!.x);
    for (const w of widths) expect(w).toBeCloseTo(widths[0]!, 1);
  });
});
