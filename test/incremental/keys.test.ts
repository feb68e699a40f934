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
const site = fc.record({
  days: fc.uniqueArray(day, { minLength: 0, maxLength: 40 }),
  tags: fc.array(fc.subarray(['AI', 'ai', 'Time Record', 'cms', 'Ünïcode']), { minLength: 40, maxLength: 40 }),
  human: fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 40, maxLength: 40 }),
  pageSize: fc.integer({ min: 1, max: 5 }),
  /** Which contents have a key (a content without one is covered whole). */
  keyed: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
});

describe('pageKey', () => {
  it('is the key the replacer made, on every page of arbitrary sites', () => {
    fc.assert(
      fc.property(site, ({ days, tags, human, pageSize, keyed }) => {
        const config = { ...DEFAULT_CONFIG, pageSize };
        const records = [...days].sort().map((date, i) =>
          testRecord(date, [{ human: human[i]!, claude: 7 }, { human: 30, claude: 2, supervision: null }], { tags: tags[i]! }),
        );
        const contents = records.map((r) => recordContent(r, config));
        const keys = new Map(contents.flatMap((c, i) => (keyed[i] ? [[c, `key-${i}`] as const] : [])));
        for (const page of buildSiteModel(records, contents, config).pages) {
          expect(pageKey(page, keys, 'global')).toBe(previousPageKey(page, keys, 'global'));
        }
      }),
      { numRuns: 60 },
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
