/** The `leverage` command as an author runs it. */
import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeRoot, readTree, removeRoot, writeFiles } from '../support/site.js';
import { runCli } from '../support/cli.js';

const GOOD = '---\ndate: 2026-03-02\ntasks:\n  - task: Work\n    human: 4h\n    claude: 19m\n---\n\nBody.\n';
const roots: string[] = [];
async function root(files: Record<string, string>) {
  const r = await makeRoot(files);
  roots.push(r);
  return r;
}
afterEach(async () => {
  await Promise.all(roots.splice(0).map(removeRoot));
});

describe('leverage build', () => {
  it('builds and prints a one-line summary', async () => {
    const dir = await root({ 'records/2026-03-02.md': GOOD });
    const result = await runCli(['build', '--root', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Built 1 record into .*dist\/: \d+ pages, \d+ files written, 0 unchanged in \d+\.\d\d s\n$/);
    expect(existsSync(join(dir, 'dist/records/2026-03-02/index.html'))).toBe(true);
  });

  it('says how many drafts it left out, also when nothing changed, and none with --drafts', async () => {
    const draft = GOOD.replace('date: 2026-03-02\n', 'date: 2026-03-03\ndraft: true\n');
    const dir = await root({ 'records/2026-03-02.md': GOOD, 'records/2026-03-03.md': draft, 'records/2026-03-04.md': draft.replaceAll('03-03', '03-04') });
    const leftOut = /^Built 1 record into .*: \d+ pages, (\d+) files written, \d+ unchanged in \d+\.\d\d s; 2 drafts left out \(build --drafts includes them\)\n$/;
    expect((await runCli(['build', '--root', dir])).stdout).toMatch(leftOut);
    const again = await runCli(['build', '--root', dir]);
    expect(again.stdout).toMatch(leftOut);
    expect(leftOut.exec(again.stdout)?.[1]).toBe('0');
    const withDrafts = await runCli(['build', '--root', dir, '--drafts']);
    expect(withDrafts.stdout).toMatch(/^Built 3 records into .* s\n$/);
  });

  it('lists every error of every file with path:line:column, exits 1 and leaves the last good dist/ untouched', async () => {
    const dir = await root({ 'records/2026-03-02.md': GOOD });
    expect((await runCli(['build', '--root', dir])).code).toBe(0);
    const before = await readTree(join(dir, 'dist'));

    await writeFiles(dir, {
      'records/2026-03-03.md': '---\ntasks:\n  - task: A\n    human: 2h\n    claude: soon\n---\n',
      'records/2026-03-04.md': '---\ntasks:\n  - task: B\n    human: -3h\n    claude: 10m\n---\n',
    });
    const result = await runCli(['build', '--root', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('records/2026-03-03.md:5:13: ');
    expect(result.stderr).toContain('records/2026-03-04.md:4:12: ');
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace
    expect(result.stdout).toBe('');

    const after = await readTree(join(dir, 'dist'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).toBe(true);
  });

  it('refuses an output folder that would replace the root', async () => {
    const dir = await root({ 'records/2026-03-02.md': GOOD });
    const result = await runCli(['build', '--root', dir, '--out', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot build into .*: the output folder holds the site root/);
    expect(await readFile(join(dir, 'records/2026-03-02.md'), 'utf8')).toBe(GOOD);
  });

  it('reports an unknown flag instead of ignoring it, with the nearest valid one', async () => {
    const result = await runCli(['build', '--rot', '.']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('leverage build: unknown option --rot (did you mean --root?)\n');
  });
});

describe('leverage check', () => {
  it('passes good records and fails bad ones with located errors', async () => {
    const dir = await root({ 'records/2026-03-02.md': GOOD });
    const ok = await runCli(['check', '--root', dir]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/1 records? OK/);

    await writeFiles(dir, { 'records/2026-03-05.md': '---\ntasks: []\n---\n' });
    const bad = await runCli(['check', '--root', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/records\/2026-03-05\.md:2:\d+: /);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('validates site.yaml too', async () => {
    const dir = await root({ 'records/2026-03-02.md': GOOD, 'site.yaml': 'title: [unclosed\n' });
    const result = await runCli(['check', '--root', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/site\.yaml:\d+:\d+: /);
  });
});

describe('--root must be a blog: a folder with records/', () => {
  it.each(['build', 'check', 'new', 'dev'])('leverage %s refuses a folder without records/ and writes nothing', async (command) => {
    const dir = await root({ 'notes.txt': 'not a blog' });
    const result = await runCli([command, '--root', dir], { timeoutMs: 20_000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `leverage ${command}: ${dir} has no records/ folder, so it is not a blog (give --root the blog's folder, or start a blog with leverage init)\n`,
    );
    expect((await readTree(dir)).size).toBe(1);
  });

  it('a --root that does not exist, and the current folder when --root is not given', async () => {
    const dir = await root({ 'notes.txt': 'not a blog' });
    const missing = await runCli(['check', '--root', join(dir, 'typo')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`leverage check: ${join(dir, 'typo')} does not exist (`);
    const here = await runCli(['build'], { cwd: dir });
    expect(here.code).toBe(1);
    expect(here.stderr).toMatch(/^leverage build: the current folder \(.*\) has no records\/ folder, so it is not a blog/);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });
});

describe('leverage new', () => {
  it('writes a draft with one example task that builds', async () => {
    const dir = await root({ 'records/.keep': '' });
    const result = await runCli(['new', '2026-04-01', '--root', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Wrote .*records\/2026-04-01\.md \(a draft: remove its draft: true line to publish it\)\n$/);
    const text = await readFile(join(dir, 'records/2026-04-01.md'), 'utf8');
    expect(text).toMatch(/^---\ndate: 2026-04-01\ndraft: true\b/);
    expect((await runCli(['build', '--root', dir])).code).toBe(0);
    expect(existsSync(join(dir, 'dist/records/2026-04-01/index.html'))).toBe(false);
    expect((await runCli(['build', '--root', dir, '--drafts'])).code).toBe(0);
    expect(existsSync(join(dir, 'dist/records/2026-04-01/index.html'))).toBe(true);
  });

  it('check and build warn about a record that still holds the example task, drafts included', async () => {
    const dir = await root({ 'records/.keep': '' });
    expect((await runCli(['new', '2026-04-01', '--root', dir])).code).toBe(0);
    const warned = /^records\/2026-04-01\.md:12:5: warning: this is still the example task that leverage new wrote \(describe what was done/m;
    const result = await runCli(['check', '--root', dir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(warned);
    expect(result.stdout).toBe('1 record OK, 2 warnings.\n'); // and the missing url
    const built = await runCli(['build', '--root', dir]);
    expect(built.code).toBe(0);
    expect(built.stderr).toMatch(warned);
  });

  it('follows the year folders into a new year', async () => {
    const dir = await root({ 'records/2026/2026-12-30.md': GOOD.replace('2026-03-02', '2026-12-30') });
    expect((await runCli(['new', '2027-01-02', '--root', dir])).code).toBe(0);
    expect(existsSync(join(dir, 'records/2027/2027-01-02.md'))).toBe(true);
    expect(existsSync(join(dir, 'records/2027-01-02.md'))).toBe(false);
  });

  it('never overwrites', async () => {
    const dir = await root({ 'records/2026/2026-04-01.md': GOOD });
    const result = await runCli(['new', '2026-04-01', '--root', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('already holds the record of 2026-04-01');
    expect(await readFile(join(dir, 'records/2026/2026-04-01.md'), 'utf8')).toBe(GOOD);
  });

  it('puts the file in the year folder when the root uses them', async () => {
    const dir = await root({ 'records/2026/2026-03-02.md': GOOD });
    expect((await runCli(['new', '2026-04-02', '--root', dir])).code).toBe(0);
    expect(existsSync(join(dir, 'records/2026/2026-04-02.md'))).toBe(true);
  });

  it('rejects a date that is not a calendar day', async () => {
    const dir = await root({ 'records/.keep': '' });
    const result = await runCli(['new', '2026-02-30', '--root', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a date (expected YYYY-MM-DD');
    const two = await runCli(['new', '2026-02-03', '2026-02-04', '--root', dir]);
    expect(two.code).toBe(1);
    expect(two.stderr).toBe('leverage new: unexpected argument "2026-02-04" (it takes [YYYY-MM-DD]; see leverage new --help)\n');
  });

  it("defaults to today's local date", async () => {
    const dir = await root({ 'records/.keep': '' });
    const result = await runCli(['new', '--root', dir], { env: { TZ: 'Pacific/Kiritimati' } });
    expect(result.code).toBe(0);
    const now = new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10);
    expect(result.stdout).toContain(`${now}.md`);
  });
});
