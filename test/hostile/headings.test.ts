/**
 * An author's `# Heading` must not become a second h1, nor make the page's headings skip
 * levels: block Markdown is moved down so its highest heading is an h3 (under the page's h1
 * and the section's h2).
 */
import { join } from 'node:path';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/markdown/render.js';
import { readHtml } from '../support/site.js';
import { expectBuilt, hostileBuild, plainRecord } from './helpers.js';

describe('headings in the author’s Markdown', () => {
  it('a body and site texts with # and ## headings: one h1 per page, no level skipped', async () => {
    const body = ['# My big title', '', 'Text.', '', '## A section', '', '### A subsection', '', 'More.'].join('\n');
    const result = await hostileBuild({
      'records/2026-01-01.md': `${plainRecord('2026-01-01').trimEnd()}\n\n${body}\n`,
      'site.yaml': 'aboutRecords: "# About\\n\\nWhat these are."\nauthor:\n  name: Ada\n  bio: "## Me\\n\\nI write."\ncallToAction: "# Subscribe!"\n',
    });
    try {
      expectBuilt(result);
      const page = await readHtml(join(result.out, 'records/2026-01-01/index.html'));
      const headings = selectAll('h1, h2, h3, h4, h5, h6', page).map((h) => `${h.tagName} ${toText(h).trim()}`);
      expect(headings.filter((h) => h.startsWith('h1 '))).toEqual(['h1 Leverage Record: January 1, 2026']);
      const levels = headings.map((h) => Number(h[1]));
      for (let i = 1; i < levels.length; i++) expect(levels[i]!, headings.join(' | ')).toBeLessThanOrEqual(levels[i - 1]! + 1);
      expect(headings).toContain('h3 My big title');
      expect(headings).toContain('h4 A section');
      expect(headings).toContain('h5 A subsection');
      expect(headings).toContain('h3 About');
      expect(headings).toContain('h3 Me');
    } finally {
      await result.cleanup();
    }
  });

  it('bodies written with ### (as the example blog’s) are left as they are', () => {
    expect(renderMarkdown('### Why\n\n#### Detail', { allowHtml: false })).toBe('<h3>Why</h3>\n<h4>Detail</h4>');
    expect(renderMarkdown('# a\n\n###### deep', { allowHtml: true })).toBe('<h3>a</h3>\n<h6>deep</h6>');
  });
});
