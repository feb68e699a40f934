/**
 * An output path that points at something that is not a previous build must never be
 * deleted: a typo in --out is not a reason to lose a file or a folder.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostileBuild, listTree, plainRecord } from '../hostile/helpers.js';
import { runCli } from '../support/cli.js';

const RECORD = { 'records/2026-01-01.md': plainRecord('2026-01-01') };

describe('--out pointing at something the generator did not make', () => {
  // BUG (src/output/write.ts, DiskTarget.swap(): `if (!(await isFolder(this.out))) { await
  // rm(this.out, { force: true }); … }`): `leverage build --out notes.txt` deletes the file
  // notes.txt and puts the site in its place; `--out site.yaml` deletes the site's config. Fix:
  // refuse (a BuildError naming the path) when `out` exists and is not a folder.
  it.fails('an existing file: a clear error, and the file is left as it was', async () => {
    const build = await hostileBuild({ ...RECORD, 'notes.txt': 'my notes' }, { command: ['build', '--root', 'root', '--out', 'root/notes.txt'] });
    try {
      expect(build.code).toBe(1);
      expect(build.stderr).toMatch(/notes\.txt/);
      expect(await readFile(join(build.root, 'notes.txt'), 'utf8')).toBe('my notes');
    } finally {
      await build.cleanup();
    }
  });

  // BUG (same place, swap() → `rename(this.out, retired)` then `rm(old)` or keeping it as the
  // spare copy): `--out ~/Documents` (any existing folder) moves that folder away and deletes
  // it (or hides it in .leverage-cache/output), replacing it with the site. Fix: replace only a
  // folder that is empty or that a previous build made (e.g. the cache manifest names it as
  // its output, or a marker file such as `.leverage-output` is in it); refuse otherwise, saying
  // so, with the hint to choose a new folder or delete it by hand.
  it.fails('an existing folder of other files: a clear error, and the folder is left as it was', async () => {
    const build = await hostileBuild(
      { ...RECORD, 'documents/thesis.tex': 'years of work', 'documents/photos/cat.jpg': 'meow' },
      { command: ['build', '--root', 'root', '--out', 'root/documents'] },
    );
    try {
      expect(build.code).toBe(1);
      expect(await listTree(join(build.root, 'documents'))).toEqual(['photos/cat.jpg', 'thesis.tex']);
    } finally {
      await build.cleanup();
    }
  });

  it('an empty folder, or one a previous build made, is fine', async () => {
    const build = await hostileBuild(RECORD, {
      setup: async (root) => mkdir(join(root, 'site-out')),
      command: ['build', '--root', 'root', '--out', 'root/site-out'],
    });
    try {
      expect(build.code, build.stderr).toBe(0);
      await writeFile(join(build.root, 'records/2026-01-02.md'), plainRecord('2026-01-02'));
      const again = await runCli(['build', '--root', build.root, '--out', join(build.root, 'site-out')]);
      expect(again.code, again.stderr).toBe(0);
      expect(await listTree(join(build.root, 'site-out'))).toContain('records/2026-01-02/index.html');
    } finally {
      await build.cleanup();
    }
  });
});
