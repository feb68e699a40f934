/**
 * Hostile-input helpers: build a root with the real `leverage` command in a fresh folder and
 * check the outcome is a clear result — a located error or a site — never a crash, a hang, a
 * stack trace, or a file written outside the output folder.
 */
import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';
import { runCli, type CliResult } from '../support/cli.js';

export type Files = Record<string, string | Uint8Array>;

export interface HostileBuild extends CliResult {
  base: string;
  root: string;
  out: string;
  /** Files of the output folder, relative, sorted. */
  outFiles: string[];
  /** Files under the base folder that are neither input nor output. */
  strays: string[];
  cleanup(): Promise<void>;
}

/** A day with one ordinary task, for tests that need a valid neighbour. */
export function plainRecord(date: string, extra = ''): string {
  return `---\ndate: ${date}\n${extra}tasks:\n  - task: Ordinary work\n    human: 2h\n    claude: 10m\n---\n\nBody.\n`;
}

export async function writeInto(root: string, files: Files): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

/** Every file (and link) under a folder, relative with `/`, sorted. */
export async function listTree(folder: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else found.push(relative(folder, path).split('\\').join('/'));
    }
  }
  await walk(folder);
  return found.sort();
}

/**
 * Writes `files` into `<base>/root`, runs `leverage build --root <base>/root --out <base>/out`
 * (or `extraArgs` instead of build when given), and lists what is where afterwards.
 */
export async function hostileBuild(
  files: Files,
  options: { setup?: (root: string, base: string) => Promise<void>; command?: string[]; timeoutMs?: number } = {},
): Promise<HostileBuild> {
  const base = await mkdtemp(join(tmpdir(), 'leverage-hostile-'));
  const root = join(base, 'root');
  const out = join(base, 'out');
  await mkdir(root);
  await writeInto(root, files);
  await options.setup?.(root, base);
  const before = new Set(await listTree(base));
  const command = options.command ?? ['build', '--root', root, '--out', out];
  const result = await runCli(command, { timeoutMs: options.timeoutMs ?? 50_000, cwd: base });
  const after = await listTree(base);
  // The build cache (`<root>/.leverage-cache/`) is the generator's own, by design.
  const strays = after.filter((f) => !before.has(f) && !f.startsWith('out/') && !f.startsWith('root/.leverage-cache/'));
  const outFiles = after.filter((f) => f.startsWith('out/')).map((f) => f.slice(4));
  return { ...result, base, root, out, outFiles, strays, cleanup: () => rm(base, { recursive: true, force: true }) };
}

/** No crash, no stack trace, no internal error, nothing outside the output folder. */
export function expectControlled(result: HostileBuild): void {
  expect(result.code, result.stderr).not.toBeNull();
  expect([0, 1], `exit code ${result.code}\n${result.stderr}`).toContain(result.code);
  expect(result.stderr).not.toMatch(/internal error|^\s+at .+:\d+:\d+\)?$/m);
  expect(result.stderr).not.toMatch(/FATAL ERROR|Maximum call stack|heap out of memory/);
  expect(result.strays).toEqual([]);
}

/** Exit 1 with located errors (`path:line:column: …` or `path: …`) and nothing written. */
export function expectRejected(result: HostileBuild, ...patterns: RegExp[]): void {
  expectControlled(result);
  expect(result.code, result.stdout).toBe(1);
  expect(result.outFiles).toEqual([]);
  for (const pattern of patterns) expect(result.stderr).toMatch(pattern);
  expect(result.stderr).toMatch(/nothing was written/);
}

/** Exit 0 and a complete site. */
export function expectBuilt(result: HostileBuild): void {
  expectControlled(result);
  expect(result.code, result.stderr).toBe(0);
  expect(result.outFiles).toContain('index.html');
  expect(result.outFiles).toContain('data/records.json');
}
