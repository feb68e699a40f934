/**
 * Search (site.yaml `search: true`): the /search/ page, the header's search field, and
 * Pagefind's index declared like every other output — kept while no record changes, made
 * again when one does — and a build that fails, leaving dist/ as it was, without Pagefind's binary.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { selectAll } from 'hast-util-select';
import { build } from '../../src/build.js';
import { makeRoot, readHtml, readTree, removeRoot, text, writeFiles } from '../support/site.js';
import { runCli } from '../support/cli.js';
import { expectSameAsColdBuild } from '../incremental/same-as-cold.js';

function day(date: string, task: string, extra = ''): string {
  return [
    '---',
    `date: ${date}`,
    'tags: [AI, Tooling]',
    `summary: The work of ${date}.`,
    'tasks:',
    `  - task: ${task}`,
    '    project: Ledger',
    '    human: 2h',
    '    claude: 10m',
    '---',
    '',
    `What happened on ${date}.${extra}`,
    '',
  ].join('\n');
}

const RECORDS = {
  'records/2026-03-02.md': day('2026-03-02', 'Rewrite the tokenizer', ' The **marmalade** benchmark got faster.'),
  'records/2026-03-03.md': day('2026-03-03', 'Migrate the billing tables'),
  'records/2026-03-04.md': day('2026-03-04', 'Document the release process'),
};
const SEARCH_SITE = 'title: Searchable\nurl: https://example.com\nsearch: true\n';

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** What the index holds of each record, by URL (Pagefind's fragments are gzipped JSON). */
function indexed(tree: Map<string, Buffer>): Map<string, Fragment> {
  const byUrl = new Map<string, Fragment>();
  for (const [path, bytes] of tree) {
    if (!path.startsWith('pagefind/fragment/')) continue;
    const fragment = JSON.parse(gunzipSync(bytes).toString('utf8').replace(/^pagefind_dcd/, '')) as Fragment;
    byUrl.set(fragment.url, fragment);
  }
  return byUrl;
}

/** The words the index holds of each record, by URL. */
const fragments = (tree: Map<string, Buffer>) => new Map([...indexed(tree)].map(([url, f]) => [url, f.content]));

const indexFiles = (tree: Map<string, Buffer>) => [...tree.keys()].filter((path) => path.startsWith('pagefind/'));

