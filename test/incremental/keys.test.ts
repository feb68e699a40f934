/**
 * Page keys: the key substitutes record contents itself instead of through a replacer
 * function; it must be the key the replacer made, for every page of any site.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { pageKey } from '../../src/incremental/keys.js';
import { recordContent } from '../../src/site/content.js';
import { buildSiteModel } from '../../src/site/pages.js';
import type { Page, RecordContent } from '../../src/site/types.js';
import { testRecord } from '../support/records.js';

/** The key as first written: JSON.stringify with a replacer dropping dependsOn and standing in keys for contents. */
function previousPageKey(page: Page, contentKeys: Map<RecordContent, string>, globalKey: string): string {
  const json = JSON.stringify(page, (name, value: unknown) => {
    if (name === 'dependsOn') return undefined;
    if (typeof value === 'object' && value !== null && contentKeys.has(value as RecordContent)) {
      return contentKeys.get(value as RecordContent);
    }
    return value;
  });
  return createHash('sha1').update(globalKey).update('\0').update(json).digest('hex');
}

const day = fc.integer({ min: 0, max: 200 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
const TAGS = ['AI', 'ai', 'Time Record', 'cms', 'Ünïcode'];
const site = fc.record({
  days: fc.uniqueArray(day, { minLength: 0, maxLength: 30 }),
  tags: fc.array(fc.subarray(TAGS), { minLength: 30, maxLength: 30 }),
  human: fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 30, maxLength: 30 }),
  pageSize: fc.integer({ min: 1, max: 5 }),
  /** Which contents have a key (a content without one is covered whole). */
  keyed: fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
});
/** A change to one record of a site: its figures, its tags or its file (so its key). */
const edit = fc.record({
  at: fc.nat(),
  human: fc.option(fc.integer({ min: 1, max: 5000 })),
  tags: fc.option(fc.subarray(TAGS)),
  newFile: fc.boolean(),
});

type Site = typeof site extends fc.Arbitrary<infer T> ? T : never;

/** The pages of a site by output path, with the record contents' keys. */
function pagesOf(s: Site, fileKey: (i: number) => string) {
  const config = { ...DEFAULT_CONFIG, pageSize: s.pageSize };
  const records = [...s.days].sort().map((date, i) =>
    testRecord(date, [{ human: s.human[i]!, claude: 7 }, { human: 30, claude: 2, supervision: null }], { tags: s.tags[i]! }),
  );
  const contents = records.map((r) => recordContent(r, config));
  const keys = new Map(contents.flatMap((c, i) => (s.keyed[i] ? [[c, fileKey(i)] as const] : [])));
  return new Map(buildSiteModel(records, contents, config).pages.map((page) => [page.outputPath, { page, keys }]));
}

describe('pageKey', () => {
  it('tells two versions of a page apart exactly when the replacer did, on arbitrary sites and edits', () => {
    fc.assert(
      fc.property(site, edit, (before, change) => {
        const at = before.days.length > 0 ? change.at % before.days.length : 0;
        const after: Site = {
          ...before,
          human: before.human.map((h, i) => (i === at && change.human !== null ? change.human : h)),
          tags: before.tags.map((t, i) => (i === at && change.tags !== null ? change.tags : t)),
        };
        const old = pagesOf(before, (i) => `file-${i}`);
        const now = pagesOf(after, (i) => (i === at && change.newFile ? `file-${i}-edited` : `file-${i}`));
        for (const [path, a] of old) {
          const b = now.get(path);
          if (!b) continue;
          const sameBefore = previousPageKey(a.page, a.keys, 'g') === previousPageKey(b.page, b.keys, 'g');
          const sameNow = pageKey(a.page, a.keys, 'g') === pageKey(b.page, b.keys, 'g');
          expect(sameNow).toBe(sameBefore);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('is the key the replacer made on pages without a chart', () => {
    fc.assert(
      fc.property(site, (s) => {
        for (const { page, keys } of pagesOf(s, (i) => `file-${i}`).values()) {
          if ('chartSvg' in page) continue;
          expect(pageKey(page, keys, 'global')).toBe(previousPageKey(page, keys, 'global'));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('changes when a record a page shows changes', () => {
    const config = DEFAULT_CONFIG;
    const records = ['2026-01-01', '2026-01-02'].map((date) => testRecord(date, [{ human: 60, claude: 5 }]));
    const contents = records.map((r) => recordContent(r, config));
    const home = (keyOfFirst: string): string => {
      const keys = new Map([[contents[0]!, keyOfFirst], [contents[1]!, 'b']]);
      return pageKey(buildSiteModel(records, contents, config).pages.find((p) => p.template === 'home')!, keys, 'g');
    };
    expect(home('a')).not.toBe(home('a2'));
  });
});
