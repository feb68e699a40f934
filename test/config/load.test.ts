import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import { readTextFile } from '../../src/config/text-file.js';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { formatDiagnosticLine } from '../../src/diagnostics.js';

const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

async function makeRoot(siteYaml?: string | Uint8Array): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'config-load-'));
  roots.push(root);
  if (siteYaml !== undefined) await writeFile(path.join(root, 'site.yaml'), siteYaml);
  return root;
}

function check(...lines: string[]) {
  const loaded = parseConfig('site.yaml', `${lines.join('\n')}\n`);
  return { ...loaded, seen: loaded.diagnostics.map(formatDiagnosticLine) };
}

describe('loadConfig', () => {
  it('gives the defaults when there is no site.yaml, and warns once that url is missing', async () => {
    const loaded = await loadConfig(await makeRoot());
    expect(loaded).toMatchObject({ config: DEFAULT_CONFIG, file: null, source: null });
    expect(loaded.diagnostics.map(formatDiagnosticLine)).toEqual([
      "site.yaml: warning: url is not set: the feeds, the sitemap and social links need the site's absolute address (write site.yaml with e.g. url: https://example.com)",
    ]);
  });

  it('reads site.yaml and keeps its text for code frames', async () => {
    const loaded = await loadConfig(await makeRoot('title: My Record\nurl: https://example.com\n'));
    expect(loaded).toMatchObject({ file: 'site.yaml', source: 'title: My Record\nurl: https://example.com\n', diagnostics: [] });
    expect(loaded.config).toEqual({ ...DEFAULT_CONFIG, title: 'My Record', url: 'https://example.com' });
  });

  it('a site.yaml without url (or with an empty one) gets the warning, once', async () => {
    for (const yaml of ['title: My Record\n', 'url:\n', 'url: ""\n']) {
      const loaded = await loadConfig(await makeRoot(yaml));
      expect(loaded.diagnostics.map(formatDiagnosticLine), yaml).toEqual([
        "site.yaml: warning: url is not set: the feeds, the sitemap and social links need the site's absolute address (add e.g. url: https://example.com to site.yaml)",
      ]);
    }
  });

  it('no url warning on top of an error to fix first', async () => {
    const loaded = await loadConfig(await makeRoot('url: example.com\n'));
    expect(loaded.diagnostics.map((d) => d.severity)).toEqual(['error']);
  });

  it('an empty site.yaml is all defaults', async () => {
    expect((await loadConfig(await makeRoot(''))).config).toEqual(DEFAULT_CONFIG);
  });

  it('a site.yaml that is not UTF-8 is a located error, with the defaults', async () => {
    const loaded = await loadConfig(await makeRoot(Buffer.from([0x74, 0x3a, 0x20, 0xff, 0x0a])));
    expect(loaded.diagnostics.map(formatDiagnosticLine)).toEqual([
      'site.yaml:1:4: the file is not valid UTF-8 text (save it as UTF-8)',
    ]);
    expect(loaded.config).toEqual(DEFAULT_CONFIG);
  });

  it('the defaults are copies: changing one config does not change the next', async () => {
    const first = await loadConfig(await makeRoot());
    first.config.defaultTags.push('changed');
    expect((await loadConfig(await makeRoot())).config.defaultTags).toEqual(['AI', 'Time Record']);
  });
});