describe('a site with search: true', () => {
  let root: string;
  beforeEach(async () => {
    root = await makeRoot({ 'site.yaml': SEARCH_SITE, ...RECORDS });
  });
  afterEach(() => removeRoot(root));

  it('has a /search/ page that needs JavaScript and otherwise links to the archive, and a search field on every page', async () => {
    await build({ root });
    const search = await readHtml(join(root, 'dist/search/index.html'));
    expect(text(search, 'h1')).toBe('Search');
    expect(text(search, 'noscript')).toMatch(/needs JavaScript/);
    expect(selectAll('noscript a', search).map((a) => a.properties.href)).toEqual(['/archive/']);
    expect(selectAll('script', search).map((s) => s.properties.src)).toEqual(['/pagefind/pagefind-ui.js', '/search.js']);
    for (const page of ['index.html', 'records/2026-03-03/index.html', 'archive/index.html']) {
      const html = await readHtml(join(root, 'dist', page));
      const forms = selectAll('header form[role=search]', html);
      expect(forms.map((f) => [f.properties.action, f.properties.method]), page).toEqual([['/search/', 'get']]);
      expect(selectAll('input[name=q]', forms[0]!).length).toBe(1);
    }
    const sitemap = (await readTree(join(root, 'dist'))).get('sitemap.xml')!.toString();
    expect(sitemap).toContain('<loc>https://example.com/search/</loc>');
  });

  it('indexes each record by its task titles, summary, analysis, tags and projects', async () => {
    await build({ root });
    const tree = await readTree(join(root, 'dist'));
    expect(tree.has('pagefind/pagefind-entry.json')).toBe(true);
    expect(tree.has('pagefind/pagefind-ui.js')).toBe(true);
    expect(tree.has('pagefind/pagefind-component-ui.js')).toBe(false);
    const words = fragments(tree);
    expect([...words.keys()].sort()).toEqual(['/records/2026-03-02/', '/records/2026-03-03/', '/records/2026-03-04/']);
    const first = words.get('/records/2026-03-02/')!;
    for (const word of ['Rewrite the tokenizer', 'The work of 2026-03-02.', 'marmalade', 'Tooling', 'Ledger']) {
      expect(first).toContain(word);
    }
    expect(first).not.toContain('**');
    expect(first).not.toContain('<');
    expect(words.get('/records/2026-03-03/')).not.toContain('tokenizer');
    const { meta, filters } = indexed(tree).get('/records/2026-03-02/')!;
    expect(meta).toEqual({ title: 'Leverage Record: March 2, 2026', date: 'March 2, 2026' });
    expect(filters).toEqual({ tags: ['AI', 'Tooling'], year: ['2026'] });
    // Shown and filtered by, not searched: a search for "March" would find every day of March.
    expect(first).not.toContain('March');
  });

  it('keeps the index while no record changes, and makes it again when a task title does', async () => {
    await build({ root });
    const before = indexFiles(await readTree(join(root, 'dist')));

    // A new public file: every other file, the index's too, is kept as it was.
    await writeFiles(root, { 'public/robots.txt': 'User-agent: *\n' });
    const kept = await build({ root });
    const files = await readTree(join(root, 'dist'));
    expect(kept.reused.files).toBe(files.size - 1);
    expect(indexFiles(files)).toEqual(before);

    await writeFiles(root, { 'records/2026-03-03.md': day('2026-03-03', 'Migrate the quokka tables') });
    const remade = await expectSameAsColdBuild(root);
    const after = await readTree(join(root, 'dist'));
    expect(fragments(after).get('/records/2026-03-03/')).toContain('quokka');
    // Not one of the index's files was kept: the index was made again whole.
    expect(remade.reused.files).toBeLessThanOrEqual(after.size - indexFiles(after).length);
  });

  it('keeps the index after a build that made it again, when the next change is not to a record', async () => {
    await build({ root });
    await writeFiles(root, { 'records/2026-03-03.md': day('2026-03-03', 'Migrate the quokka tables') });
    await build({ root });
    // The build after next writes into the output before last (kept as a spare copy), whose index is the old one.
    await writeFiles(root, { 'public/robots.txt': 'User-agent: *\n' });
    const kept = await build({ root });
    const files = await readTree(join(root, 'dist'));
    expect(kept.reused.files).toBe(files.size - 1);
    expect(fragments(files).get('/records/2026-03-03/')).toContain('quokka');
  });

  it('leaves the index as it was in a build that defers folders (the dev server\'s), and the next build makes it', async () => {
    await build({ root });
    const before = await readTree(join(root, 'dist'));

    await writeFiles(root, { 'records/2026-03-03.md': day('2026-03-03', 'Migrate the quokka tables') });
    const deferring = await build({ root, deferFolders: true });
    expect(deferring.deferred).toEqual(['pagefind/']);
    const served = await readTree(join(root, 'dist'));
    expect(served.get('records/2026-03-03/index.html')!.toString()).toContain('quokka');
    expect(indexFiles(served)).toEqual(indexFiles(before));
    for (const path of indexFiles(before)) expect(served.get(path)!.equals(before.get(path)!), path).toBe(true);

    // Nothing changed since, but the index is behind: the next build makes it, as a cold build would.
    const next = await expectSameAsColdBuild(root);
    expect(next.deferred).toEqual([]);
    expect(next.reused.everything).toBe(false);
    expect(fragments(await readTree(join(root, 'dist'))).get('/records/2026-03-03/')).toContain('quokka');
  });

  it('makes the index in a build that defers folders when there is none yet', async () => {
    const first = await build({ root, deferFolders: true });
    expect(first.deferred).toEqual([]);
    expect(fragments(await readTree(join(root, 'dist'))).get('/records/2026-03-02/')).toContain('marmalade');
  });

  it('fails without Pagefind\'s binary, naming the package to install, and leaves dist/ as it was', async () => {
    const first = await runCli(['build', '--root', root]);
    expect(first.code, first.stderr).toBe(0);
    const before = await readTree(join(root, 'dist'));
    expect(indexFiles(before).length).toBeGreaterThan(0);

    await writeFiles(root, { 'records/2026-03-05.md': day('2026-03-05', 'Tune the cache') });
    const failed = await runCli(['build', '--root', root], { env: { PAGEFIND_EXTENDED_BINARY_PATH: join(root, 'no-such-binary') } });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^site\.yaml: search: true needs Pagefind's binary/m);
    expect(failed.stderr).toContain('npm install pagefind');
    expect(failed.stderr).not.toMatch(/^\s+at /m);
    const after = await readTree(join(root, 'dist'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).toBe(true);
  });
});

describe('a site with search under a base path', () => {
  it('links the search page, its scripts and every result under the base path', async () => {
    const root = await makeRoot({ 'site.yaml': 'title: Blog\nurl: https://example.com/blog\nsearch: true\n', ...RECORDS });
    try {
      await build({ root });
      const search = await readHtml(join(root, 'dist/search/index.html'));
      expect(selectAll('header form[role=search]', search).map((f) => f.properties.action)).toEqual(['/blog/search/']);
      expect(selectAll('script', search).map((s) => s.properties.src)).toEqual(['/blog/pagefind/pagefind-ui.js', '/blog/search.js']);
      expect(selectAll('#search', search).map((d) => d.properties.dataBundle)).toEqual(['/blog/pagefind/']);
      expect([...indexed(await readTree(join(root, 'dist'))).keys()].sort()).toEqual([
        '/blog/records/2026-03-02/',
        '/blog/records/2026-03-03/',
        '/blog/records/2026-03-04/',
      ]);
    } finally {
      await removeRoot(root);
    }
  });
});

describe('a site without search', () => {
  it('has no search page, no index and no search field', async () => {
    const root = await makeRoot({ 'site.yaml': 'title: Plain\nurl: https://example.com\n', ...RECORDS });
    try {
      await build({ root });
      expect(existsSync(join(root, 'dist/search'))).toBe(false);
      expect(existsSync(join(root, 'dist/pagefind'))).toBe(false);
      expect(existsSync(join(root, 'dist/search.js'))).toBe(false);
      const home = await readHtml(join(root, 'dist/index.html'));
      expect(selectAll('form[role=search]', home)).toEqual([]);
    } finally {
      await removeRoot(root);
    }
  });
});
