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
  // Regression: `--out notes.txt` once deleted the file and put the site in its place.
  it('an existing file: a clear error, and the file is left as it was', async () => {
    const build = await hostileBuild({ ...RECORD, 'notes.txt': 'my notes' }, { command: ['build', '--root', 'root', '--out', 'root/notes.txt'] });
    try {
      expect(build.code).toBe(1);
      expect(build.stderr).toMatch(/notes\.txt/);
      expect(await readFile(join(build.root, 'notes.txt'), 'utf8')).toBe('my notes');
    } finally {
      await build.cleanup();
    }
  });

  // Regression: `--out ~/Documents` once moved that folder away and deleted it. Only a new
  // path, an empty folder, or a folder a build made (it holds .leverage-output, or the cache
  // names it) is ever replaced.
  it('an existing folder of other files: a clear error, and the folder is left as it was', async () => {
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
