/**
 * A build killed at any moment leaves the previous output complete and byte-identical (or,
 * when it got to the end, the new output complete): never a mix, never a half-written file,
 * and the next build recovers. Timed SIGKILLs on a large generated root, and deterministic
 * kills at every rename, removal and link of the write stage on a small one. The exception,
 * tested last: a quick rebuild, which replaces its few files in place, killed between two of
 * its renames leaves each file whole but some old and some new, until the next build.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticRoot } from '../../src/bench/synthetic.js';
import { identify, leftovers, runLeverage, sleep, snapshot, startLeverage } from './helpers.js';

type Version = 'A' | 'B';

/** A root whose site.yaml title flips between two versions, each with a reference output. */
class Site {
  readonly root: string;
  readonly out: string;
  known = {} as Record<Version, Map<string, string>>;
  state: Version = 'A';
  /** Wall-clock time of one whole build, for timing kills. */
  buildMs = 0;

  constructor(readonly base: string) {
    this.root = join(base, 'root');
    this.out = join(base, 'dist');
  }

  async setVersion(v: Version): Promise<void> {
    await writeFile(join(this.root, 'site.yaml'), `title: Version ${v}\n`);
  }

  /** Reference outputs of both versions (built without the cache, elsewhere), then `dist/` at A. */
  async prepare(): Promise<void> {
    for (const v of ['B', 'A'] as const) {
      await this.setVersion(v);
      const ref = join(this.base, `ref-${v}`);
      const started = performance.now();
      const run = await runLeverage(['build', '--root', this.root, '--out', ref, '--no-cache']);
      this.buildMs = Math.max(this.buildMs, performance.now() - started);
      expect(run.code, run.stderr).toBe(0);
      this.known[v] = (await snapshot(ref))!;
      await rm(ref, { recursive: true, force: true });
    }
    const first = await runLeverage(['build', '--root', this.root, '--out', this.out]);
    expect(first.code, first.stderr).toBe(0);
    expect(identify(await snapshot(this.out), this.known)).toBe('A');
    this.state = 'A';
  }

  get target(): Version {
    return this.state === 'A' ? 'B' : 'A';
  }

  /**
   * Starts a build of the other version and kills it (after `afterMs`, or by the injected
   * `fault`); returns what `dist/` holds then: 'A', 'B', 'missing' or a description of a mix.
   */
  async interrupt(how: { afterMs: number } | { fault: string }): Promise<{ found: string; before: Version; target: Version; killed: boolean }> {
    const before = this.state;
    const target = this.target;
    await this.setVersion(target);
    const run = startLeverage(['build', '--root', this.root, '--out', this.out], 'fault' in how ? { fault: how.fault } : {});
    if ('afterMs' in how) {
      await sleep(how.afterMs);
      run.kill();
    }
    const result = await run.done;
    const found = identify(await snapshot(this.out), this.known);
    if (found === target) this.state = target;
    return { found, before, target, killed: result.signal === 'SIGKILL' };
  }

  /** Starts over from a clean slate: no cache, no output, then version A built. */
  async reset(): Promise<void> {
    await rm(join(this.root, '.leverage-cache'), { recursive: true, force: true });
    await rm(this.out, { recursive: true, force: true });
    for (const entry of await leftovers(this.out)) await rm(join(this.base, entry), { recursive: true, force: true });
    this.state = 'B';
    await this.complete();
    await this.complete();
    await this.complete();
  }

  /** Builds the current target to the end (recovering whatever was interrupted) and checks it. */
  async complete(): Promise<void> {
    const target = this.target;
    await this.setVersion(target);
    const run = await runLeverage(['build', '--root', this.root, '--out', this.out]);
    expect(run.code, run.stderr).toBe(0);
    expect(identify(await snapshot(this.out), this.known)).toBe(target);
    expect(await leftovers(this.out)).toEqual([]);
    this.state = target;
  }
}

describe('a build of 1,000 records killed after various delays', () => {
  let site: Site;

  beforeAll(async () => {
    site = new Site(await mkdtemp(join(tmpdir(), 'leverage-kill-')));
    await writeSyntheticRoot(site.root, 1_000);
    await site.prepare();
  }, 120_000);
  afterAll(async () => {
    if (site) await rm(site.base, { recursive: true, force: true });
  });

  // Fractions of one whole build's time: early (reading records), middle (rendering, writing
  // the staging copy) and late (the swap, the cache).
  it.each([0.02, 0.15, 0.3, 0.5, 0.65, 0.8, 0.88, 0.94, 0.98, 1.05])(
    'killed at %s of a build: dist/ is the previous site or the new one, whole',
    { timeout: 60_000 },
    async (fraction) => {
      const { found, before, target } = await site.interrupt({ afterMs: Math.round(fraction * site.buildMs) });
      expect([before, target], `killed at ${fraction} of ${Math.round(site.buildMs)} ms: dist/ is ${found}`).toContain(found);
    },
  );

  it('the next build recovers: the new site, nothing left beside dist/, and then nothing to do', { timeout: 60_000 }, async () => {
    await site.complete();
    const again = await runLeverage(['build', '--root', site.root, '--out', site.out]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/ 0 files written/);
    expect(identify(await snapshot(site.out), site.known)).toBe(site.state);
    expect(await readdir(join(site.root, '.leverage-cache'))).not.toContain('build-in-progress');
  });
});

