/** `leverage import`: flags, what it prints, exit codes, never overwriting. */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importCommand } from '../../src/commands/import.js';
import { fixture, readRecord, scratch } from './helpers.js';

let out: string[] = [];
let err: string[] = [];

beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void err.push(args.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

describe('leverage import', () => {
  it('imports posts into --out and exits 0', async () => {
    const dir = await scratch();
    const code = await importCommand([fixture('reference-day.md'), fixture('sup-factor.html'), '--out', dir]);
    expect(code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['2026-03-02.md', '2026-05-21.md']);
    expect(out.join('\n')).toContain(`imported ${fixture('reference-day.md')} → `);
    expect(out.at(-1)).toBe('2 posts: 2 imported.');
    expect(err).toEqual([]);
  });

  it('writes to <root>/records by default with --root', async () => {
    const root = await scratch();
    expect(await importCommand(['--root', root, fixture('2026-03-05-quick-day.md')])).toBe(0);
    const { data } = await readRecord(join(root, 'records', '2026-03-05.md'));
    expect(data['tasks']).toHaveLength(3);
  });

  it('reports mismatches as path:line warnings and still imports (exit 0)', async () => {
    const dir = await scratch();
    const file = fixture('wrong-factors.md');
    expect(await importCommand([file, '--out', dir])).toBe(0);
    expect(err).toEqual([
      `${file}:17: row 5 says 38x, human 16h / claude 25m is 38.4x`,
      `${file}:18: row 6 says 25x, human 8h / claude 20m is 24x`,
      `${file}:26: Claude wall-clock says 130 minutes, the rows add up to 132 minutes`,
      `${file}:27: Weighted leverage factor says 41.2x, human 90h / claude 132m is 40.9x`,
    ]);
    expect(out.join('\n')).toContain(
      '4 printed figures disagree with the durations: warnings only; the durations are the facts, so those posts were still imported',
    );
    expect(await readdir(dir)).toEqual(['2026-03-06.md']);
  });

  it('--check-only reports without writing', async () => {
    const dir = await scratch();
    expect(await importCommand([fixture('wrong-factors.html'), '--out', dir, '--check-only'])).toBe(0);
    expect(err).toHaveLength(4);
    expect(out[0]).toMatch(/^checked .*wrong-factors\.html → would write .*2026-03-06\.md \(2026-03-06, 6 tasks\)$/);
    expect(out.join('\n')).toContain('1 post: 1 would be imported.');
    expect(await readdir(dir)).toEqual([]);
  });

  it('(g) says which posts it could not read and why, and exits 1', async () => {
    const dir = await scratch();
    const code = await importCommand([fixture('no-table.md'), fixture('bad-duration.md'), fixture('reference-day.html'), '--out', dir]);
    expect(code).toBe(1);
    expect(err).toEqual([
      `${fixture('no-table.md')}: no task table found (a table with Task, Human and Claude columns, e.g. "# | Task | Human Est. | Claude | Leverage"; the tables found have other columns (line 9: "Tool | Version"))`,
      `${fixture('bad-duration.md')}:6: row 2: cannot read Human Est. "a while" as a duration (e.g. 4h, 1.5 hours, 90m, 1h 30m, or a bare number of hours)`,
      `${fixture('bad-duration.md')}:6: row 2: cannot read Claude "soon" as a duration (e.g. 19m, 1h 30m, 90 minutes, or a bare number of minutes)`,
    ]);
    expect(out.at(-1)).toBe('3 posts: 1 imported, 2 could not be read.');
    expect(await readdir(dir)).toEqual(['2026-03-02.md']);
  });

  it('(h) never overwrites an existing record file', async () => {
    const dir = await scratch();
    const existing = join(dir, '2026-03-02.md');
    await writeFile(existing, 'keep me\n');
    expect(await importCommand([fixture('reference-day.md'), '--out', dir])).toBe(1);
    expect(await readFile(existing, 'utf8')).toBe('keep me\n');
    expect(err).toEqual([`${fixture('reference-day.md')}: ${existing} exists; not overwritten`]);
    expect(out.at(-1)).toBe('1 post: 0 imported, 1 skipped (record file exists).');
  });

  it('(h) two posts of the same day: the second is not written', async () => {
    const dir = await scratch();
    expect(await importCommand([fixture('reference-day.md'), fixture('reference-day.html'), '--out', dir])).toBe(1);
    expect(err).toEqual([
      `${fixture('reference-day.html')}: ${join(dir, '2026-03-02.md')} is already imported from ${fixture('reference-day.md')} (same date 2026-03-02); not written`,
    ]);
    const { data } = await readRecord(join(dir, '2026-03-02.md'));
    expect(data['tasks']).toHaveLength(15);
  });

  it('a skipped post is never called imported, even when its figures disagree', async () => {
    const dir = await scratch();
    await writeFile(join(dir, '2026-03-06.md'), 'keep me\n');
    expect(await importCommand([fixture('wrong-factors.md'), '--out', dir])).toBe(1);
    expect(out.at(-1)).toBe('1 post: 0 imported, 1 skipped (record file exists).');
    expect(out.join('\n')).not.toMatch(/imported and their records|were still imported/);
  });

  it('reads the duration forms of a record, and a leading ~ of old posts, writing the plain value', async () => {
    const dir = await scratch();
    const post = join(dir, '2026-03-07-forms.md');
    await writeFile(
      post,
      [
        '# 2026-03-07',
        '',
        '| # | Task | Human Est. | Claude | Leverage |',
        '|---|------|------------|--------|----------|',
        '| 1 | Fix the parser | ~4h | 1h30 | 2.7x |',
        '| 2 | Write the spec | 1d | 1,5h | 5.3x |',
        '| 3 | Plan the quarter | 1w | 90 seconds | 1600x |',
        '',
      ].join('\n'),
    );
    const out = join(dir, 'out');
    expect(await importCommand([post, '--out', out])).toBe(0);
    const { data } = await readRecord(join(out, '2026-03-07.md'));
    expect(data['tasks'].map((t: Record<string, unknown>) => [t['human'], t['claude']])).toEqual([
      ['4h', '90m'],
      ['8h', '90m'],
      ['40h', '1.5m'],
    ]);
  });

  it('refuses a range with its reason', async () => {
    const dir = await scratch();
    const post = join(dir, '2026-03-08-range.md');
    await writeFile(post, ['# 2026-03-08', '', '| # | Task | Human Est. | Claude |', '|---|---|---|---|', '| 1 | Fix it | 4-6h | 19m |', ''].join('\n'));
    expect(await importCommand([post, '--out', join(dir, 'out')])).toBe(1);
    expect(err).toEqual([`${post}:5: row 1: cannot read Human Est. "4-6h" as a duration (give one value, your best estimate; e.g. 4h, 1.5 hours, 90m, 1h 30m, or a bare number of hours)`]);
  });

  it('needs at least one post, and knows its flags', async () => {
    expect(await importCommand([])).toBe(1);
    expect(err[0]).toMatch(/no post given/);
    expect(await importCommand(['--bogus', 'x.md'])).toBe(1);
    expect(await importCommand(['--help'])).toBe(0);
  });
});
