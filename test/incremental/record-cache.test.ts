/**
 * The record cache is an index of every record file (its state, hash, summary and part
 * hashes); a page that shows a record whose file did not change reads that file again.
 * Whatever the sequence of changes, an incremental build equals a cold build, and records
 * read once are not read again unless a page made again shows them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from '../../src/build.js';
import { PACKAGE_ROOT } from '../../src/render/theme.js';
import { makeRoot, readTree, removeRoot, writeFiles } from '../support/site.js';
import { expectSameAsColdBuild, expectSameAsFreshBuild } from './same-as-cold.js';
import { ONLY_NO_URL_WARNING, runCli } from '../support/cli.js';

const date = (i: number) => `2026-03-${String(i + 1).padStart(2, '0')}`;
const day = (i: number, body = `Body of day ${i}.`, task = `Work on day ${i}`) =>
  `---\ndate: ${date(i)}\ntasks:\n  - task: ${task}\n    human: ${i + 1}h\n    claude: 10m\n---\n\n${body}\n`;
const DAYS = 24;

let root: string;
beforeEach(async () => {
  root = await makeRoot(Object.fromEntries(Array.from({ length: DAYS }, (_, i) => [`records/${date(i)}.md`, day(i)])));
  await build({ root });
});
afterEach(() => removeRoot(root));

const cacheFile = (name: string) => join(root, '.leverage-cache', name);

/** The default layout, overridden in the root with a comment added: every page is made again. */
async function editLayout(): Promise<void> {
  const layout = await readFile(join(PACKAGE_ROOT, 'templates/partials/layout.hbs'), 'utf8');
  await writeFiles(root, { 'templates/partials/layout.hbs': `${layout}\n<!-- edited -->\n` });
}


describe('the record cache', () => {
  it('is the index and the manifest: no copy of the records', async () => {
    expect((await readdir(join(root, '.leverage-cache'))).filter((name) => name.endsWith('.bin')).sort()).toEqual(['manifest.bin', 'records.bin']);
  });

  it('after changes, a deletion and an addition over several builds, reads none of those records again', async () => {
    await writeFiles(root, { [`records/${date(1)}.md`]: day(1, 'Changed once.', 'New task') });
    await build({ root });
    await writeFiles(root, { [`records/${date(2)}.md`]: day(2, 'Changed twice.', 'New task') });
    await build({ root });
    await rm(join(root, `records/${date(5)}.md`));
    await writeFiles(root, { 'records/2026-04-01.md': day(31).replace(date(31), '2026-04-01') });
    const changed = await expectSameAsColdBuild(root);
    expect(changed.processed).toBe(1);

    const again = await expectSameAsColdBuild(root);
    expect(again.processed).toBe(0);
    expect(again.records).toBe(DAYS);
    expect(await readFile(join(root, `dist/records/${date(1)}/index.html`), 'utf8')).toContain('Changed once.');
    expect(await readFile(join(root, `dist/records/${date(2)}/index.html`), 'utf8')).toContain('Changed twice.');
  });

  it('a template change makes every page again from the records read again from their files', async () => {
    await editLayout();
    const summary = await expectSameAsColdBuild(root);
    expect(summary.processed).toBe(0);
    expect(summary.reused.records).toBe(DAYS);
    expect(summary.written).toBeGreaterThan(DAYS);
    expect(await readFile(join(root, `dist/records/${date(4)}/index.html`), 'utf8')).toContain('Body of day 4.');
  });

  it('a record file changed under the same size and time makes the build read every record again, with a note', async () => {
    // The index says the file is unchanged (same size and time); a page that reads it again finds other bytes.
    const file = join(root, `records/${date(4)}.md`);
    const time = new Date('2026-03-05T12:00:00Z');
    await utimes(file, time, time);
    await build({ root });
    await writeFile(file, day(4, 'Body of day X.'));
    await utimes(file, time, time);
    await editLayout();
    const summary = await expectSameAsColdBuild(root);
    expect(summary.notes).toEqual([`records/${date(4)}.md changed while the site was built; read every record again`]);
    expect(summary.processed).toBe(DAYS);
    expect(await readFile(join(root, `dist/records/${date(4)}/index.html`), 'utf8')).toContain('Body of day X.');
  });

  it('a records.bin from another site is not used', async () => {
    const other = await makeRoot({ [`records/${date(0)}.md`]: day(0, 'Another site.') });
    await build({ root: other });
    await writeFile(cacheFile('records.bin'), await readFile(join(other, '.leverage-cache', 'records.bin')));
    await removeRoot(other);
    await writeFiles(root, { [`records/${date(6)}.md`]: day(6, 'Changed after.', 'New task') });
    const summary = await expectSameAsColdBuild(root);
    expect(summary.processed).toBe(DAYS);
  });
});

