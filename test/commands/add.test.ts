/** `leverage add` as an author runs it: one task appended, the rest of the file as it was. */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { appendTask } from '../../src/commands/add.js';
import { runCli } from '../support/cli.js';
import { makeRoot } from '../support/site.js';

const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A blog with a url, so that check has nothing to say but about the records. */
async function site(files: Record<string, string>) {
  const root = await makeRoot({ 'site.yaml': 'url: https://example.org\n', ...files });
  roots.push(root);
  return root;
}

const COMMENTED = `---
# The day I moved the blog
date: 2026-03-02
title: 'Quoted: title'   # kept as written
summary: >-
  A long summary that the author folded by hand at a width of their own choosing,
  not the library's.
tags: [AI, Time Record]
tasks:
  - task: "Port the #templates"  # first
    human: 4h
    claude: 19m

  - task: Specs
    human: 2h
    claude: 6m
---

Body text.
`;

describe('leverage add', () => {
  it('appends the task after the last one and leaves every other byte as it was', async () => {
    const root = await site({ 'records/2026-03-02.md': COMMENTED });
    const result = await runCli(['add', 'Fix the login form', '--human', '4h', '--claude', '19m', '--date', '2026-03-02', '--project', 'cms', '--root', root]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Added task to records/2026-03-02.md\n');
    expect(await readFile(join(root, 'records/2026-03-02.md'), 'utf8')).toBe(
      COMMENTED.replace('    claude: 6m\n', '    claude: 6m\n  - task: Fix the login form\n    human: 4h\n    claude: 19m\n    project: cms\n'),
    );
    expect((await runCli(['check', '--root', root])).stdout).toBe('1 record OK.\n');
  });

  it('writes values that need quotes quoted, and check reads them back as typed', async () => {
    const root = await site({ 'records/2026-03-02.md': COMMENTED });
    const title = 'Fix: the #login form, "again"';
    const result = await runCli(['add', title, '--human', '1.5h', '--claude', '7m', '--date', '2026-03-02', '--project', 'a: b # c', '--root', root]);
    expect(result.code).toBe(0);
    const text = await readFile(join(root, 'records/2026-03-02.md'), 'utf8');
    expect(text).toContain(`  - task: 'Fix: the #login form, "again"'\n    human: 1.5h\n    claude: 7m\n    project: "a: b # c"\n`);
    const built = await runCli(['build', '--root', root, '--drafts']);
    expect(built.code).toBe(0);
    const page = await readFile(join(root, 'dist/records/2026-03-02/index.html'), 'utf8');
    expect(page).toContain('Fix: the #login form, "again"');
  });

  it('keeps a flow-style task list flow-style, and working', async () => {
    const flow = '---\ndate: 2026-03-02\ntasks: [{task: A, human: 4h, claude: 19m}]   # one line\n---\n';
    const root = await site({ 'records/2026-03-02.md': flow });
    expect((await runCli(['add', 'B: more', '--human', '2h', '--claude', '5m', '--date', '2026-03-02', '--root', root])).code).toBe(0);
    expect(await readFile(join(root, 'records/2026-03-02.md'), 'utf8')).toBe(
      '---\ndate: 2026-03-02\ntasks: [{task: A, human: 4h, claude: 19m}, {task: "B: more", human: 2h, claude: 5m}]   # one line\n---\n',
    );
    expect((await runCli(['check', '--root', root])).stdout).toBe('1 record OK.\n');
  });

  it('keeps CRLF line ends', async () => {
    const crlf = COMMENTED.replace(/\n/g, '\r\n');
    const root = await site({ 'records/2026-03-02.md': crlf });
    expect((await runCli(['add', 'C', '--human', '1h', '--claude', '2m', '--date', '2026-03-02', '--root', root])).code).toBe(0);
    const text = await readFile(join(root, 'records/2026-03-02.md'), 'utf8');
    expect(text).toBe(crlf.replace('    claude: 6m\r\n', '    claude: 6m\r\n  - task: C\r\n    human: 1h\r\n    claude: 2m\r\n'));
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('makes the day\'s record, a draft, when there is none', async () => {
    const root = await site({ 'records/2026/.keep': '' });
    const result = await runCli(['add', 'First task', '--human', '3h', '--claude', '10m', '--date', '2026-03-04', '--root', root]);
    expect(result.code).toBe(0);
    expect(await readFile(join(root, 'records/2026/2026-03-04.md'), 'utf8')).toBe(
      '---\ndate: 2026-03-04\ndraft: true\ntasks:\n  - task: First task\n    human: 3h\n    claude: 10m\n---\n\nWhat went well, what did not, and what the numbers do not show.\n',
    );
    expect((await runCli(['check', '--root', root])).stdout).toBe('1 record OK.\n');
  });

  it('adds to the day of site.yaml\'s time zone when no date is given', async () => {
    const root = await site({ 'site.yaml': 'url: https://example.org\ntimeZone: Pacific/Kiritimati\n', 'records/.keep': '' });
    const result = await runCli(['add', 'Today', '--human', '1h', '--claude', '1m', '--root', root]);
    expect(result.code).toBe(0);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(new Date());
    expect(await readFile(join(root, `records/${today}.md`), 'utf8')).toContain(`date: ${today}`);
  });

  it('refuses wrong durations and missing estimates, and writes nothing', async () => {
    const root = await site({ 'records/2026-03-02.md': COMMENTED });
    const cases: [string[], string][] = [
      [['X', '--claude', '19m'], "leverage add: --human is missing (the senior engineer's estimate, e.g. --human 4h)\n"],
      [['X', '--human', '4h', '--claude', 'soon'], 'leverage add: --claude: claude must be a duration, got "soon" (e.g. 19m, 1h 30m, 90 minutes, or a bare number of minutes)\n'],
      [['X', '--human=-3h', '--claude', '1m'], 'leverage add: --human: human must be greater than zero, got -3h (e.g. 4h, 1.5 hours, 90m, 1h 30m, or a bare number of hours)\n'],
      [['--human', '4h', '--claude', '1m'], 'leverage add: say what was done, in quotes: leverage add "Fix the login form" --human 4h --claude 19m\n'],
      [['X', '--human', '4h', '--claude', '1m', '--date', '2026-13-01'], 'leverage add: --date "2026-13-01" is not a date (expected YYYY-MM-DD, e.g. 2026-03-02)\n'],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(['add', ...args, '--root', root]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(message);
    }
    expect(await readFile(join(root, 'records/2026-03-02.md'), 'utf8')).toBe(COMMENTED);
  });

  it('refuses a --root without records/, as new does, and makes no records/ there', async () => {
    const root = await site({});
    const result = await runCli(['add', 'X', '--human', '4h', '--claude', '1m', '--date', '2026-03-02', '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`leverage add: ${root} has no records/ folder, so it is not a blog (give --root the blog's folder, or start a blog with leverage init)\n`);
    expect(existsSync(join(root, 'records'))).toBe(false);
  });
});

describe('leverage add and supervision', () => {
  it('refuses a task without supervision in a record whose tasks all have it, and writes nothing', async () => {
    const supervised = '---\ndate: 2026-03-02\ntasks:\n  - task: A\n    human: 4h\n    claude: 19m\n    supervision: 3m\n---\n';
    const root = await site({ 'records/2026-03-02.md': supervised });
    const result = await runCli(['add', 'B', '--human', '1h', '--claude', '2m', '--date', '2026-03-02', '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('records/2026-03-02.md:8:5: task 2 has no supervision, but other tasks of this record have it (give every task a supervision time (e.g. supervision: 6m), or none)');
    expect(result.stderr).toContain('leverage add: the task would make records/2026-03-02.md wrong; nothing was written\n');
    expect(await readFile(join(root, 'records/2026-03-02.md'), 'utf8')).toBe(supervised);

    const given = await runCli(['add', 'B', '--human', '1h', '--claude', '2m', '--supervision', '5m', '--date', '2026-03-02', '--root', root]);
    expect(given.stderr).toBe('');
    expect(await readFile(join(root, 'records/2026-03-02.md'), 'utf8')).toBe(supervised.replace('supervision: 3m\n', 'supervision: 3m\n  - task: B\n    human: 1h\n    claude: 2m\n    supervision: 5m\n'));
  });
});

describe('appendTask', () => {
  it('adds a tasks list where there is none, and to an empty one', () => {
    const task = { task: 'A', human: '1h', claude: '2m' };
    for (const text of ['---\ndate: 2026-03-02\n---\n', '---\ndate: 2026-03-02\ntasks:\n---\n', '---\ndate: 2026-03-02\ntasks: []\n---\n']) {
      const result = appendTask(text, task);
      expect(result).toEqual({ ok: true, text: '---\ndate: 2026-03-02\ntasks:\n  - task: A\n    human: 1h\n    claude: 2m\n---\n' });
    }
  });

  it('puts the task after a last task whose last value is empty', () => {
    const text = '---\ndate: 2026-03-02\ntasks:\n  - task: A\n    claude: 1m\n    human:\n---\n';
    const result = appendTask(text, { task: 'B', human: '1h', claude: '2m' });
    expect(result).toEqual({ ok: true, text: '---\ndate: 2026-03-02\ntasks:\n  - task: A\n    claude: 1m\n    human:\n  - task: B\n    human: 1h\n    claude: 2m\n---\n' });
  });

  it('refuses a file without front matter, or whose tasks is not a list', () => {
    expect(appendTask('no front matter\n', { task: 'B', human: '1h', claude: '2m' }).ok).toBe(false);
    expect(appendTask('---\ntasks: many\n---\n', { task: 'B', human: '1h', claude: '2m' })).toEqual({ ok: false, message: 'its tasks: is not a list' });
  });
});
