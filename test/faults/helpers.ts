/**
 * Fault tests: the real `leverage` command, killed or failing at chosen moments (timed
 * SIGKILL, or a fault injected into fs/promises by inject.mjs), and what the output folder
 * holds afterwards.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN } from '../support/cli.js';
import { listTree } from '../hostile/helpers.js';

export const INJECT = fileURLToPath(new URL('./inject.mjs', import.meta.url));

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Started {
  pid: number;
  done: Promise<Run>;
  kill(): void;
}

/** Starts `leverage …args`, optionally with a fault (`rename:2:kill-after`, `writeFile:9:ENOSPC`, …). */
export function startLeverage(args: string[], options: { fault?: string; cwd?: string } = {}): Started {
  const child = spawn(process.execPath, ['--import', INJECT, BIN, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, CI: 'true', LEVERAGE_FAULT: options.fault ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const done = new Promise<Run>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`leverage ${args.join(' ')} did not finish within 55 s`));
    }, 55_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { pid: child.pid!, done, kill: () => child.kill('SIGKILL') };
}

export function runLeverage(args: string[], options: { fault?: string; cwd?: string } = {}): Promise<Run> {
  return startLeverage(args, options).done;
}

/** Relative path → sha256 of every file under a folder (null when the folder does not exist). */
export async function snapshot(folder: string): Promise<Map<string, string> | null> {
  const exists = await readdir(folder).then(() => true, () => false);
  if (!exists) return null;
  const files = await listTree(folder);
  const hashes = new Map<string, string>();
  for (const file of files) hashes.set(file, createHash('sha256').update(await readFile(join(folder, file))).digest('hex'));
  return hashes;
}

/** Which of the known outputs a snapshot is, or a description of how it differs from them all. */
export function identify(shot: Map<string, string> | null, known: Record<string, Map<string, string>>): string {
  if (shot === null) return 'missing';
  for (const [name, reference] of Object.entries(known)) {
    if (shot.size === reference.size && [...reference].every(([path, hash]) => shot.get(path) === hash)) return name;
  }
  const [name, reference] = Object.entries(known)[0]!;
  const missing = [...reference.keys()].filter((p) => !shot.has(p));
  const extra = [...shot.keys()].filter((p) => !reference.has(p));
  const changed = [...reference].filter(([p, h]) => shot.has(p) && shot.get(p) !== h).map(([p]) => p);
  return `a mix: against ${name}, ${missing.length} missing (${missing.slice(0, 3).join(', ')}), ${extra.length} extra, ${changed.length} changed (${changed.slice(0, 3).join(', ')})`;
}

/** Folders an interrupted build leaves beside the output folder (`dist.staging-…`, `dist.old-…`). */
export async function leftovers(out: string): Promise<string[]> {
  const name = basename(out);
  return (await readdir(dirname(out))).filter((e) => e.startsWith(`${name}.`)).sort();
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
