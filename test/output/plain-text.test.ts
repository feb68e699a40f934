/**
 * Plain text of Markdown on a built site: meta descriptions, feed summaries, truncated titles
 * and their `title=""` come from the parsed Markdown, so they say what the page shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Root } from 'hast';
import { build } from '../../src/build.js';
import { makeRoot, readHtml, readTree, removeRoot } from '../support/site.js';
import { only, parseXml } from '../support/xml.js';

const SUMMARY = 'Renamed snake_case_name and __init__ helpers';
/** What the page shows: `__init__` is strong emphasis in Markdown, the underscores inside words are text. */
const SUMMARY_TEXT = 'Renamed snake_case_name and init helpers';

const FILES = {
  'site.yaml': 'title: Text\nurl: https://example.com\ntruncateTitles: 30\n',
  'records/2026-03-02.md': `---
date: 2026-03-02
summary: ${SUMMARY}
tasks:
  - task: Move __init__ helpers into snake_case_modules, all of them
    human: 2h
    claude: 10m
  - task: 10. Fix the cache
    human: 1h
    claude: 5m
  - task: Link WWW.EXAMPLE.COM
    human: 1h
    claude: 5m
---
Body.
`,
};

describe('plain text of Markdown in the built site', () => {
  let root: string;
  let files: Map<string, Buffer>;
  let page: Root;
  const file = (path: string): string => files.get(path)!.toString('utf8');

  beforeAll(async () => {
    root = await makeRoot(FILES);
    await build({ root, out: join(root, 'dist') });
    files = await readTree(join(root, 'dist'));
    page = await readHtml(join(root, 'dist/records/2026-03-02/index.html'));
  });
  afterAll(() => removeRoot(root));

  it('keeps snake_case_name in the meta description and the feeds (regression: it became snakecasename)', () => {
    const description = select('meta[name="description"]', page)!.properties['content'];
    expect(description).toBe(SUMMARY_TEXT);
    const entry = only(parseXml(file('feed.xml')), 'entry');
    expect(only(entry, 'summary').text).toBe(SUMMARY_TEXT);
    const json = JSON.parse(file('feed.json')) as { items: { summary: string }[] };
    expect(json.items[0]!.summary).toBe(SUMMARY_TEXT);
  });

  it("shows the summary's Markdown as the description's text", () => {
    expect(toText(select('p.summary', page)!)).toContain(SUMMARY_TEXT);
  });

  it("cuts a long title's text, not its Markdown, and gives the whole text in title=\"\"", () => {
    const abbr = select('abbr', page)!;
    expect(abbr.properties['title']).toBe('Move init helpers into snake_case_modules, all of them');
    expect(toText(abbr)).toBe('Move init helpers into…');
  });

  it('renders a title as inline Markdown: no list, and www. addresses linked in any case', () => {
    const cells = selectAll('th.task', page).map((cell) => toText(cell));
    expect(cells).toContain('10. Fix the cache');
    expect(selectAll('th.task ol', page)).toHaveLength(0);
    expect(select('th.task a[href="http://WWW.EXAMPLE.COM"]', page)).toBeDefined();
  });
});