describe('a build killed at each step of writing the output (small root, injected kills)', () => {
  let site: Site;

  beforeAll(async () => {
    site = new Site(await mkdtemp(join(tmpdir(), 'leverage-kill-small-')));
    await writeSyntheticRoot(site.root, 12, 7);
    await site.prepare();
    // A second build, so that later builds bring the spare copy up to date instead of a fresh one.
    await site.complete();
  }, 60_000);
  afterAll(async () => {
    if (site) await rm(site.base, { recursive: true, force: true });
  });

  const steps = (op: string, count: number) =>
    Array.from({ length: count }, (_, i) => [`${op}:${i + 1}:kill-before`, `${op}:${i + 1}:kill-after`]).flat();

  it.each([
    ['the removals', steps('rm', 3)],
    ['the folder creations', steps('mkdir', 3)],
    ['the file writes', [...steps('writeFile', 2), 'writeFile:12:kill-before', 'writeFile:25:kill-after']],
    ['the links of unchanged files', [...steps('link', 2), 'link:5:kill-after']],
    // Renames: 1 the records' cache (written as soon as the records are read), 2 dist/ moved
    // aside, 3 the new one into place, 4 the old one kept as the spare copy, 5 the cache's
    // manifest. Between 2 and 3, and between 3 and 5: see the tests below.
    ['the renames before the swap and after the cache', ['rename:1:kill-before', 'rename:1:kill-after', 'rename:2:kill-before', 'rename:5:kill-after']],
  ])('killed at %s: dist/ is whole, and the next build recovers', { timeout: 60_000 }, async (_name, faults) => {
    for (const fault of faults as string[]) {
      const { found, before, target, killed } = await site.interrupt({ fault });
      expect([before, target], `${fault}: dist/ is ${found}`).toContain(found);
      if (killed) await site.complete();
    }
  });

  // Regression: a build killed after its new site was swapped in but before the cache's
  // manifest was replaced (renames 3 to 5) left the manifest describing the site before; going
  // back to the previous input, the next build said "0 files written" and left the other
  // version in dist/. build() now repairs an interrupted build before its "nothing changed"
  // shortcut and then distrusts the cache.
  it('killed after the new site is in place but before the cache knows: the next build of the previous input rebuilds it', { timeout: 60_000 }, async () => {
    for (const fault of ['rename:3:kill-after', 'rename:4:kill-after', 'rename:5:kill-before']) {
      await site.reset();
      const { found, target } = await site.interrupt({ fault });
      expect(found, fault).toBe(target);
      await site.complete(); // back to the version before: must not be "nothing to do"
    }
  });

  // Regression: the build after such a kill found the cache untrusted and dropped that mark at
  // once; stopped before its own output was in place (killed, or failing while it wrote), it
  // left a cache that described the output before, and the next build of that input found
  // "nothing changed" and kept the wrong site.
  it.each([
    ['killed at its first rename (the records\' cache), before any output', 'rename:1:kill-before', true],
    ['failing while it writes the output', 'writeFile:5:ENOSPC', false],
  ])('killed after the new site is in place, then the next build %s: the build after rebuilds', { timeout: 60_000 }, async (_how, fault, killed) => {
    await site.reset();
    expect((await site.interrupt({ fault: 'rename:3:kill-after' })).found).toBe('B');
    expect(await site.interrupt({ fault })).toMatchObject({ found: 'B', target: 'A', killed });
    await site.complete();
  });

  // KNOWN LIMITATION (src/output/write.ts, DiskTarget.swap): the swap is two renames,
  // dist → dist.old-PID and staging → dist, so a build killed between them leaves no dist/
  // until the next build puts the old one back (recover()). A static server pointed at dist/
  // would serve 404s in between. Atomic alternatives: make dist a symlink to one of two copies
  // and replace the link with rename(2), or use renameat2(RENAME_EXCHANGE) (not in Node).
  it.fails('killed right after dist/ was moved aside for the new one, dist/ still holds the previous site', { timeout: 60_000 }, async () => {
    await site.reset(); // a clean start: rename 1 is the records' cache, 2 the swap's, none a repair's
    const { found, before } = await site.interrupt({ fault: 'rename:2:kill-after' });
    try {
      expect(found).toBe(before);
    } finally {
      await site.complete();
    }
  });

  it('killed right after dist/ was moved aside: the previous site is whole beside it, and the next build puts it back first', { timeout: 60_000 }, async () => {
    await site.reset();
    const { found, before } = await site.interrupt({ fault: 'rename:2:kill-after' });
    expect(found).toBe('missing');
    const aside = (await leftovers(site.out)).filter((e) => e.includes('.old-'));
    expect(aside).toHaveLength(1);
    expect(identify(await snapshot(join(site.base, aside[0]!)), site.known)).toBe(before);
    // The next build's first rename is the repair; stopping it right after shows dist/ back.
    const repaired = await site.interrupt({ fault: 'rename:1:kill-after' });
    expect(repaired.found).toBe(before);
    await site.complete();
  });
});
