/**
 * The series sentences are inline HTML made from the plain sentences of leverage/highlights.ts
 * and leverage/milestones.ts (src/site/series.ts). None of those quotes author text today, so
 * no record can put markup into one: here the two modules say every sentence with markup
 * added, to see that a reader gets that markup as text. The modules are replaced for this
 * file only, and series.ts imported afresh over them, so other test files sharing the worker
 * (`npm run test:unit` shares modules between files) see the real ones.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import type { SeriesContext } from '../../src/site/series.js';
import { testRecord } from '../support/records.js';

const MARKUP = ` <b title='x'>"R&D"</b> &amp; <script>alert(1)</script>`;
const HIGHLIGHTS = '../../src/leverage/highlights.js';
const MILESTONES = '../../src/leverage/milestones.js';

let series: SeriesContext;
beforeAll(async () => {
  vi.resetModules();
  vi.doMock(HIGHLIGHTS, async (importOriginal) => {
    const actual = await importOriginal<typeof import('../../src/leverage/highlights.js')>();
    return {
      ...actual,
      describeHighlights: (...args: Parameters<typeof actual.describeHighlights>) =>
        actual.describeHighlights(...args).map((sentence) => sentence + MARKUP),
    };
  });
  vi.doMock(MILESTONES, async (importOriginal) => {
    const actual = await importOriginal<typeof import('../../src/leverage/milestones.js')>();
    return {
      ...actual,
      seriesMilestones: (...args: Parameters<typeof actual.seriesMilestones>) =>
        new Map([...actual.seriesMilestones(...args)].map(([date, list]) => [date, list.map((m) => ({ ...m, text: m.text + MARKUP }))])),
    };
  });
  const { seriesContext } = await import('../../src/site/series.js');
  const { recordSetOf } = await import('../../src/site/parts.js');
  const record = testRecord('2026-01-01', [{ human: 120, claude: 10 }, { human: 180, claude: 10 }]);
  const records = recordSetOf([record], DEFAULT_CONFIG);
  series = seriesContext(records.summaries, records.record, records.content);
});

afterAll(() => {
  vi.doUnmock(HIGHLIGHTS);
  vi.doUnmock(MILESTONES);
  vi.resetModules();
});

/** What a reader sees of an inline HTML sentence, and whether it holds any element. */
function read(html: string): { text: string; elements: number } {
  const tree = fromHtml(html, { fragment: true });
  return { text: toText(tree), elements: tree.children.filter((node) => node.type !== 'text').length };
}

describe('seriesContext', () => {
  it('escapes every highlight for HTML', () => {
    expect(series.highlights('2026-01-01').map(read)).toEqual([
      { text: `Highest leverage: row 2 (18x); lowest: row 1 (12x).${MARKUP}`, elements: 0 },
      { text: `One minute of Claude time replaced 15 minutes of human engineering.${MARKUP}`, elements: 0 },
    ]);
  });

  it('escapes every milestone for HTML', () => {
    expect(series.milestones('2026-01-01').map(read)).toEqual([
      { text: `First record of the series (15x weighted leverage).${MARKUP}`, elements: 0 },
    ]);
  });
});
