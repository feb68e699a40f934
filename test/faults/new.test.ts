/** `leverage new` never overwrites, never makes a second record for a day, never writes outside the root. */
import { lstat, mkdir, readFile, readlink, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostileBuild, listTree, plainRecord } from '../hostile/helpers.js';
import { runCli } from '../support/cli.js';

const newIn = (root: string, date: string) => runCli(['new', date, '--root', root], { timeoutMs: 30_000 });

describe('leverage new', () => {
  it('refuses a day already recorded in a file named otherwise (its date: in the front matter)', async () => {
    const site = await hostileBuild({ 'records/monday.md': plainRecord('2026-04-06') }, { command: ['check', '--root', 'root'] });
    try {
      const result = await newIn(site.root, '2026-04-06');
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('leverage new: records/monday.md already holds the record of 2026-04-06; nothing was written\n');
      expect(await listTree(join(site.root, 'records'))).toEqual(['monday.md']);
      // Another day is fine.
      expect((await newIn(site.root, '2026-04-07')).code).toBe(0);
    } finally {
      await site.cleanup();
    }
  });

  it('does not write through a link that points to nothing', async () => {
    const site = await hostileBuild({ 'records/.keep': '' }, { command: ['check', '--root', 'root'] });
    try {
      const target = join(site.base, 'elsewhere.md');
      await symlink(target, join(site.root, 'records/2026-04-06.md'));
      const result = await newIn(site.root, '2026-04-06');
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/2026-04-06\.md already exists; nothing was written/);
      expect(await lstat(target).catch(() => null)).toBeNull();
      expect(await readlink(join(site.root, 'records/2026-04-06.md'))).toBe(target);
    } finally {
      await site.cleanup();
    }
  });

  it('does not write into a year folder that links outside the site folder', async () => {
    const site = await hostileBuild({ 'records/2026/2026-01-01.md': plainRecord('2026-01-01') }, { command: ['check', '--root', 'root'] });
    try {
      const outside = join(site.base, 'outside-2027');
      await mkdir(outside);
      await symlink(outside, join(site.root, 'records/2027'));
      const result = await newIn(site.root, '2027-01-01');
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^leverage new: records\/2027 leads outside the site folder, to .*outside-2027; nothing was written$/m);
      expect(await listTree(outside)).toEqual([]);
    } finally {
      await site.cleanup();
    }
  });

  it('a file where the records folder should be: a clear error, not a crash', async () => {
    const site = await hostileBuild({ records: 'not a folder' }, { command: ['check', '--root', 'root'] });
    try {
      const result = await newIn(site.root, '2026-04-06');
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^leverage new: records in .* is a file; it must be the folder of the record files$/m);
      expect(result.stderr).not.toMatch(/internal error|^\s+at /m);
      expect(await readFile(join(site.root, 'records'), 'utf8')).toBe('not a folder');
    } finally {
      await site.cleanup();
    }
  });

  it('two at once for the same day: one writes, the other refuses, the file is whole', async () => {
    const site = await hostileBuild({ 'records/.keep': '' }, { command: ['check', '--root', 'root'] });
    try {
      const results = await Promise.all([newIn(site.root, '2026-04-06'), newIn(site.root, '2026-04-06'), newIn(site.root, '2026-04-06')]);
      expect(results.map((r) => r.code).sort()).toEqual([0, 1, 1]);
      const text = await readFile(join(site.root, 'records/2026-04-06.md'), 'utf8');
      expect(text).toMatch(/^---\ndate: 2026-04-06\n[\s\S]*\n---\n\n[\s\S]+\n$/);
      expect(await listTree(join(site.root, 'records'))).toEqual(['.keep', '2026-04-06.md']);
    } finally {
      await site.cleanup();
    }
  });

  it('an existing record is never changed, byte for byte, whatever its form', async () => {
    const original = Buffer.from('\uFEFF---\r\ndate: 2026-04-06\r\ntasks: []\r\n---\r\n', 'utf8');
    const site = await hostileBuild({ 'records/2026-04-06-extra-notes.md': original }, { command: ['check', '--root', 'root'] });
    try {
      const result = await newIn(site.root, '2026-04-06');
      expect(result.code).toBe(1);
      expect(Buffer.compare(await readFile(join(site.root, 'records/2026-04-06-extra-notes.md')), original)).toBe(0);
    } finally {
      await site.cleanup();
    }
  });
});
