/**
 * The record cache is a base file and a delta of what changed since: a build that changed a
 * few records writes only the delta. Whatever the sequence of changes, an incremental build
 * equals a cold build, and records read once are not read again. (The edits reword a task:
 * a new analysis alone is a quick rebuild, which does not read the record cache.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from '../../src/build.js';
import { makeRoot, readTree, removeRoot, writeFiles } from '../support/site.js';
import { expectSameAsColdBuild } from './same-as-cold.js';

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


describe('the record cache written as a delta', () => {
  it('keeps one changed record in a small delta, leaving the base as it was', async () => {
    const base = await readFile(cacheFile('records.bin'));
    await writeFiles(root, { [`records/${date(3)}.md`]: day(3, 'A new body.', 'New task') });
    const summary = await expectSameAsColdBuild(root);
    expect(summary.processed).toBe(1);
    expect((await readFile(cacheFile('records.bin'))).equals(base)).toBe(true);
    expect((await stat(cacheFile('records-delta.bin'))).size).toBeLessThan(base.length / 4);
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

  it('writes the base again when most records changed, and an old delta is then not applied', async () => {
    await writeFiles(root, { [`records/${date(0)}.md`]: day(0, 'Only this one.', 'New task') });
    await build({ root });
    const delta = await readFile(cacheFile('records-delta.bin'));
    const changes = Object.fromEntries(Array.from({ length: DAYS }, (_, i) => [`records/${date(i)}.md`, day(i, `Rewritten ${i}.`)]));
    await writeFiles(root, changes);
    const summary = await expectSameAsColdBuild(root);
    expect(summary.processed).toBe(DAYS);
    // The delta on disk is the old one; it names a base that is no longer there.
    expect((await readFile(cacheFile('records-delta.bin'))).equals(delta)).toBe(true);
    const next = await expectSameAsColdBuild(root);
    expect(next.processed).toBe(0);
    expect(await readFile(join(root, `dist/records/${date(0)}/index.html`), 'utf8')).toContain('Rewritten 0.');
  });

  it('a corrupt delta is discarded with a note, and only its records are read again', async () => {
    await writeFiles(root, { [`records/${date(4)}.md`]: day(4, 'In the delta.', 'New task') });
    await build({ root });
    const file = cacheFile('records-delta.bin');
    const bytes = await readFile(file);
    bytes[bytes.length - 50] = bytes[bytes.length - 50]! ^ 0xff;
    await writeFile(file, bytes);
    await writeFiles(root, { [`records/${date(6)}.md`]: day(6, 'Changed after.', 'New task') });
    const summary = await expectSameAsColdBuild(root);
    expect(summary.notes).toEqual(['.leverage-cache/records-delta.bin is corrupt; rebuilding it']);
    expect(summary.processed).toBe(2); // the record changed, and the one the delta held
    expect(await readFile(join(root, `dist/records/${date(4)}/index.html`), 'utf8')).toContain('In the delta.');
  });
});

describe('the data exports after a change', () => {
  it("are kept as they were when only a record's analysis changed", async () => {
    const before = await readTree(join(root, 'dist/data'));
    await writeFiles(root, { [`records/${date(7)}.md`]: day(7, 'Only the analysis is new.') });
    const summary = await expectSameAsColdBuild(root);
    const after = await readTree(join(root, 'dist/data'));
    for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).toBe(true);
    expect(summary.written).toBeLessThanOrEqual(3); // the page and the two feeds
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
