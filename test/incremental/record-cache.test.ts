/**
 * The record cache is an index of every record and a detail file that new records are
 * appended to. Whatever the sequence of changes, an incremental build equals a cold build,
 * and records read once are not read again.
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


describe('the record cache', () => {
  it('appends one changed record to the detail file, leaving what it held as it was', async () => {
    const detail = await readFile(cacheFile('records-detail.bin'));
    await writeFiles(root, { [`records/${date(3)}.md`]: day(3, 'A new body.', 'New task') });
    const summary = await expectSameAsColdBuild(root);
    expect(summary.processed).toBe(1);
    const after = await readFile(cacheFile('records-detail.bin'));
    expect(after.subarray(0, detail.length).equals(detail)).toBe(true);
    expect(after.length - detail.length).toBeLessThan(detail.length / 4);
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

  it('writes the detail file anew when most of it is stale, keeping only what is live', async () => {
    const first = (await stat(cacheFile('records-detail.bin'))).size;
    for (let round = 0; round < 3; round++) {
      const changes = Object.fromEntries(Array.from({ length: DAYS }, (_, i) => [`records/${date(i)}.md`, day(i, `Rewritten ${round} ${i}.`)]));
      await writeFiles(root, changes);
      expect((await expectSameAsColdBuild(root)).processed).toBe(DAYS);
    }
    expect((await stat(cacheFile('records-detail.bin'))).size).toBeLessThan(first * 2.5);
    const next = await expectSameAsColdBuild(root);
    expect(next.processed).toBe(0);
    expect(await readFile(join(root, `dist/records/${date(0)}/index.html`), 'utf8')).toContain('Rewritten 2 0.');
  });

  it('a detail that does not read back makes the build read every record again, with a note', async () => {
    const file = cacheFile('records-detail.bin');
    const bytes = await readFile(file);
    bytes[bytes.length - 50] = bytes[bytes.length - 50]! ^ 0xff;
    await writeFile(file, bytes);
    // A new title: every page that lists the records reads their detail.
    await writeFiles(root, { [`records/${date(6)}.md`]: day(6, 'Changed after.', 'New task').replace('date:', 'title: New title\ndate:') });
    const summary = await expectSameAsColdBuild(root);
    expect(summary.notes).toEqual([expect.stringMatching(/^\.leverage-cache\/records-detail\.bin does not hold records\/2026-03-\d\d\.md as its index says; read every record again$/)]);
    expect(summary.processed).toBe(DAYS);
  });

  it('a detail file from another build is not used', async () => {
    const other = await makeRoot({ [`records/${date(0)}.md`]: day(0, 'Another site.') });
    await build({ root: other });
    await writeFile(cacheFile('records-detail.bin'), await readFile(join(other, '.leverage-cache', 'records-detail.bin')));
    await removeRoot(other);
    await writeFiles(root, { [`records/${date(6)}.md`]: day(6, 'Changed after.', 'New task') });
    const summary = await expectSameAsColdBuild(root);
    expect(summary.notes).toEqual(['.leverage-cache/records-detail.bin is not the one records.bin describes; rebuilding the record cache']);
    expect(summary.processed).toBe(DAYS);
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
