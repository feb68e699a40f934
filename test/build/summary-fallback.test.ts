/**
 * A record without `summary` (issue 18): its analysis's first paragraph, as plain text, is its
 * meta description and its feed summary; the page does not repeat it under the title.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { select } from 'hast-util-select';
import { build } from '../../src/build.js';
import { makeRoot, readHtml, removeRoot } from '../support/site.js';

const RECORD = `---
date: 2026-03-02
tasks:
  - task: Work
    human: 2h
    claude: 10m
---

### What happened

A *long* day of "quotes" & <script>alert(1)</script> [links](https://example.com).
Still the first paragraph.

The second paragraph.
`;
const TEXT = 'A long day of "quotes" & <script>alert(1)</script> links. Still the first paragraph.';

describe('a record without summary', () => {
  let root: string;
  let out: string;

  beforeAll(async () => {
    root = await makeRoot({ 'site.yaml': 'url: https://example.com\n', 'records/2026-03-02.md': RECORD });
    out = join(root, 'dist');
    await build({ root, out });
  });
  afterAll(() => removeRoot(root));

  it('is described by the first paragraph of its analysis, escaped', async () => {
    const page = await readHtml(join(out, 'records/2026-03-02/index.html'));
    const meta = select('meta[name="description"]', page);
    expect(meta?.properties['content']).toBe(TEXT);
    expect(select('p.summary', page)).toBeUndefined();
    const html = await readFile(join(out, 'records/2026-03-02/index.html'), 'utf8');
    expect(html).not.toContain('<script>alert(1)');
  });

  it('has it as its summary in both feeds', async () => {
    const feed = JSON.parse(await readFile(join(out, 'feed.json'), 'utf8'));
    expect(feed.items[0].summary).toBe(TEXT);
    const atom = await readFile(join(out, 'feed.xml'), 'utf8');
    expect(atom).toContain('<summary type="text">A long day of &quot;quotes&quot; &amp; &lt;script&gt;alert(1)&lt;/script&gt; links. Still the first paragraph.</summary>');
  });
});
