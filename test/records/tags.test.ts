/** Tag spellings and slugs (issue 19, point 5). */
import { describe, expect, it } from 'vitest';
import { assembleRecords } from '../../src/records/read.js';
import { respellTags } from '../../src/records/tag-collisions.js';
import { tagSlug } from '../../src/site/slug.js';
import { outputPathFor, tagUrl } from '../../src/site/urls.js';
import type { RecordContent } from '../../src/site/types.js';
import { lines, parse } from './helpers.js';

function recordWithTags(date: string, tags: string) {
  const file = `records/${date}.md`;
  return { file, ...parse(file, lines('---', `tags: ${tags}`, 'tasks:', '  - { task: a, human: 1, claude: 1 }', '---')) };
}

describe('tags that differ only in case or punctuation', () => {
  const assembled = assembleRecords(
    [recordWithTags('2026-01-01', '[AI, Time Record]'), recordWithTags('2026-01-02', '[ai, time-record]'), recordWithTags('2026-01-03', '[Ai, ai]')],
    [],
    { drafts: false },
  );

  it('take the spelling most records use, in every record', () => {
    expect(assembled.records.map((r) => r.tags)).toEqual([['ai', 'Time Record'], ['ai', 'Time Record'], ['ai']]);
  });

  it('draw one warning per page, naming every spelling and the page', () => {
    expect(assembled.diagnostics.map((d) => `${d.file}: ${d.message}`)).toEqual([
      'records/2026-01-01.md: the tags "AI" (1 record), "ai" (2 records) and "Ai" (1 record) share the page /tags/ai/, shown as "ai", the spelling most records use',
      'records/2026-01-02.md: the tags "Time Record" (1 record) and "time-record" (1 record) share the page /tags/time-record/, shown as "Time Record", the spelling most records use',
    ]);
  });

  it("respell a record's rendered tags, once each, keeping their links", () => {
    const content = { tags: [{ text: 'AI', url: '/tags/ai/' }, { text: 'Ai', url: '/tags/ai/' }, { text: 'x', url: '/tags/x/' }] } as RecordContent;
    expect(respellTags(content, assembled.tagSpellings).tags).toEqual([
      { text: 'ai', url: '/tags/ai/' },
      { text: 'x', url: '/tags/x/' },
    ]);
  });
});

describe('tag slugs', () => {
  it.each([
    ['Time Record', 'time-record'],
    ['Café', 'cafe'],
    ['Crème brûlée', 'creme-brulee'],
    ['C++', 'c'],
    ['日本語', '日本語'],
    ['한국어', '한국어'],
    ['ガイド', 'ガイド'],
    ['Русский язык', 'русский-язык'],
    ['İstanbul', 'istanbul'],
    ['🚀', 'tag-1f680'],
  ])('%s → %s', (name, slug) => {
    expect(tagSlug(name)).toBe(slug);
  });

  it('a link percent-encodes the letters; the page is written under them', () => {
    expect(tagUrl(tagSlug('日本語'))).toBe('/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/');
    expect(outputPathFor(tagUrl(tagSlug('日本語'), 2))).toBe('tags/日本語/page/2/index.html');
    expect(tagUrl('time-record')).toBe('/tags/time-record/');
  });
});
