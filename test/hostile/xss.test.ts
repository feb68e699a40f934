/**
 * Hostile HTML and JavaScript in every text an author controls — record titles, summaries,
 * bodies, tags, model, task titles and projects, and the texts of site.yaml — never reach a
 * page, a feed or an export as live markup. With `allowHtml: true`, raw HTML of the Markdown
 * texts is let through (the author asked for it); plain texts stay text even then.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHtml, text, texts } from '../support/site.js';
import { parseXml, type XmlElement } from '../support/xml.js';
import { expectBuilt, hostileBuild, type HostileBuild } from './helpers.js';
import { liveMarkup } from './markup.js';

/** Every trick at once, tagged with the field it was put in. */
const payload = (field: string) =>
  [
    `<script>alert('${field}')</script>`,
    `<img src=x onerror="alert('${field}')">`,
    `[link](javascript:alert('${field}'))`,
    `[link2](JaVaScRiPt:alert('${field}'))`,
    `<javascript:alert('${field}')>`,
    `![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)`,
    `[data](data:text/html,<script>alert('${field}')</script>)`,
    `<a href="javascript:alert('${field}')">a</a>`,
    `<svg onload="alert('${field}')">`,
    `<iframe src="javascript:alert('${field}')"></iframe>`,
    `https://example.com/${field}`,
    `"'><b>${field}</b>`,
  ].join(' ');

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
const q = (value: string) => JSON.stringify(value);

/** Fields whose text is Markdown, so `allowHtml: true` lets their raw HTML through. */
/** (`alias` is a public name put into Markdown texts: it is Markdown there.) */
const MARKDOWN_FIELDS = new Set(['summary', 'task', 'body', 'bio', 'aboutRecords', 'callToAction', 'alias']);
/** Fields that are plain text, always. */
const PLAIN_FIELDS = ['title', 'model', 'tag', 'project', 'siteTitle', 'description', 'authorName', 'defaultModel', 'titlePattern', 'aliasPlain', 'language', 'url'];

function files(allowHtml: boolean): Record<string, string> {
  return {
    'site.yaml': [
      `title: ${q(payload('siteTitle'))}`,
      `description: ${q(payload('description'))}`,
      `url: "https://example.com/a\\"><script>alert('url')</script>"`,
      `language: ${q(`en"><script>alert('language')</script>`)}`,
      'author:',
      `  name: ${q(payload('authorName'))}`,
      `  bio: ${q(payload('bio'))}`,
      `aboutRecords: ${q(payload('aboutRecords'))}`,
      `callToAction: ${q(payload('callToAction'))}`,
      `defaultModel: ${q(payload('defaultModel'))}`,
      `defaultTags: [${q(`<script>alert('tag')</script>`)}, Time Record]`,
      `titlePattern: ${q(`{date} ${payload('titlePattern')}`)}`,
      // An alias's public name replaces the private one in every text: Markdown stays Markdown, plain stays plain.
      `aliases: { Acme: ${q(payload('alias'))}, Zeta: ${q(`<img src=x onerror="alert('aliasPlain')">`)} }`,
      `allowHtml: ${allowHtml}`,
      '',
    ].join('\n'),
    // A record that sets every text itself…
    'records/2026-03-02.md': [
      '---',
      `title: ${q(payload('title'))}`,
      `model: ${q(payload('model'))}`,
      // (Tags are short: a long one is refused, see names.test.ts.)
      `tags: [${q(`<img src=x onerror="alert('tag')">`)}, ${q('[x](javascript:alert(1))')}, Time Record]`,
      `summary: ${q(payload('summary'))}`,
      'tasks:',
      `  - task: ${q(payload('task'))}`,
      '    human: 4h',
      '    claude: 19m',
      `    project: ${q(payload('project'))}`,
      `  - task: ${q('=HYPERLINK("http://evil.example","click") for Acme')}`,
      '    human: 2h',
      '    claude: 10m',
      `    project: ${q('@SUM(1+1)')}`,
      '---',
      '',
      payload('body'),
      '',
      '<div onclick="alert(\'body\')">raw block</div>',
      '',
      '[ref]: javascript:alert(\'body\')',
      '',
      'See [the ref][ref] and <https://example.com/ok>.',
      '',
    ].join('\n'),
    // …one that takes the site's defaults (title pattern, model, tags)…
    'records/2026-03-03.md': ['---', 'tasks:', '  - task: Work for Acme', '    human: 1h', '    claude: 5m', '---', '', 'Body for Acme.', ''].join('\n'),
    // …and one whose plain texts hold a private name.
    'records/2026-03-04.md': ['---', 'title: Day for Zeta', 'model: Zeta', 'tags: [Zeta]', 'tasks:', '  - task: Work', '    human: 1h', '    claude: 5m', '    project: Zeta', '---', ''].join('\n'),
  };
}

const ATOM_ELEMENTS = ['feed', 'id', 'title', 'subtitle', 'updated', 'link', 'author', 'name', 'uri', 'email', 'generator', 'entry', 'published', 'category', 'summary', 'content', 'rights', 'icon', 'logo'];

/** The `type="html"` texts of an Atom feed (those a reader renders as HTML). */
function atomHtmlTexts(element: XmlElement): string[] {
  const own = element.attributes.type === 'html' ? [element.text] : [];
  return [...own, ...element.children.flatMap(atomHtmlTexts)];
}