describe('parseConfig: good values', () => {
  it('reads every key', () => {
    const { config, seen } = check(
      'title: Ada’s Record',
      'description: Work with an assistant',
      'url: https://example.com/',
      'basePath: blog/',
      'language: en-GB',
      'author:',
      '  name: Ada Lovelace',
      '  bio: Writes *compilers*.',
      'aboutRecords: About.',
      'callToAction: ""',
      'defaultTags: [AI]',
      'defaultModel: Claude Opus 4.6',
      'workWeekHours: 37.5',
      'titlePattern: "Day {isoDate}"',
      'allowHtml: true',
      'pageSize: 5',
      'homeRecords: 3',
      'feedRecords: 7',
      'recordTag: AI',
      'rowOrder: leverage',
      'weeksColumn: true',
      'truncateTitles: 0',
      'aliases: { Acme: a client, "Project X": the project }',
      'timeZone: Asia/Kathmandu',
      'tokensCount: all',
      'search: true',
      'socialCards: true',
    );
    expect(seen).toEqual([]);
    expect(config).toEqual({
      title: 'Ada’s Record',
      description: 'Work with an assistant',
      url: 'https://example.com',
      basePath: '/blog',
      language: 'en-GB',
      author: { name: 'Ada Lovelace', bio: 'Writes *compilers*.' },
      aboutRecords: 'About.',
      callToAction: '',
      defaultTags: ['AI'],
      defaultModel: 'Claude Opus 4.6',
      workWeekHours: 37.5,
      titlePattern: 'Day {isoDate}',
      allowHtml: true,
      pageSize: 5,
      homeRecords: 3,
      feedRecords: 7,
      recordTag: 'AI',
      rowOrder: 'leverage',
      weeksColumn: true,
      truncateTitles: 0,
      aliases: { Acme: 'a client', 'Project X': 'the project' },
      timeZone: 'Asia/Kathmandu',
      tokensCount: 'all',
      search: true,
      socialCards: true,
    });
  });

  it.each([
    ['/', ''],
    ['', ''],
    ['/blog', '/blog'],
    ['/blog/', '/blog'],
    ['blog', '/blog'],
    ['/a/b/', '/a/b'],
  ])('basePath %j → %j', (given, expected) => {
    expect(check(`basePath: "${given}"`).config.basePath).toBe(expected);
  });

  it('url without a trailing slash', () => {
    expect(check('url: https://example.com/').config).toMatchObject({ url: 'https://example.com', basePath: '' });
    expect(check('url: http://localhost:8080').config.url).toBe('http://localhost:8080');
  });

  it('a url with a path gives basePath, and keeps the part before it', () => {
    expect(check('url: https://example.com/blog/').config).toMatchObject({ url: 'https://example.com', basePath: '/blog' });
    expect(check('url: https://user.github.io/my-blog').config).toMatchObject({ url: 'https://user.github.io', basePath: '/my-blog' });
    expect(check('url: https://example.com/a/b').config).toMatchObject({ url: 'https://example.com', basePath: '/a/b' });
  });

  it('a written basePath wins over the path of url', () => {
    // The same site written both ways: the links are not doubled (/blog/blog/).
    expect(check('url: https://example.com/blog', 'basePath: /blog').config).toMatchObject({ url: 'https://example.com', basePath: '/blog' });
    // Served at the root of a host that is reached under a path elsewhere (e.g. behind a proxy).
    expect(check('url: https://example.com/blog', 'basePath: /').config).toMatchObject({ url: 'https://example.com/blog', basePath: '' });
    expect(check('url: https://example.com/a/blog', 'basePath: blog').config).toMatchObject({ url: 'https://example.com/a', basePath: '/blog' });
  });

  it('a path with characters a basePath may not hold gives them percent-encoded: the same address', () => {
    expect(check("url: https://example.com/it's (mine)").config).toMatchObject({ url: 'https://example.com', basePath: '/it%27s%20%28mine%29' });
  });

  it('a url with ? or # is a located error', () => {
    expect(check('url: https://example.com/?page=1').seen).toEqual([
      "site.yaml:1:6: url must be the site's address without ? or #, got https://example.com/?page=1 (the absolute address of the site, e.g. url: https://example.com)",
    ]);
  });

  it('author may be just a name', () => {
    expect(check('author: Ada Lovelace').config.author).toEqual({ name: 'Ada Lovelace', bio: '' });
  });
});

