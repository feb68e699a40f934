/**
 * Realistic synthetic records for the benchmark: 3–40 tasks a day (median ~12), titles of
 * 6–25 words with some inline code, bodies of 150–600 words with lists, links and small
 * tables, supervision on half of the days, every duration form. Seeded, so every run of the
 * benchmark builds the same site.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addDays } from '../leverage/dates.js';

/** Mulberry32: small, fast, good enough for test data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'pipeline schema migration runner cache index parser renderer validator deployment rollout ' +
  'queue worker retry backoff billing invoice ledger tenant session token auth audit report ' +
  'dashboard chart export import fixture harness benchmark profile latency throughput shard ' +
  'replica snapshot backup restore config template partial layout component service client ' +
  'endpoint handler middleware router contract spec rubric grader curriculum document review ' +
  'refactor cleanup upgrade dependency typing coverage regression flaky timeout memory leak'
).split(' ');
const VERBS = 'Add Build Fix Refactor Migrate Document Test Profile Harden Split Merge Design Review Port'.split(' ');
const PROJECTS = ['ml-pipeline', 'cms', 'docs-platform', 'billing', 'assessments'];
const HUMAN_FORMS = [(h: number) => `${h}h`, (h: number) => `${h} hours`, (h: number) => `${h}`, (h: number) => `${h * 60}m`];
const CLAUDE_FORMS = [
  (m: number) => `${m}m`,
  (m: number) => `${m} min`,
  (m: number) => `${m} minutes`,
  (m: number) => `${m}`,
  (m: number) => (m >= 60 ? `${Math.floor(m / 60)}h ${m % 60}m` : `${m}m`),
  (m: number) => (m >= 60 ? `${Math.floor(m / 60)}h${m % 60}m` : `${m}m`),
];

export function syntheticRecord(date: string, rand: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  // Skewed towards ~12 tasks: the mean of three uniform draws.
  const taskCount = Math.round((between(3, 40) + between(3, 22) + between(3, 14)) / 3);
  const supervised = rand() < 0.5;
  const lines = ['---'];
  if (rand() < 0.7) lines.push(`date: ${date}`);
  if (rand() < 0.5) lines.push(`tokens: ${between(50, 3000) * 1000}`);
  lines.push(`summary: "${VERBS[between(0, VERBS.length - 1)]} the ${words(between(8, 20))}."`, 'tasks:');
  for (let i = 0; i < taskCount; i++) {
    const titleWords = between(6, 25);
    let title = `${pick(VERBS)} ${words(titleWords - 1)}`;
    if (rand() < 0.3) title = title.replace(/ (\w+) /, ' `$1()` ');
    const human = pick([0.5, 1, 1.5, 2, 4, 6, 8, 12, 16, 24, 40, 64]);
    const claude = between(2, 120);
    lines.push(`  - task: "${title}"`, `    human: ${pick(HUMAN_FORMS)(human)}`, `    claude: ${pick(CLAUDE_FORMS)(claude)}`);
    if (supervised) lines.push(`    supervision: ${between(1, 15)}m`);
    if (rand() < 0.6) lines.push(`    project: ${pick(PROJECTS)}`);
  }
  lines.push('---', '');
  const target = between(150, 600);
  let written = 0;
  while (written < target) {
    const kind = rand();
    if (kind < 0.6) {
      const n = between(30, 80);
      lines.push(`${words(n)} [${pick(WORDS)}](https://example.com/${pick(WORDS)}) ${words(5)}.`, '');
      written += n + 6;
    } else if (kind < 0.85) {
      for (let i = 0; i < 4; i++) lines.push(`- ${words(8)} \`${pick(WORDS)}\``);
      lines.push('');
      written += 36;
    } else {
      lines.push('| step | minutes |', '| --- | --- |');
      for (let i = 0; i < 3; i++) lines.push(`| ${pick(WORDS)} | ${between(1, 60)} |`);
      lines.push('');
      written += 12;
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Writes `count` records, one a day from 2015-01-01, into `<root>/records/YYYY/`. */
export async function writeSyntheticRoot(root: string, count: number, seed = 42): Promise<void> {
  const rand = random(seed);
  const years = new Set<string>();
  for (let i = 0; i < count; i++) {
    const date = addDays('2015-01-01', i);
    const year = date.slice(0, 4);
    if (!years.has(year)) {
      await mkdir(join(root, 'records', year), { recursive: true });
      years.add(year);
    }
    await writeFile(join(root, 'records', year, `${date}.md`), syntheticRecord(date, rand));
  }
}