function allNames(element: XmlElement): string[] {
  return [element.name, ...element.children.flatMap(allNames)];
}

/** Every live-markup problem of the site, as `file: problem`. */
async function liveMarkupOf(build: HostileBuild): Promise<string[]> {
  const problems: string[] = [];
  for (const file of build.outFiles) {
    const content = await readFile(join(build.out, file), 'utf8');
    if (file.endsWith('.html')) {
      // The theme's own: <link>/<meta> in <head>, inline <svg> charts.
      for (const p of liveMarkup(content, { allowElements: ['link', 'meta', 'svg'] })) problems.push(`${file}: ${p}`);
    } else if (file === 'feed.xml') {
      const feed = parseXml(content);
      for (const name of allNames(feed)) expect(ATOM_ELEMENTS).toContain(name);
      for (const html of atomHtmlTexts(feed)) for (const p of liveMarkup(html)) problems.push(`${file}: ${p}`);
    } else if (file === 'feed.json') {
      for (const item of JSON.parse(content).items) {
        for (const p of liveMarkup(item.content_html ?? '')) problems.push(`${file}: ${p}`);
      }
    } else if (file === 'sitemap.xml') {
      parseXml(content);
    }
  }
  return problems;
}

const fieldsIn = (problems: string[]) =>
  new Set(problems.flatMap((p) => [...p.matchAll(/alert\('([A-Za-z]+)'\)/g)].map((m) => m[1]!)));

describe('hostile markup in every text', () => {
  let safe: HostileBuild;
  let trusting: HostileBuild;

  beforeAll(async () => {
    [safe, trusting] = await Promise.all([hostileBuild(files(false)), hostileBuild(files(true))]);
  }, 60_000);
  afterAll(async () => {
    await safe?.cleanup();
    await trusting?.cleanup();
  });

  it('builds both sites', () => {
    expectBuilt(safe);
    expectBuilt(trusting);
  });

  it('allowHtml: false — no page, feed or export holds live markup', async () => {
    expect(await liveMarkupOf(safe)).toEqual([]);
  });

  it('allowHtml: false — the hostile texts are shown as text, not dropped', async () => {
    const page = await readHtml(join(safe.out, 'records/2026-03-02/index.html'));
    expect(text(page, 'h1')).toBe(payload('title'));
    expect(text(page, '.model')).toBe(payload('model'));
    expect(texts(page, 'ul.tags a')).toEqual([`<img src=x onerror="alert('tag')">`, '[x](javascript:alert(1))', 'Time Record']);
    expect(text(page, '.summary')).toContain(`<script>alert('summary')</script>`);
    expect(text(page, 'section.analysis')).toContain(`<div onclick="alert('body')">raw block</div>`);
    const defaults = await readHtml(join(safe.out, 'records/2026-03-03/index.html'));
    expect(text(defaults, 'h1')).toBe(`March 3, 2026 ${payload('titlePattern')}`);
    expect(text(defaults, 'section.analysis')).toContain(`Body for <script>alert('alias')</script>`);
    const aliased = await readHtml(join(safe.out, 'records/2026-03-04/index.html'));
    expect(text(aliased, 'h1')).toBe(`Day for <img src=x onerror="alert('aliasPlain')">`);
  });

  it('allowHtml: true — raw HTML comes through only from Markdown texts; plain texts stay text', async () => {
    const problems = await liveMarkupOf(trusting);
    const fields = fieldsIn(problems);
    expect(fields.has('body')).toBe(true); // the author's raw HTML is live, as asked
    for (const plain of PLAIN_FIELDS) expect([...fields], `${plain} became live markup`).not.toContain(plain);
    for (const field of fields) expect(MARKDOWN_FIELDS.has(field), field).toBe(true);
    const page = await readHtml(join(trusting.out, 'records/2026-03-02/index.html'));
    expect(text(page, 'h1')).toBe(payload('title'));
  });

  it('the exports keep the texts as data, and no CSV cell starts a formula', async () => {
    const data = JSON.parse(await readFile(join(safe.out, 'data/records.json'), 'utf8'));
    expect(data.records[0].title).toBe(payload('title'));
    const csv = await readFile(join(safe.out, 'data/tasks.csv'), 'utf8');
    const cells = csv.split(/\r\n/).flatMap((line) => line.match(/("(?:[^"]|"")*"|[^,]*)(,|$)/g) ?? []).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+@\t\r]|^-[^0-9]/);
    expect(csv).toContain(`'=HYPERLINK(""http://evil.example"",""click"") for`);
    expect(csv).toContain(`'@SUM(1+1)`);
  });

  it('the site title, description and url reach <head> and the feeds as text only', async () => {
    const home = await readFile(join(safe.out, 'index.html'), 'utf8');
    const head = home.slice(0, home.indexOf('</head>'));
    expect(liveMarkup(home, { allowElements: ['link', 'meta', 'svg'] })).toEqual([]);
    expect(head).not.toMatch(/<script|<img|<svg|<iframe/i);
    const feed = parseXml(await readFile(join(safe.out, 'feed.xml'), 'utf8'));
    expect(feed.children.find((c) => c.name === 'title')?.text).toBe(payload('siteTitle'));
  });
});
