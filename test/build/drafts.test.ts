/**
 * Drafts (issue 18): a build with `--drafts` shows a draft's page with a "Draft" banner, and
 * the draft reaches no feed (the site's, its tags'), not the sitemap and no data export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from '../../src/build.js';
import { makeRoot, readHtml, readTree, removeRoot, text, writeFiles } from '../support/site.js';

function day(date: string, tags: string, draft: boolean): string {
  return `---\ndate: ${date}\ntags: [${tags}]\n${draft ? 'draft: true\n' : ''}summary: The day ${date}.\ntasks:\n  - task: Work of ${date}\n    human: 2h\n    claude: 10m\n---\n\nWhat happened on ${date}.\n`;
}

const DRAFT = '2026-05-04';
const RECORDS = {
  'site.yaml': 'url: https://example.com\n',
  'records/2026-03-02.md': day('2026-03-02', 'AI', false),
  'records/2026-03-03.md': day('2026-03-03', 'AI', false),
  // The newest record, in a month and with a tag of its own: drafts alone.
  [`records/${DRAFT}.md`]: day(DRAFT, 'AI, Secret', true),
};

/** The paths of every feed and export a build wrote. */
const FEEDS_AND_EXPORTS = ['feed.xml', 'feed.json', 'tags/ai/feed.xml', 'tags/ai/feed.json', 'sitemap.xml', 'data/records.json', 'data/tasks.csv'];

describe('a build with --drafts', () => {
  let root: string;
  let out: string;

  beforeAll(async () => {
    root = await makeRoot(RECORDS);
    out = join(root, 'dist');
    await build({ root, out, drafts: true });
  });
  afterAll(() => removeRoot(root));

  it("shows the draft's page with a Draft banner near its top, and none on published pages", async () => {
    const draft = await readHtml(join(out, `records/${DRAFT}/index.html`));
    expect(text(draft, 'article.record > .draft-banner')).toMatch(/^Draft: not published/);
    const published = await readHtml(join(out, 'records/2026-03-03/index.html'));
    expect(text(published, '.draft-banner')).toBe('');
  });

  it.each(FEEDS_AND_EXPORTS)('%s names no draft, and the published records', async (path) => {
    const content = await readFile(join(out, path), 'utf8');
    expect(content).not.toContain(DRAFT);
    expect(content).not.toContain('May 4, 2026');
    expect(content).toContain('2026-03-03');
  });

  it('the data exports count the published records alone', async () => {
    const data = JSON.parse(await readFile(join(out, 'data/records.json'), 'utf8'));
    expect(data.records.map((r: { date: string }) => r.date)).toEqual(['2026-03-02', '2026-03-03']);
    expect(data.totals.records).toBe(2);
    const csv = (await readFile(join(out, 'data/tasks.csv'), 'utf8')).trim().split('\n');
    expect(csv).toHaveLength(3); // the header and one row per published task
  });

  it('a tag of drafts alone has a page but no feed, and the sitemap leaves out its pages, its month and year', async () => {
    expect(existsSync(join(out, 'tags/secret/index.html'))).toBe(true);
    expect(existsSync(join(out, 'tags/secret/feed.xml'))).toBe(false);
    expect(existsSync(join(out, 'tags/secret/feed.json'))).toBe(false);
    const sitemap = await readFile(join(out, 'sitemap.xml'), 'utf8');
    expect(sitemap).not.toContain('/tags/secret/');
    expect(sitemap).not.toContain('/2026/05/');
    expect(sitemap).toContain('https://example.com/2026/03/');
    expect(sitemap).toContain('https://example.com/records/2026-03-03/');
  });

  it('publishing the draft brings it into every feed and export, incrementally as from scratch', async () => {
    const dir = await makeRoot(RECORDS);
    try {
      await build({ root: dir, drafts: true });
      await writeFiles(dir, { [`records/${DRAFT}.md`]: day(DRAFT, 'AI, Secret', false) });
      await build({ root: dir, drafts: true });
      await build({ root: dir, out: join(dir, 'fresh'), cache: false, drafts: true });
      const [incremental, cold] = await Promise.all([readTree(join(dir, 'dist')), readTree(join(dir, 'fresh'))]);
      expect([...incremental.keys()]).toEqual([...cold.keys()]);
      for (const [path, bytes] of cold) expect(incremental.get(path)!.equals(bytes), path).toBe(true);
      for (const path of [...FEEDS_AND_EXPORTS, 'tags/secret/feed.xml']) {
        expect(incremental.get(path)!.toString('utf8'), path).toContain(DRAFT);
      }
      expect(incremental.get(`records/${DRAFT}/index.html`)!.toString('utf8')).not.toContain('draft-banner');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a build without --drafts has no page of the draft', async () => {
    const dir = await makeRoot(RECORDS);
    try {
      await build({ root: dir });
      expect(existsSync(join(dir, `dist/records/${DRAFT}/index.html`))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