describe('a record read again in a new process', () => {
  it('loads the Markdown pipeline its body needs (a quote and a footnote), and its pages equal a cold build', async () => {
    await writeFiles(root, { [`records/${date(3)}.md`]: day(3, '> Quoted from the review.\n\nA claim.[^1]\n\n[^1]: The source.') });
    const first = await runCli(['build', '--root', root]);
    expect(first.stderr).toMatch(ONLY_NO_URL_WARNING);
    await editLayout();
    const again = await runCli(['build', '--root', root]);
    expect(again.stderr).toMatch(ONLY_NO_URL_WARNING);
    expect(again.code).toBe(0);
    await expectSameAsFreshBuild(root);
    expect(await readFile(join(root, `dist/records/${date(3)}/index.html`), 'utf8')).toContain('<blockquote>');
  });

  it('loads it for the search index too, which reads every record again after one changed', async () => {
    await writeFiles(root, {
      'site.yaml': 'search: true\n',
      [`records/${date(3)}.md`]: day(3, '> Quoted from the review.'),
    });
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    // A body of plain Markdown: reading it does not load the pipeline, the index needs it for day 3.
    await writeFiles(root, { [`records/${date(6)}.md`]: day(6, 'Changed after.') });
    const again = await runCli(['build', '--root', root]);
    expect(again.stderr).toMatch(ONLY_NO_URL_WARNING);
    await expectSameAsFreshBuild(root);
  });
});

describe('the data exports after a change', () => {
  it("are kept as they were when only a record's analysis changed", async () => {
    const before = await readTree(join(root, 'dist/data'));
    await writeFiles(root, { [`records/${date(7)}.md`]: day(7, 'Only the analysis is new.') });
    const summary = await expectSameAsColdBuild(root);
    const after = await readTree(join(root, 'dist/data'));
    for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).toBe(true);
    expect(summary.written).toBeLessThanOrEqual(7); // the page and the feeds: the site's and its two tags'
  });

  it("show a task's new wording", async () => {
    await writeFiles(root, { [`records/${date(7)}.md`]: day(7, undefined, 'Reworded task, with a comma') });
    await expectSameAsColdBuild(root);
    expect(await readFile(join(root, 'dist/data/tasks.csv'), 'utf8')).toContain(`${date(7)},1,"Reworded task, with a comma"`);
    expect(await readFile(join(root, 'dist/data/records.json'), 'utf8')).toContain('"task": "Reworded task, with a comma"');
  });

  it('follow a new alias and a new base path in site.yaml', async () => {
    await writeFiles(root, { 'site.yaml': 'basePath: /blog\naliases: { Work: Effort }\n' });
    await expectSameAsColdBuild(root);
    const json = await readFile(join(root, 'dist/data/records.json'), 'utf8');
    expect(json).toContain('"task": "Effort on day 7"');
    expect(json).toContain(`"url": "/blog/records/${date(7)}/"`);
  });

  it('follow a record that became invalid and was fixed', async () => {
    await writeFiles(root, { [`records/${date(9)}.md`]: day(9).replace('human: 10h', 'human: lots') });
    await expect(build({ root })).rejects.toThrow();
    await writeFiles(root, { [`records/${date(9)}.md`]: day(9, undefined, 'Fixed task') });
    await expectSameAsColdBuild(root);
    expect(await readFile(join(root, 'dist/data/tasks.csv'), 'utf8')).toContain(`${date(9)},1,Fixed task`);
  });
});
