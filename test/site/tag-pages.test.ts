/**
 * Tag pages of a tag with many records: each page shows its slice, and the pages share the
 * list of dates they depend on. Regression: every page had its own copy of the tag's dates,
 * so a tag of 16,000 records (534 pages) held 8.5 million dates and the model took seconds.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { buildSiteModel } from '../../src/site/pages.js';
import { recordSetOf } from '../../src/site/parts.js';
import type { TagPage } from '../../src/site/types.js';
import { siteMap } from '../../src/output/site-files.js';
import { testRecord } from '../support/records.js';

const DAYS = 95; // four pages of 30, the last one of 5
const records = Array.from({ length: DAYS }, (_, i) => {
  const date = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
  return testRecord(date, [{ human: 60 + i, claude: 10 }]);
});
const config = { ...DEFAULT_CONFIG, url: 'https://example.com' };
const model = buildSiteModel(recordSetOf(records, config), config);
const aiSpecs = model.pages.filter((p) => p.template === 'tag' && p.url.startsWith('/tags/ai/'));
const aiPages = aiSpecs.map((p) => p.model() as TagPage);

describe('the pages of a tag with many records', () => {
  it('show the records newest first, thirty to a page', () => {
    expect(aiPages.map((p) => p.records.length)).toEqual([30, 30, 30, 5]);
    expect(aiPages[0]!.records[0]!.date).toBe(records.at(-1)!.date);
    expect(aiPages[3]!.records.at(-1)!.date).toBe(records[0]!.date);
  });

  it('share one list of the dates they depend on, which holds every record of the tag', () => {
    const lists = aiSpecs.map((p) => p.dependsOn.flatMap((d) => ('records' in d && Array.isArray(d.records) ? [d.records] : [])));
    expect(new Set(lists.flat()).size).toBe(1);
    expect(lists[0]![0]).toHaveLength(DAYS);
  });

  it('are in the sitemap with the date of the newest record as lastmod', () => {
    const xml = siteMap(model);
    for (const page of aiSpecs) {
      expect(xml).toContain(`<loc>https://example.com${page.url}</loc>\n    <lastmod>${records.at(-1)!.date}</lastmod>`);
    }
  });
});
