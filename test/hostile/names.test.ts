/**
 * Hostile names: tags and file names with `..`, slashes, look-alike letters and emoji, tags
 * that share a slug, and links that lead out of the root. Every page stays inside the output
 * folder, every link points at a page that exists, nothing outside the root is read.
 */
import { lstat, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHtml, text, texts } from '../support/site.js';
import { expectBuilt, expectRejected, hostileBuild, listTree, plainRecord } from './helpers.js';
import { ONLY_NO_URL_WARNING } from '../support/cli.js';
import { selectAll } from 'hast-util-select';

const withTags = (date: string, tags: string) => plainRecord(date, `tags: ${tags}\n`);

describe('hostile tag names', () => {
  it('`..`, slashes, backslashes, look-alikes, emoji and CJK each get a page of their own, inside tags/', async () => {
    const result = await hostileBuild({
      'records/2026-01-01.md': withTags(
        '2026-01-01',
        `["../../../etc/passwd", "..", "/", "a/b", "a\\\\b", "C:\\\\Windows", "Tіme Record", "🚀", "👩‍💻 pair", "日本語", "%2e%2e", "Time Record", "index.html", "-"]`,
      ),
    });
    try {
      expectBuilt(result);
      const tagFiles = result.outFiles.filter((f) => f.startsWith('tags/') && f !== 'tags/index.html');
      for (const file of tagFiles) expect(file).toMatch(/^tags\/[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*\/(index\.html|feed\.xml|feed\.json)$/u);
      const tagPages = tagFiles.filter((f) => f.endsWith('/index.html'));
      // 14 tags, 13 pages: `a/b` and `a\b` share /tags/a-b/ (with a warning); no other is lost or merged.
      expect(tagPages).toHaveLength(13);
      // Each page has its two feeds beside it.
      expect(tagFiles).toHaveLength(13 * 3);
      expect(result.stderr).toContain('warning: the tags "a/b" (1 record) and "a\\b" (1 record) share the page /tags/a-b/, shown as "a/b"');
      const record = await readHtml(join(result.out, 'records/2026-01-01/index.html'));
      const links = selectAll('ul.tags a', record).map((a) => String(a.properties.href));
      // The record links each page once, in its spelling: `a\b` is shown as `a/b`.
      expect(links).toHaveLength(13);
      expect(texts(record, 'ul.tags a')).not.toContain('a\\b');
      for (const href of links) expect(result.outFiles).toContain(`${decodeURIComponent(href).slice(1)}index.html`);
      // A tag in another script keeps its letters, percent-encoded in links.
      expect(links).toContain('/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/');
      expect(text(await readHtml(join(result.out, 'tags/日本語/index.html')), 'h1')).toBe('日本語');
      expect(texts(record, 'ul.tags a')).toContain('../../../etc/passwd');
      const lookAlike = links[texts(record, 'ul.tags a').indexOf('Tіme Record')];
      expect(lookAlike).not.toBe('/tags/time-record/');
      expect(text(await readHtml(join(result.out, 'tags/tag-1f680/index.html')), 'h1')).toBe('🚀');
    } finally {
      await result.cleanup();
    }
  });

  it('spelling variants (AI, ai; Time Record, time-record, time_record) share one page in the spelling most records use, with a warning naming every spelling', async () => {
    const result = await hostileBuild({
      'records/2026-01-01.md': withTags('2026-01-01', '[AI, Time Record]'),
      'records/2026-01-02.md': withTags('2026-01-02', '[ai, time-record]'),
      'records/2026-01-03.md': withTags('2026-01-03', '[ai, time_record]'),
    });
    try {
      expectBuilt(result);
      expect(result.stderr.split('\n').filter((l) => l.includes('warning:') && !l.startsWith('site.yaml:'))).toEqual([
        'records/2026-01-01.md: warning: the tags "AI" (1 record) and "ai" (2 records) share the page /tags/ai/, shown as "ai", the spelling most records use ' +
          '(write one spelling in every record, e.g. "AI" as "ai"; tags that are different things need letters that differ, e.g. C-sharp and C-plus-plus)',
        'records/2026-01-02.md: warning: the tags "Time Record" (1 record), "time-record" (1 record) and "time_record" (1 record) share the page /tags/time-record/, shown as "Time Record", the spelling most records use ' +
          '(write one spelling in every record, e.g. "time-record", "time_record" as "Time Record"; tags that are different things need letters that differ, e.g. C-sharp and C-plus-plus)',
      ]);
      const ai = await readHtml(join(result.out, 'tags/ai/index.html'));
      expect(text(ai, '.page-header .meta')).toMatch(/^3 records/);
      const tags = await readHtml(join(result.out, 'tags/index.html'));
      expect(texts(tags, 'main a').filter((t) => /^ai\b|^time/i.test(t))).toHaveLength(2);
      const first = await readHtml(join(result.out, 'records/2026-01-01/index.html'));
      expect(selectAll('ul.tags a', first).map((a) => String(a.properties.href))).toEqual(['/tags/ai/', '/tags/time-record/']);
    } finally {
      await result.cleanup();
    }
  });

  it('tags differing only in signs (C++ and C#) are merged, with a warning that names both', async () => {
    const result = await hostileBuild({
      'records/2026-01-01.md': withTags('2026-01-01', '["C++"]'),
      'records/2026-01-02.md': withTags('2026-01-02', '["C#", "C++"]'),
      'records/2026-01-03.md': withTags('2026-01-03', '["C#"]'),
    });
    try {
      expectBuilt(result);
      const warnings = result.stderr.split('\n').filter((l) => l.includes('warning: the tags'));
      expect(warnings).toEqual([
        'records/2026-01-02.md: warning: the tags "C++" (2 records) and "C#" (2 records) share the page /tags/c/, shown as "C++", the spelling most records use ' +
          '(write one spelling in every record, e.g. "C#" as "C++"; tags that are different things need letters that differ, e.g. C-sharp and C-plus-plus)',
      ]);
      expect(text(await readHtml(join(result.out, 'tags/c/index.html')), '.page-header .meta')).toMatch(/^3 records/);
    } finally {
      await result.cleanup();
    }
  });
});

describe('very long tags', () => {
  it('a tag whose page folder would be too long for the file system: a located error, in a record and in site.yaml', async () => {
    const long = 'word '.repeat(30).trim();
    const cjk = '語'.repeat(40); // 40 characters, 120 bytes in UTF-8
    const result = await hostileBuild({
      'records/2026-01-01.md': withTags('2026-01-01', `[AI, "${long}"]`),
      'records/2026-01-02.md': withTags('2026-01-02', `[${cjk}]`),
    });
    try {
      expectRejected(
        result,
        /^records\/2026-01-01\.md:3:12: the tag "word word word word word word word word…" is too long: its page \/tags\/word-word-word-word-…\/ would need a 149-byte folder name \(at most 100\) \(a tag is a short label/m,
        /^records\/2026-01-02\.md:3:8: the tag "語{40}" is too long: .* a 120-byte folder name/m,
      );
    } finally {
      await result.cleanup();
    }
    const config = await hostileBuild({ 'site.yaml': `defaultTags: [AI, "${long}"]\n`, 'records/2026-01-01.md': plainRecord('2026-01-01') });
    try {
      expectRejected(config, /^site\.yaml:1:19: the tag "word word word word word word word word…" is too long/m);
    } finally {
      await config.cleanup();
    }
  });

  it('a tag made too long by an alias: a located error at the tag, naming the alias, not a failed write', async () => {
    // Was: "could not write the site: ENAMETOOLONG", naming a staging folder and neither file.
    const result = await hostileBuild({
      'site.yaml': `aliases:\n  Acme: ${'a very long public name '.repeat(13).trim()}\n`,
      'records/2026-01-01.md': withTags('2026-01-01', '[AI, Acme]'),
    });
    try {
      expectRejected(
        result,
        /^records\/2026-01-01\.md:3:12: the tag "Acme" is too long as site\.yaml's aliases publish it, "a very long public name a very long pub…": its page \/tags\/a-very-long-public-n…\/ would need a 311-byte folder name \(at most 100\) \(shorten the replacement in site\.yaml aliases, or the tag\)$/m,
      );
    } finally {
      await result.cleanup();
    }
  });

  it('a default tag made too long by an alias: a located error in site.yaml, not a failed write', async () => {
    // Was: the config was read before its aliases applied, and the write failed with ENAMETOOLONG.
    const result = await hostileBuild({
      'site.yaml': `defaultTags: [AI, Acme]\naliases:\n  Acme: ${'a very long public name '.repeat(13).trim()}\n`,
      'records/2026-01-01.md': plainRecord('2026-01-01'),
    });
    try {
      expectRejected(
        result,
        /^site\.yaml:1:19: the tag "Acme" is too long as site\.yaml's aliases publish it, "a very long public name a very long pub…": its page \/tags\/a-very-long-public-n…\/ would need a 311-byte folder name \(at most 100\) \(shorten the replacement in site\.yaml aliases, or the tag\)$/m,
      );
    } finally {
      await result.cleanup();
    }
  });

  it('a tag of 100 slug characters is fine', async () => {
    const result = await hostileBuild({ 'records/2026-01-01.md': withTags('2026-01-01', `["${'a'.repeat(100)}"]`) });
    try {
      expectBuilt(result);
      expect(result.outFiles).toContain(`tags/${'a'.repeat(100)}/index.html`);
    } finally {
      await result.cleanup();
    }
  });
});

describe('hostile file names', () => {
  it('names with `..`, spaces, percent signs, markup and emoji: the page URL comes from the date alone', async () => {
    const names = ['2026-01-01 ..md', '2026-01-02..%2F..%2Fevil.md', '2026-01-03 <img src=x onerror=alert(1)>.md', '2026-01-04 🚀.md', '2026-01-05 ‮gpj.md'];
    const files = Object.fromEntries(names.map((n) => [`records/${n}`, plainRecord(n.slice(0, 10)).replace(/^---\ndate: .*\n/, '---\n')]));
    const result = await hostileBuild(files);
    try {
      expectBuilt(result);
      for (const n of names) expect(result.outFiles).toContain(`records/${n.slice(0, 10)}/index.html`);
      expect(result.outFiles.filter((f) => f.startsWith('records/'))).toHaveLength(names.length);
    } finally {
      await result.cleanup();
    }
  });

  it('an error in such a file names it as it is, without running anything', async () => {
    const result = await hostileBuild({ 'records/2026-01-03 <img src=x onerror=alert(1)>.md': '---\ntasks: []\n---\n' });
    try {
      expectRejected(result, /^records\/2026-01-03 <img src=x onerror=alert\(1\)>\.md:2:8: tasks is empty/m);
    } finally {
      await result.cleanup();
    }
  });
});

describe('links in records/', () => {
  it('a link to a file outside the root: a located error, the file is never read', async () => {
    const result = await hostileBuild(
      { 'records/2026-01-01.md': plainRecord('2026-01-01') },
      {
        setup: async (root, base) => {
          await writeFile(join(base, 'outside.md'), plainRecord('2026-01-02', 'summary: SECRET-OUTSIDE\n'));
          await symlink(join(base, 'outside.md'), join(root, 'records/2026-01-02.md'));
        },
      },
    );
    try {
      expectRejected(result, /^records\/2026-01-02\.md: the link leads outside the site folder, to .*outside\.md \(copy the file into the site folder instead of linking to it\)$/m);
      expect(result.stderr).not.toContain('SECRET-OUTSIDE');
    } finally {
      await result.cleanup();
    }
  });

  it('a linked folder outside the root, a link to /etc/passwd, and records/ itself a link outside: located errors', async () => {
    const result = await hostileBuild(
      { 'records/2026-01-01.md': plainRecord('2026-01-01') },
      {
        setup: async (root, base) => {
          await mkdir(join(base, 'elsewhere'));
          await writeFile(join(base, 'elsewhere/2026-01-02.md'), plainRecord('2026-01-02'));
          await symlink(join(base, 'elsewhere'), join(root, 'records/more'));
          await symlink('/etc/passwd', join(root, 'records/passwd.md'));
        },
      },
    );
    try {
      expectRejected(result, /records\/more: the link leads outside the site folder/, /records\/passwd\.md: the link leads outside the site folder, to \/etc\/passwd/);
    } finally {
      await result.cleanup();
    }
    const whole = await hostileBuild(
      {},
      {
        setup: async (root, base) => {
          await mkdir(join(base, 'real-records'));
          await writeFile(join(base, 'real-records/2026-01-02.md'), plainRecord('2026-01-02'));
          await symlink(join(base, 'real-records'), join(root, 'records'));
        },
      },
    );
    try {
      expectRejected(whole, /^records: the link leads outside the site folder/m);
    } finally {
      await whole.cleanup();
    }
  });

  it('links that stay inside the root are followed; a loop and a dangling link do not hang', async () => {
    const result = await hostileBuild(
      { 'records/2026-01-01.md': plainRecord('2026-01-01'), 'drafts/2026-01-02.md': plainRecord('2026-01-02') },
      {
        setup: async (root) => {
          await symlink(join(root, 'drafts/2026-01-02.md'), join(root, 'records/2026-01-02.md'));
          await symlink(join(root, 'records'), join(root, 'records/loop'));
          await symlink(join(root, 'nowhere.md'), join(root, 'records/2026-01-03.md'));
        },
      },
    );
    try {
      expectRejected(result, /^records\/2026-01-03\.md: the link points to nothing \(fix or remove the link\)$/m);
      expect(result.stderr).not.toMatch(/2026-01-02|loop/);
    } finally {
      await result.cleanup();
    }
  });

  it('links in public/ are not copied into the site (neither files nor folders outside the root)', async () => {
    const result = await hostileBuild(
      { 'records/2026-01-01.md': plainRecord('2026-01-01'), 'public/ok.txt': 'fine' },
      {
        setup: async (root, base) => {
          await mkdir(join(base, 'secret'));
          await writeFile(join(base, 'secret/key.txt'), 'SECRET');
          await symlink(join(base, 'secret/key.txt'), join(root, 'public/key.txt'));
          await symlink(join(base, 'secret'), join(root, 'public/secret'));
        },
      },
    );
    try {
      expectBuilt(result);
      expect(result.outFiles).toContain('ok.txt');
      expect(result.outFiles.filter((f) => /key|secret/.test(f))).toEqual([]);
      for (const file of await listTree(result.out)) {
        expect((await lstat(join(result.out, file))).isSymbolicLink(), file).toBe(false);
        if (/\.(txt|html)$/.test(file)) expect(await readFile(join(result.out, file), 'utf8')).not.toContain('SECRET');
      }
    } finally {
      await result.cleanup();
    }
  });
});
