/** A site.yaml that is broken, of the wrong shape, holds wrong values or names unknown options. */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectBuilt, expectRejected, hostileBuild, plainRecord } from './helpers.js';
import { ONLY_NO_URL_WARNING } from '../support/cli.js';

const RECORD = { 'records/2026-01-01.md': plainRecord('2026-01-01') };

async function buildWith(siteYaml: string) {
  return hostileBuild({ ...RECORD, 'site.yaml': siteYaml });
}

describe('a site.yaml that cannot be read as settings', () => {
  it.each([
    ['YAML that does not parse', 'title: [unclosed\n', /^site\.yaml:1:17: YAML does not parse: .*\(check indentation/m],
    ['a list instead of settings', '- a\n- b\n', /^site\.yaml:1:1: site\.yaml must be `key: value` lines, got - a - b/m],
    ['a plain text', 'just some words\n', /^site\.yaml:1:1: site\.yaml must be `key: value` lines, got just some words/m],
    ['two YAML documents', '---\ntitle: a\n---\ntitle: b\n', /^site\.yaml:3:1: YAML does not parse: a second document starts here \(the file holds one set of `key: value` lines: remove the --- or \.\.\. line\)$/m],
    ['a tab for indentation', 'author:\n\tname: A\n', /^site\.yaml:2:1: YAML does not parse: .*\(indent with spaces, not tabs\)/m],
    ['a key given twice', 'title: A\ntitle: B\n', /^site\.yaml:2:1: YAML does not parse: .*\(give each key once\)/m],
  ])('%s: a located error, nothing written', async (_name, yaml, message) => {
    const result = await buildWith(yaml);
    try {
      expectRejected(result, message);
      expect(result.stderr).not.toMatch(/parseAllDocuments|YAML\.\w+\(/);
    } finally {
      await result.cleanup();
    }
  });

  it('a folder named site.yaml: a clear error', async () => {
    const result = await hostileBuild(RECORD, { setup: (root) => mkdir(join(root, 'site.yaml')) });
    try {
      expectRejected(result, /^site\.yaml: cannot read the file \(EISDIR\)/m);
    } finally {
      await result.cleanup();
    }
  });

  it('an empty site.yaml, or one of comments only, means the defaults', async () => {
    for (const yaml of ['', '# nothing here yet\n', '\n\n   \n']) {
      const result = await buildWith(yaml);
      try {
        expectBuilt(result);
        expect(result.stderr).toMatch(ONLY_NO_URL_WARNING);
        expect(await readFile(join(result.out, 'index.html'), 'utf8')).toContain('<h1>Leverage Record</h1>');
      } finally {
        await result.cleanup();
      }
    }
  });
});

describe('wrong values', () => {
  it('every wrong value is a located error with what would be right, all in one run', async () => {
    const result = await buildWith(
      [
        'author: 5',
        'allowHtml: yes',
        'defaultTags: AI',
        'workWeekHours: forty',
        'url: javascript:alert(1)',
        'title: [a]',
        'basePath: https://x.org/blog',
        'rowOrder: random',
        'aliases: [a, b]',
        'language: ""',
        '',
      ].join('\n'),
    );
    try {
      expectRejected(
        result,
        /^site\.yaml:1:9: author must be a map of `name: value` lines, got 5 \(a name, or a map/m,
        /^site\.yaml:2:12: allowHtml must be true or false, got yes \(allowHtml: true or allowHtml: false\)$/m,
        /^site\.yaml:3:14: defaultTags must be a list, got AI/m,
        /^site\.yaml:4:16: workWeekHours must be a number greater than 0, got forty/m,
        /^site\.yaml:5:6: url must be an absolute http or https address, got javascript:alert\(1\)/m,
        /^site\.yaml:6:8: title must be text, got \[a\]/m,
        /^site\.yaml:7:11: basePath must be a path like \/blog, got https:\/\/x\.org\/blog \(.*the host belongs in url\)$/m,
        /^site\.yaml:8:11: rowOrder must be written or leverage, got random/m,
        /^site\.yaml:9:10: aliases must be a map of `name: replacement` lines/m,
        /^site\.yaml:10:11: language is empty/m,
      );
      expect(result.stderr).toMatch(/^10 errors; nothing was written\.$/m);
    } finally {
      await result.cleanup();
    }
  });

  // A basePath is written into the links of the author's Markdown too: with a quote in it,
  // `[feed](/feed.xml)` became <a href="/a"onmouseover="alert(1)/feed.xml">.
  it.each([
    [`'/a"onmouseover="alert(1)'`, '"\\""'],
    [`'/a><script>alert(1)</script>'`, '">"'],
    [`/a'b`, `"'"`],
    [`/a\\b`, '"\\\\"'],
  ])('a basePath with markup characters (%s) is an error, never an attribute breakout', async (basePath, shown) => {
    const result = await buildWith(`basePath: ${basePath}\n`);
    try {
      expectRejected(result, new RegExp(`^site\\.yaml:1:11: basePath must be a path of letters, digits and - \\. _ ~ / %, got ${shown.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')} in `, 'm'));
    } finally {
      await result.cleanup();
    }
  });

  it('an ordinary basePath still works, also in Markdown links', async () => {
    const result = await hostileBuild({
      'records/2026-01-01.md': `${plainRecord('2026-01-01').trimEnd()}\n\nSee [the feed](/feed.xml).\n`,
      'site.yaml': 'basePath: /my-blog_2026/v1.0~x%20y/\n',
    });
    try {
      expectBuilt(result);
      const page = await readFile(join(result.out, 'records/2026-01-01/index.html'), 'utf8');
      expect(page).toContain('<a href="/my-blog_2026/v1.0~x%20y/feed.xml">the feed</a>');
    } finally {
      await result.cleanup();
    }
  });
});

describe('unknown options', () => {
  it('a warning at each, naming the nearest known option; the site is built with the others', async () => {
    const result = await buildWith(['titel: My Site', 'allowHTML: true', 'base_path: /x', 'author:', '  name: Ada', '  bioo: Writes.', 'colour: blue', 'title: Real', 'url: https://example.org', ''].join('\n'));
    try {
      expectBuilt(result);
      const warnings = result.stderr.trim().split('\n');
      expect(warnings).toEqual([
        'site.yaml:1:1: warning: unknown key titel (did you mean title?)',
        'site.yaml:2:1: warning: unknown key allowHTML (did you mean allowHtml?)',
        'site.yaml:3:1: warning: unknown key base_path (did you mean basePath?)',
        'site.yaml:6:3: warning: unknown author key bioo (did you mean bio?)',
        expect.stringMatching(/^site\.yaml:7:1: warning: unknown key colour \((did you mean \w+\?|known keys: title, description, .*)\)$/),
      ]);
      expect(await readFile(join(result.out, 'index.html'), 'utf8')).toContain('<h1>Real</h1>');
    } finally {
      await result.cleanup();
    }
  });
});

describe('problems in site.yaml and in records together', () => {
  // Regression: a site.yaml error once stopped the build before the records were read, so
  // their errors were not reported in the same run (records.md: "all problems of all files in
  // one run"). Wrong settings keep their defaults and the records are read with them.
  it('are all reported in one run, by check and by build', async () => {
    const result = await hostileBuild({
      'site.yaml': 'workWeekHours: 0\n',
      'records/2026-01-01.md': '---\ndate: 2026-01-01\ntasks:\n  - task: a\n    human: 1h\n    claude: soon\n---\n',
    });
    try {
      expectRejected(result, /^site\.yaml:1:16: workWeekHours must be a number greater than 0/m, /^records\/2026-01-01\.md:6:13: claude must be a duration/m);
    } finally {
      await result.cleanup();
    }
  });
});