describe('parseConfig: bad values are located, and keep their default', () => {
  it('an unknown key is a warning naming the nearest known key', () => {
    expect(check('titel: X', 'colour: red').seen).toEqual([
      'site.yaml:1:1: warning: unknown key titel (did you mean title?)',
      expect.stringMatching(/^site\.yaml:2:1: warning: unknown key colour \(known keys: title, description, url, /),
    ]);
  });

  it('wrong types and ranges', () => {
    const { config, seen } = check(
      'title: [a]',
      'url: example.com',
      'basePath: https://example.com/blog',
      'defaultTags: AI',
      'workWeekHours: 0',
      'allowHtml: yes',
      'pageSize: 2.5',
      'homeRecords: 0',
      'rowOrder: newest',
      'truncateTitles: -1',
      'aliases: [a, b]',
      'author: { bio: x }',
      'search: "on"',
    );
    expect(seen).toEqual([
      'site.yaml:1:8: title must be text, got [a] (e.g. title: My Leverage Record)',
      'site.yaml:2:6: url must be an absolute http or https address, got example.com (the absolute address of the site, e.g. url: https://example.com)',
      'site.yaml:3:11: basePath must be a path like /blog, got https://example.com/blog (the path the site is served under, e.g. basePath: /blog; the host belongs in url)',
      'site.yaml:4:14: defaultTags must be a list, got AI (a list of tags, e.g. defaultTags: [AI, Time Record])',
      'site.yaml:5:16: workWeekHours must be a number greater than 0, got 0 (hours in a work week, e.g. workWeekHours: 40)',
      'site.yaml:6:12: allowHtml must be true or false, got yes (allowHtml: true or allowHtml: false)',
      'site.yaml:7:11: pageSize must be a whole number ≥ 1, got 2.5 (records per tag page, e.g. pageSize: 30)',
      'site.yaml:8:14: homeRecords must be a whole number ≥ 1, got 0 (records on the home page, e.g. homeRecords: 10)',
      'site.yaml:9:11: rowOrder must be written or leverage, got newest (rowOrder: written or rowOrder: leverage)',
      'site.yaml:10:17: truncateTitles must be a whole number ≥ 0, got -1 (a number of characters, 0 for never, e.g. truncateTitles: 80)',
      'site.yaml:11:10: aliases must be a map of `name: replacement` lines, got [a, b] (private name → public name, e.g. aliases: { Acme: a client })',
      'site.yaml:12:9: author has no name (add name: inside author, e.g. author: { name: Ada Lovelace })',
      'site.yaml:13:9: search must be true or false, got "on" (search: true or search: false)',
    ]);
    expect(config).toEqual(DEFAULT_CONFIG);
  });

  it('a bad alias entry, an unknown author key, a mailto url', () => {
    expect(check('aliases: { Acme: 3 }', 'author: { name: Ada, bioo: x }', 'url: mailto:a@b.c').seen).toEqual([
      'site.yaml:1:18: each entry of aliases must be non-empty text, got 3 (private name → public name, e.g. aliases: { Acme: a client })',
      'site.yaml:2:22: warning: unknown author key bioo (did you mean bio?)',
      'site.yaml:3:6: url must be an absolute http or https address, got mailto:a@b.c (the absolute address of the site, e.g. url: https://example.com)',
    ]);
  });

  it('socialCards without url is an error at socialCards (a card needs an absolute address); with a wrong url, only the url error', () => {
    const needsUrl =
      "site.yaml:2:14: socialCards needs the site's url: a page names its card by an absolute address (add e.g. url: https://example.com to site.yaml, or socialCards: false)";
    expect(check('title: My Record', 'socialCards: true').seen).toEqual([needsUrl]);
    expect(check('url: ""', 'socialCards: true').seen).toEqual([needsUrl]);
    expect(check('url: example.com', 'socialCards: true').seen).toEqual([
      'site.yaml:1:6: url must be an absolute http or https address, got example.com (the absolute address of the site, e.g. url: https://example.com)',
    ]);
    expect(check('url: https://example.com', 'socialCards: true').seen).toEqual([]);
    expect(check('socialCards: false').seen).toEqual([]);
  });

  it('YAML that does not parse, and a config that is not a map', () => {
    expect(check('title: "open').seen).toEqual([
      'site.yaml:1:13: YAML does not parse: Missing closing "quote (check indentation, and quote values that contain ": " or start with a special character)',
    ]);
    expect(check('- title').seen).toEqual([
      'site.yaml:1:1: site.yaml must be `key: value` lines, got - title (write one `key: value` per line)',
    ]);
  });

  it('CRLF and BOM give the same positions', () => {
    const text = 'title: My Record\npageSize: 0\ntitel: x\n';
    const seen = (source: string) => parseConfig('site.yaml', source).diagnostics.map(formatDiagnosticLine);
    expect(seen(`\uFEFF${text.replace(/\n/g, '\r\n')}`)).toEqual(seen(text));
    expect(seen(text)).toHaveLength(2);
  });
});

describe('readTextFile', () => {
  it('a missing file is an error, not an exception', async () => {
    const read = await readTextFile(await makeRoot(), 'records/none.md');
    expect(read.ok || formatDiagnosticLine(read.diagnostic)).toBe(
      'records/none.md: cannot read the file (ENOENT) (check that it exists and is readable)',
    );
  });
});
