/**
 * Records read by worker threads give the same bytes as records read in one thread, in a cold
 * build and in an incremental one; a template that does not compile while the workers read
 * fails the build cleanly. Runs the real command with LEVERAGE_WORKERS, on a root big enough
 * to be split into several batches. Each test makes its own root and builds it as it needs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSyntheticRoot } from '../../src/bench/synthetic.js';
import { runCli } from '../support/cli.js';
import { makeRoot, readTree, removeRoot } from '../support/site.js';

const RECORDS = 90; // three batches of 32: both workers get records
const TWO_WORKERS = { LEVERAGE_WORKERS: '2' };
const ONE_THREAD = { LEVERAGE_WORKERS: '1' };

let root: string;
beforeEach(async () => {
  root = await makeRoot({});
  await writeSyntheticRoot(root, RECORDS, 11);
});
afterEach(() => removeRoot(root));

async function leverage(args: string[], env: Record<string, string>) {
  const result = await runCli([...args, '--root', root], { env, timeoutMs: 120_000 });
  return result;
}

/** A build by two workers, which must succeed. */
async function buildInWorkers() {
  const result = await leverage(['build'], TWO_WORKERS);
  expect(result.code, result.stderr).toBe(0);
  return result;
}

/** A build in one thread without cache into `fresh/`, compared byte for byte with dist/. */
async function expectDistEqualsOneThreadBuild() {
  await rm(join(root, 'fresh'), { recursive: true, force: true });
  const fresh = await leverage(['build', '--no-cache', '--out', join(root, 'fresh')], ONE_THREAD);
  expect(fresh.code, fresh.stderr).toBe(0);
  const [dist, expected] = await Promise.all([readTree(join(root, 'dist')), readTree(join(root, 'fresh'))]);
  expect([...dist.keys()]).toEqual([...expected.keys()]);
  for (const [path, bytes] of expected) expect(dist.get(path)!.equals(bytes), path).toBe(true);
}

describe('records read by worker threads', () => {
  it('give a site byte-identical to one read in one thread (cold build)', { timeout: 240_000 }, async () => {
    const cold = await buildInWorkers();
    expect(cold.stdout).toMatch(new RegExp(`Built ${RECORDS} records`));
    await expectDistEqualsOneThreadBuild();
  });

  it('give the same site in an incremental build, which replaces the right files of the spare copy', { timeout: 240_000 }, async () => {
    await buildInWorkers();
    await buildInWorkers(); // now a spare copy is kept
    const files = (await readdir(join(root, 'records', '2015'))).sort();
    // More changed records than one batch, so that workers (not this thread) read them.
    for (const name of files.slice(10, 50)) {
      await appendFile(join(root, 'records', '2015', name), `\nAn added sentence in ${name}.\n`);
    }
    await buildInWorkers();
    const page = await readFile(join(root, 'dist', 'records', '2015-01-20', 'index.html'), 'utf8');
    expect(page).toContain(`An added sentence in ${files[19]}.`);
    await expectDistEqualsOneThreadBuild();
  });

  // The pipeline is loaded by the first text that needs it (src/markdown/render.ts), in each worker too.
  it('render Markdown that only the full pipeline renders, as one thread does', { timeout: 240_000 }, async () => {
    await buildInWorkers();
    const files = (await readdir(join(root, 'records', '2015'))).sort();
    for (const name of files.slice(50, 90)) {
      await appendFile(join(root, 'records', '2015', name), `\n> A quoted line in ${name}.\n`);
    }
    await buildInWorkers();
    const page = await readFile(join(root, 'dist', 'records', files[70]!.slice(0, 10), 'index.html'), 'utf8');
    expect(page).toContain(`<blockquote>\n<p>A quoted line in ${files[70]}.</p>\n</blockquote>`);
    await expectDistEqualsOneThreadBuild();
  });
});

describe('a template that does not compile while workers read the records', () => {
  it('fails the build with the same error as in one thread, and leaves dist/ as it was', { timeout: 240_000 }, async () => {
    await buildInWorkers();
    await rm(join(root, '.leverage-cache'), { recursive: true, force: true });
    const before = await readTree(join(root, 'dist'));
    await mkdir(join(root, 'templates'), { recursive: true });
    await writeFile(join(root, 'templates', 'record.hbs'), '{{#if page.record}}\n<p>never closed</p>\n');
    const inWorkers = await leverage(['build'], TWO_WORKERS);
    const inOneThread = await leverage(['build'], ONE_THREAD);
    expect(inWorkers.code).toBe(1);
    expect(inWorkers.stderr).toMatch(/templates\/record\.hbs:\d+:\d+: template does not compile/);
    expect(inWorkers.stderr).toBe(inOneThread.stderr);
    const after = await readTree(join(root, 'dist'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect(await readdir(root)).not.toContain(expect.stringMatching(/^dist\.staging-/));
  });
});
