/**
 * Incremental builds give byte-identical output to a build without cache, after every kind
 * of change; a cache that is corrupt or from another version is never trusted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../../src/build.js';
import { makeRoot, readTree, removeRoot, writeFiles } from '../support/site.js';
import { expectSameAsColdBuild } from './same-as-cold.js';

const day = (date: string, human: string, body = 'Body.', extra = '') =>
  `---\ndate: ${date}\n${extra}tasks:\n  - task: Work on ${date}\n    human: ${human}\n    claude: 10m\n---\n\n${body}\n`;

let root: string;
beforeEach(async () => {
  root = await makeRoot({
    'records/2026-03-01.md': day('2026-03-01', '2h'),
    'records/2026-03-02.md': day('2026-03-02', '4h', 'Second body.'),
    'records/2026-03-03.md': day('2026-03-03', '8h', 'Third body.', 'tags: [AI, Time Record, Extra]\n'),
    'records/2026-03-04.md': day('2026-03-04', '1h'),
    'public/robots.txt': 'User-agent: *\n',
  });
});
afterEach(() => removeRoot(root));


describe('an incremental build equals a cold build', () => {
  beforeEach(async () => {
    await build({ root });
    await build({ root }); // the second build keeps a spare copy, so later builds exercise it
  });

  it('when nothing changed, and writes nothing', async () => {
    const summary = await expectSameAsColdBuild(root);
    expect(summary.written).toBe(0);
    expect(summary.processed).toBe(0);
  });

  it("after a record's body changed, writing only that page", async () => {
    await writeFiles(root, { 'records/2026-03-02.md': day('2026-03-02', '4h', 'A new body.') });
    const summary = await expectSameAsColdBuild(root);
    expect(summary.processed).toBe(1);
    expect(summary.written).toBeLessThanOrEqual(7); // the page, and the feeds that carry it in full (the site's, its two tags')
    expect(await readFile(join(root, 'dist/records/2026-03-02/index.html'), 'utf8')).toContain('A new body.');
  });

  it("after a record's numbers changed", async () => {
    await writeFiles(root, { 'records/2026-03-03.md': day('2026-03-03', '80h', 'Third body.', 'tags: [AI, Time Record, Extra]\n') });
    await expectSameAsColdBuild(root);
  });

  it('after two builds in a row each changed a different record (the spare copy is one build behind)', async () => {
    await writeFiles(root, { 'records/2026-03-01.md': day('2026-03-01', '3h') });
    await build({ root });
    await writeFiles(root, { 'records/2026-03-04.md': day('2026-03-04', '5h') });
    await expectSameAsColdBuild(root);
  });

  it('after a template changed', async () => {
    const layout = await readFile(join(import.meta.dirname, '../../templates/partials/layout.hbs'), 'utf8');
    await writeFiles(root, { 'templates/partials/layout.hbs': layout.replace('</body>', '<!-- custom --></body>') });
    const summary = await expectSameAsColdBuild(root);
    expect(await readFile(join(root, 'dist/index.html'), 'utf8')).toContain('<!-- custom -->');
    expect(summary.processed).toBe(0); // records are not parsed again for a template change
  });

  it('after a template changed so that it no longer compiles, and was then fixed', async () => {
    const layout = await readFile(join(import.meta.dirname, '../../templates/partials/layout.hbs'), 'utf8');
    await writeFiles(root, { 'templates/partials/layout.hbs': layout.replace('</body>', '{{#if}}</body>') });
    await expect(build({ root })).rejects.toThrow(/templates\/partials\/layout\.hbs.*template does not compile/);
    await writeFiles(root, { 'templates/partials/layout.hbs': layout.replace('</body>', '<!-- fixed --></body>') });
    await expectSameAsColdBuild(root);
    expect(await readFile(join(root, 'dist/index.html'), 'utf8')).toContain('<!-- fixed -->');
  });

  it('after the config changed', async () => {
    await writeFiles(root, { 'site.yaml': 'title: A Different Title\n' });
    await expectSameAsColdBuild(root);
    expect(await readFile(join(root, 'dist/index.html'), 'utf8')).toContain('A Different Title');
  });

  it('after a public file changed, was added and was removed', async () => {
    await writeFiles(root, { 'public/robots.txt': 'User-agent: *\nDisallow: /x\n', 'public/extra/a.txt': 'a' });
    await expectSameAsColdBuild(root);
    await rm(join(root, 'public/extra'), { recursive: true });
    await expectSameAsColdBuild(root);
    expect(existsSync(join(root, 'dist/extra/a.txt'))).toBe(false);
  });

  it('after a record was deleted: its page and its tag page are gone', async () => {
    await rm(join(root, 'records/2026-03-03.md'));
    const summary = await expectSameAsColdBuild(root);
    expect(summary.removed).toBeGreaterThanOrEqual(2);
    expect(existsSync(join(root, 'dist/records/2026-03-03'))).toBe(false);
    expect(existsSync(join(root, 'dist/tags/extra'))).toBe(false);
  });

  it('after a record was renamed (moved into a year folder)', async () => {
    await writeFiles(root, { 'records/2026/.keep': '' });
    await rename(join(root, 'records/2026-03-02.md'), join(root, 'records/2026/2026-03-02.md'));
    await expectSameAsColdBuild(root);
  });

  it('after a record was added', async () => {
    await writeFiles(root, { 'records/2026-03-05.md': day('2026-03-05', '6h') });
    await expectSameAsColdBuild(root);
  });
});

describe('a cache that cannot be trusted', () => {
  it('is discarded when corrupt, and the build is still right', async () => {
    await build({ root });
    const file = join(root, '.leverage-cache/records.bin');
    const bytes = await readFile(file);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    await writeFile(file, bytes);
    await writeFiles(root, { 'records/2026-03-02.md': day('2026-03-02', '5h', 'Changed.') });
    const summary = await expectSameAsColdBuild(root);
    expect(summary.notes).toEqual(['.leverage-cache/records.bin is corrupt; rebuilding it']);
    expect(summary.processed).toBe(4);
  });

  it('is discarded when from another format version', async () => {
    await build({ root });
    const file = join(root, '.leverage-cache/manifest.bin');
    const bytes = await readFile(file);
    await writeFile(file, Buffer.concat([Buffer.from('leverage-cache/0\n'), bytes.subarray(17)]));
    const summary = await expectSameAsColdBuild(root);
    expect(summary.notes).toContain('.leverage-cache/manifest.bin is from another version; rebuilding it');
  });

  it('is discarded when truncated', async () => {
    await build({ root });
    const file = join(root, '.leverage-cache/manifest.bin');
    await writeFile(file, (await readFile(file)).subarray(0, 30));
    const summary = await expectSameAsColdBuild(root);
    expect(summary.notes).toContain('.leverage-cache/manifest.bin is corrupt; rebuilding it');
  });

  it('is not trusted after a build was interrupted while changing the spare copy', async () => {
    await build({ root });
    await writeFiles(root, { 'records/2026-03-04.md': day('2026-03-04', '2h') });
    await build({ root }); // now a spare copy is kept
    // What a build killed half-way leaves: the marker, and a spare copy in an unknown state.
    await writeFile(join(root, '.leverage-cache/build-in-progress'), 'x');
    await writeFile(join(root, '.leverage-cache/output/records/2026-03-02/index.html'), 'half-written');
    // A change that leaves the 2026-03-02 page as it was: only distrust of the spare rewrites it.
    await writeFiles(root, { 'records/2026-03-04.md': day('2026-03-04', '2h', 'Another body.') });
    await expectSameAsColdBuild(root);
    expect(existsSync(join(root, '.leverage-cache/build-in-progress'))).toBe(false);
  });

  it('--no-cache neither reads nor writes the cache', async () => {
    await build({ root, cache: false });
    expect(existsSync(join(root, '.leverage-cache'))).toBe(false);
  });
});

describe('a build that fails on a broken record', () => {
  it('keeps the records it read: after the fix, only the fixed file is read again', async () => {
    await writeFiles(root, { 'records/2026-03-02.md': day('2026-03-02', 'four hours') });
    await expect(build({ root })).rejects.toThrow(/2026-03-02\.md:\d+:\d+: .*human/);
    await writeFiles(root, { 'records/2026-03-02.md': day('2026-03-02', '4h', 'Fixed.') });
    const summary = await expectSameAsColdBuild(root);
    expect(summary.processed).toBe(1);
  });
});

// Regression: with the cache describing a dist/ that was then deleted (by hand, or `rm -rf
// dist`), every later build failed: "could not write the site: ENOENT … copyfile", until
// `leverage clean`. Keeping a file linked it from the output folder, which was gone.
describe('an output folder changed by hand', () => {
  beforeEach(() => build({ root }));

  it('deleted: the next build writes it all again, whether records changed or not', async () => {
    await rm(join(root, 'dist'), { recursive: true });
    const summary = await expectSameAsColdBuild(root);
    expect(summary.written).toBe((await readTree(join(root, 'dist'))).size);
    await rm(join(root, 'dist'), { recursive: true });
    await writeFiles(root, { 'records/2026-03-02.md': day('2026-03-02', '4h', 'Rewritten after the delete.') });
    await expectSameAsColdBuild(root);
  });

  it('the page of the record edited deleted: it is made again, without the whole site', async () => {
    await rm(join(root, 'dist/records/2026-03-02/index.html'));
    await writeFiles(root, { 'records/2026-03-02.md': day('2026-03-02', '4h', 'Rewritten after its page was deleted.') });
    const summary = await expectSameAsColdBuild(root);
    expect(summary.notes).toEqual([]);
    expect(summary.written).toBe(7); // its page, and the feeds that carry its text: the site's and its two tags'
    expect(summary.reused.files).toBe(summary.written + summary.unchanged - 7);
  });

  it('one page deleted: the next build notices and writes the whole site again', async () => {
    await rm(join(root, 'dist/records/2026-03-01/index.html'));
    await writeFiles(root, { 'records/2026-03-04.md': day('2026-03-04', '1h', 'A quick edit.') });
    const quick = await expectSameAsColdBuild(root);
    expect(quick.notes).toEqual(['the last output changed since it was built (records/2026-03-01/index.html is gone); wrote all of it again']);
    // The tags page depends on the numbers changed next: it is made again, and nothing is missing.
    await rm(join(root, 'dist/tags/index.html'));
    await writeFiles(root, { 'records/2026-03-04.md': day('2026-03-04', '3h', 'New numbers.') });
    const next = await expectSameAsColdBuild(root);
    expect(next.notes).toEqual([]);
  });
});
