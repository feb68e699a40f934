import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { findRecordFiles, readRecords } from '../../src/records/read.js';
import { lines, seen } from './helpers.js';

const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

/** A temporary root holding the given files (relative path → text or bytes). */
async function makeRoot(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'records-read-'));
  roots.push(root);
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  }
  return root;
}

function record(date: string, ...extra: string[]): string {
  return lines('---', `date: ${date}`, ...extra, 'tasks:', '  - { task: a, human: 1, claude: 1 }', '---', 'Body');
}

const read = (root: string, drafts = false) => readRecords(root, DEFAULT_CONFIG, { drafts });

describe('findRecordFiles', () => {
  it('finds *.md at any depth, sorted, skipping names that start with _ or .', async () => {
    const root = await makeRoot({
      'records/2026/03/2026-03-02.md': '',
      'records/2026-03-01.md': '',
      'records/_drafts/2026-03-05.md': '',
      'records/_template.md': '',
      'records/.hidden/2026-03-06.md': '',
      'records/.2026-03-07.md': '',
      'records/notes.txt': '',
      'records/b/a.md': '',
      'elsewhere/2026-03-08.md': '',
    });
    expect(await findRecordFiles(root)).toEqual([
      'records/2026-03-01.md',
      'records/2026/03/2026-03-02.md',
      'records/b/a.md',
    ]);
  });

  it('finds nothing when there is no records folder', async () => {
    expect(await findRecordFiles(await makeRoot({ 'site.yaml': '' }))).toEqual([]);
  });

  it('follows links that stay inside the root, and reports those that leave it', async () => {
    const outside = await makeRoot({ 'secret.md': record('2026-03-09'), 'dir/2026-03-10.md': record('2026-03-10') });
    const root = await makeRoot({ 'records/2026-03-01.md': record('2026-03-01'), 'drafts/2026-03-02.md': record('2026-03-02') });
    await symlink(path.join(root, 'drafts/2026-03-02.md'), path.join(root, 'records/2026-03-02.md'));
    await symlink(path.join(root, 'drafts'), path.join(root, 'records/linked'));
    await symlink(path.join(root, 'records'), path.join(root, 'records/loop'));
    await symlink(path.join(outside, 'secret.md'), path.join(root, 'records/secret.md'));
    await symlink(path.join(outside, 'dir'), path.join(root, 'records/outside'));
    await symlink(path.join(root, 'nothing.md'), path.join(root, 'records/broken.md'));

    expect(await findRecordFiles(root)).toEqual([
      'records/2026-03-01.md',
      'records/2026-03-02.md',
      'records/linked/2026-03-02.md',
    ]);
    const result = await read(root);
    expect(seen(result.diagnostics)).toEqual([
      'records/2026-03-02.md:2:7: two records for 2026-03-02: records/2026-03-02.md and records/linked/2026-03-02.md ' +
        '(keep one record per day: merge them, or fix the date of one)',
      'records/broken.md: the link points to nothing (fix or remove the link)',
      'records/linked/2026-03-02.md:2:7: two records for 2026-03-02: records/2026-03-02.md and records/linked/2026-03-02.md ' +
        '(keep one record per day: merge them, or fix the date of one)',
      `records/outside: the link leads outside the site folder, to ${await realpathOf(outside, 'dir')} ` +
        '(copy the file into the site folder instead of linking to it)',
      `records/secret.md: the link leads outside the site folder, to ${await realpathOf(outside, 'secret.md')} ` +
        '(copy the file into the site folder instead of linking to it)',
    ]);
    expect(result.records.map((r) => r.file)).toEqual(['records/2026-03-01.md']);
  });
});

async function realpathOf(root: string, file: string): Promise<string> {
  const { realpath } = await import('node:fs/promises');
  return realpath(path.join(root, file));
}

