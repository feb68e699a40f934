import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type SiteConfig } from '../../src/config/types.js';
import { aliasConfig, aliasRecord } from '../../src/site/apply-aliases.js';
import { recordContent } from '../../src/site/content.js';
import { siteInfo } from '../../src/site/pages.js';
import { withBasePathInHtml } from '../../src/site/urls.js';
import { referenceRecord } from '../support/reference-day.js';

const CONFIG: SiteConfig = {
  ...DEFAULT_CONFIG,
  title: 'Acme log',
  description: 'For Acme.',
  author: { name: 'Ada', bio: 'Works for **Acme**.' },
  aboutRecords: 'Acme rows.',
  callToAction: 'Ask acme.',
  recordTag: 'Acme',
  aliases: { Acme: 'Client' },
};

function acmeRecord() {
  const r = referenceRecord();
  return {
    ...r,
    title: 'Acme day',
    tags: ['Acme', 'AI'],
    summary: 'For *Acme*.',
    body: 'Acme body.',
    tasks: r.tasks.map((t, i) => ({ ...t, task: i === 0 ? 'Acme task' : t.task, project: i === 0 ? 'acme' : null })),
  };
}

describe('aliasRecord', () => {
  it('aliases every text of a record and leaves the numbers alone', () => {
    const source = acmeRecord();
    const aliased = aliasRecord(source, CONFIG);
    expect(aliased.title).toBe('Client day');
    expect(aliased.tags).toEqual(['Client', 'AI']);
    expect(aliased.summary).toBe('For *Client*.');
    expect(aliased.body).toBe('Client body.');
    expect(aliased.tasks[0]).toMatchObject({ task: 'Client task', project: 'client', humanMinutes: 240, claudeMinutes: 19 });
    expect(source.title).toBe('Acme day'); // pure
  });

  it('is computed once per record and never applied twice', () => {
    const source = acmeRecord();
    const config = { ...CONFIG, aliases: { Acme: 'Acme Learn' } };
    const once = aliasRecord(source, config);
    expect(aliasRecord(source, config)).toBe(once);
    expect(aliasRecord(once, config)).toBe(once);
    expect(once.title).toBe('Acme Learn day');
  });

  it('returns the record itself without aliases', () => {
    const source = acmeRecord();
    expect(aliasRecord(source, DEFAULT_CONFIG)).toBe(source);
  });
});

describe('aliasConfig and the content', () => {
  it('aliases the site texts', () => {
    const config = aliasConfig(CONFIG);
    expect(config).toMatchObject({ title: 'Client log', description: 'For Client.', recordTag: 'Client' });
    expect(aliasConfig(config)).toBe(config);
    const site = siteInfo(CONFIG);
    expect(site.authorBioHtml).toBe('<p>Works for <strong>Client</strong>.</p>');
    expect(site.aboutRecordsHtml).toBe('<p>Client rows.</p>');
    expect(site.callToActionHtml).toBe('<p>Ask client.</p>');
  });

  it('recordContent shows the aliased texts', () => {
    const content = recordContent(acmeRecord(), CONFIG);
    expect(content.title).toBe('Client day');
    expect(content.summaryHtml).toBe('For <em>Client</em>.');
    expect(content.tags.map((t) => t.url)).toEqual(['/tags/client/', '/tags/ai/']);
    expect(content.rows[0]!.taskHtml).toBe('Client task');
    expect(content.bodyHtml).toBe('<p>Client body.</p>');
    expect(JSON.stringify(content)).not.toMatch(/acme/i);
  });
});

describe('withBasePathInHtml', () => {
  it('prefixes root-relative links only', () => {
    const html = '<a href="/feed.xml">a</a><a href="//cdn.example/x">b</a><a href="https://x.example/">c</a><img src="/i.png"><a href="#f">d</a><a href="/blog/x/">e</a>';
    expect(withBasePathInHtml(html, '/blog')).toBe(
      '<a href="/blog/feed.xml">a</a><a href="//cdn.example/x">b</a><a href="https://x.example/">c</a><img src="/blog/i.png"><a href="#f">d</a><a href="/blog/x/">e</a>',
    );
    expect(withBasePathInHtml(html, '')).toBe(html);
  });
});