describe('readRecords', () => {
  it('gives the records sorted by date, oldest first, with their sources', async () => {
    const root = await makeRoot({
      'records/b.md': record('2026-03-01'),
      'records/2026/2026-03-03.md': record('2026-03-03'),
      'records/a.md': record('2026-03-02'),
    });
    const result = await read(root);
    expect(result.diagnostics).toEqual([]);
    expect(result.records.map((r) => [r.date, r.file])).toEqual([
      ['2026-03-01', 'records/b.md'],
      ['2026-03-02', 'records/a.md'],
      ['2026-03-03', 'records/2026/2026-03-03.md'],
    ]);
    expect(result.sources.get('records/a.md')).toBe(record('2026-03-02'));
    expect([...result.sources.keys()].sort()).toEqual(['records/2026/2026-03-03.md', 'records/a.md', 'records/b.md']);
  });

  it('leaves drafts out unless drafts are asked for', async () => {
    const root = await makeRoot({
      'records/a.md': record('2026-03-01'),
      'records/b.md': record('2026-03-02', 'draft: true'),
    });
    expect((await read(root)).records.map((r) => r.date)).toEqual(['2026-03-01']);
    expect((await read(root, true)).records.map((r) => r.date)).toEqual(['2026-03-01', '2026-03-02']);
  });

  it('two records for the same date: an error at each date line naming both, drafts included', async () => {
    const root = await makeRoot({
      'records/2026-03-02.md': lines('---', 'tasks:', '  - { task: a, human: 1, claude: 1 }', '---'),
      'records/b.md': record('2026-03-02', 'draft: true'),
      'records/c.md': record('2026-03-03'),
    });
    const result = await read(root, true);
    expect(seen(result.diagnostics)).toEqual([
      'records/2026-03-02.md: two records for 2026-03-02: records/2026-03-02.md and records/b.md ' +
        '(keep one record per day: merge them, or fix the date of one)',
      'records/b.md:2:7: two records for 2026-03-02: records/2026-03-02.md and records/b.md ' +
        '(keep one record per day: merge them, or fix the date of one)',
    ]);
    expect(result.records.map((r) => r.file)).toEqual(['records/c.md']);
  });

  it('reports every problem of every file in one run', async () => {
    const root = await makeRoot({
      'records/a.md': lines('---', 'date: 2026-03-01', 'tasks: []', '---'),
      'records/b.md': lines('---', 'date: 2026-03-02', 'tasks:', '  - { task: a, human: 1, clade: 1 }', '---'),
      'records/c.md': record('2026-03-03'),
    });
    expect(seen((await read(root)).diagnostics)).toEqual([
      'records/a.md:3:8: tasks is empty (list at least one task under tasks:, each with task, human and claude)',
      "records/b.md:4:5: task 1 is missing claude: (add claude: the assistant's wall-clock time, e.g. claude: 19m)",
      'records/b.md:4:26: unknown task field clade, close to claude: its value would be left out (did you mean claude?)',
    ]);
  });

  it('a file that is not UTF-8 text, or holds a NUL, is a located error', async () => {
    const good = Buffer.from(record('2026-03-01'));
    const root = await makeRoot({
      'records/latin1.md': Buffer.concat([Buffer.from('---\ndate: 2026-03-02\ntitle: caf'), Buffer.from([0xe9]), Buffer.from('\n---\n')]),
      'records/cut.md': Buffer.concat([Buffer.from('---\nté'), Buffer.from([0xe2, 0x82])]),
      'records/stray.md': Buffer.concat([Buffer.from('\uFEFF---\n'), Buffer.from([0x80])]),
      'records/binary.md': Buffer.concat([Buffer.from('---\nab'), Buffer.from([0]), Buffer.from('\n')]),
      'records/good.md': good,
    });
    const result = await read(root);
    expect(seen(result.diagnostics)).toEqual([
      'records/binary.md:2:3: the file contains a NUL character, so it is not text (save it as plain UTF-8 text)',
      'records/cut.md:2:3: the file is not valid UTF-8 text (save it as UTF-8)',
      'records/latin1.md:3:11: the file is not valid UTF-8 text (save it as UTF-8)',
      'records/stray.md:2:1: the file is not valid UTF-8 text (save it as UTF-8)',
    ]);
    expect(result.records.map((r) => r.file)).toEqual(['records/good.md']);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file is an error, not a crash', async () => {
    const root = await makeRoot({ 'records/a.md': record('2026-03-01') });
    await chmod(path.join(root, 'records/a.md'), 0o000);
    expect(seen((await read(root)).diagnostics)).toEqual([
      'records/a.md: cannot read the file (EACCES) (check that it exists and is readable)',
    ]);
  });
});
