/**
 * Disks that refuse: a full disk (a real 1-MB-scale tmpfs when mounting is allowed, and
 * ENOSPC/EIO injected into single writes everywhere), a read-only folder (a real read-only
 * bind mount when allowed), and an output path through a file. Each gives a clear error and
 * leaves the previous output complete and byte-identical.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticRoot } from '../../src/bench/synthetic.js';
import { identify, leftovers, runLeverage, snapshot } from './helpers.js';

/** Runs a command as root would; false when the system does not allow it (no root, a sandbox). */
function tryRun(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether this machine lets the tests mount a tmpfs (root, or a user namespace with mounts). */
async function canMount(): Promise<boolean> {
  const probe = await mkdtemp(join(tmpdir(), 'leverage-mount-probe-'));
  const ok = tryRun('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
  if (ok) tryRun('umount', [probe]);
  await rm(probe, { recursive: true, force: true });
  return ok;
}
const MOUNTS = await canMount();
if (!MOUNTS) console.warn('disk.test.ts: mounting is not permitted here (needs root): the real full-disk and read-only tests are skipped; the injected-fault tests still run');

let base: string;
let root: string;
const versions = {} as Record<'A' | 'B', Map<string, string>>;

async function setVersion(v: 'A' | 'B'): Promise<void> {
  await writeFile(join(root, 'site.yaml'), `title: Version ${v}\n`);
}

const build = (out: string, extra: string[] = [], fault?: string) =>
  runLeverage(['build', '--root', root, '--out', out, ...extra], fault ? { fault } : {});

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'leverage-disk-'));
  root = join(base, 'root');
  await writeSyntheticRoot(root, 30, 3);
  for (const v of ['A', 'B'] as const) {
    await setVersion(v);
    const ref = join(base, `ref-${v}`);
    const run = await build(ref, ['--no-cache']);
    expect(run.code, run.stderr).toBe(0);
    versions[v] = (await snapshot(ref))!;
  }
}, 60_000);

afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

/** dist/ at version A, then a build of B that fails: exit 1, a clear message, A unchanged, nothing beside it. */
async function expectFailedBuildLeavesA(out: string, message: RegExp, fault?: string): Promise<void> {
  if (identify(await snapshot(out), versions) !== 'A') {
    await setVersion('A');
    const run = await build(out);
    expect(run.code, run.stderr).toBe(0);
  }
  expect(identify(await snapshot(out), versions)).toBe('A');
  await setVersion('B');
  const run = await build(out, [], fault);
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).toMatch(/\(the previous output was left as it was\)/);
  expect(run.stderr).not.toMatch(/internal error|^\s+at /m);
  expect(identify(await snapshot(out), versions)).toBe('A');
  expect(await leftovers(out)).toEqual([]);
}

describe.skipIf(!MOUNTS)('a full disk (a real tmpfs)', () => {
  let disk: string;
  beforeAll(async () => {
    disk = join(base, 'disk');
    await mkdir(disk);
    // Room for the site twice (the output and its spare copy) and the cache, with each tag's feeds.
    expect(tryRun('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', disk])).toBe(true);
  });
  afterAll(() => {
    if (disk) tryRun('umount', [disk]);
  });

  it('the build fails with "the disk is full", dist/ stays as it was, and builds once there is room', { timeout: 60_000 }, async () => {
    const out = join(disk, 'dist');
    await setVersion('A');
    const first = await build(out);
    expect(first.code, first.stderr).toBe(0);
    // Fill the disk but for a quarter of the site's size: the new pages cannot all be written.
    const siteBytes = [...(await snapshot(out))!.keys()].length * 4096;
    const free = await statfs(disk);
    const filler = Math.max(0, free.bavail * free.bsize - Math.floor(siteBytes / 4));
    await writeFile(join(disk, 'filler'), Buffer.alloc(filler));
    await expectFailedBuildLeavesA(out, /dist: could not write the site: the disk is full \(ENOSPC\)/);
    await rm(join(disk, 'filler'));
    const retry = await build(out);
    expect(retry.code, retry.stderr).toBe(0);
    expect(identify(await snapshot(out), versions)).toBe('B');
  });
});

describe.skipIf(!MOUNTS)('a read-only folder (a real read-only bind mount)', () => {
  let folder: string;
  let mounted = false;
  afterAll(() => {
    if (mounted) tryRun('umount', [folder]);
  });

  it('the build fails and dist/ stays as it was', { timeout: 60_000 }, async () => {
    folder = join(base, 'readonly');
    const out = join(folder, 'dist');
    await setVersion('A');
    const first = await build(out);
    expect(first.code, first.stderr).toBe(0);
    mounted = tryRun('mount', ['--bind', folder, folder]) && tryRun('mount', ['-o', 'remount,bind,ro', folder]);
    expect(mounted).toBe(true);
    await expectFailedBuildLeavesA(out, /readonly\/dist: could not write the site: /);
  });

  // Regression: Node's recursive mkdir fails with ENOENT on a read-only file system, so the
  // message once read "no such file or directory"; the staging folder is now made without
  // `recursive` and EROFS is worded "the folder is read-only".
  it('the error says the folder is read-only', { timeout: 60_000 }, async () => {
    expect(mounted).toBe(true);
    const run = await build(join(folder, 'dist'));
    expect(run.stderr).toMatch(/read-only|EROFS/i);
  });
});

describe('an output path through a file', () => {
  it('is a clear error, and the file is left alone', async () => {
    const file = join(base, 'notes.txt');
    await writeFile(file, 'my notes');
    await setVersion('A');
    const run = await build(join(file, 'dist'));
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/notes\.txt\/dist: could not write the site: a file stands where a folder must be \((ENOTDIR|EEXIST)\)/);
    expect(await readFile(file, 'utf8')).toBe('my notes');
  });
});

describe('a write that fails half-way (injected ENOSPC and EIO)', () => {
  const out = () => join(base, 'injected', 'dist');

  beforeAll(async () => {
    await setVersion('A');
    const run = await build(out());
    expect(run.code, run.stderr).toBe(0);
  });

  it.each([
    ['the first page', 'writeFile:1:ENOSPC', /the disk is full \(ENOSPC\)/],
    ['a page in the middle', 'writeFile:12:ENOSPC', /the disk is full \(ENOSPC\)/],
    ['a late file', 'writeFile:30:EIO', /could not write the site: EIO: .*\(EIO\)/],
    ['a folder', 'mkdir:3:ENOSPC', /the disk is full \(ENOSPC\)/],
    ['moving dist/ aside', 'rename:1:EIO', /\(EIO\)/],
  ])('%s: a clear error, dist/ as it was, nothing left beside it', { timeout: 60_000 }, async (_name, fault, message) => {
    await expectFailedBuildLeavesA(out(), message, fault);
  });

  it('a hard link that cannot be made is replaced by a copy: the build succeeds', async () => {
    await expectFailedBuildLeavesA(out(), /ENOSPC/, 'writeFile:1:ENOSPC'); // (dist/ at A again)
    await setVersion('B');
    const run = await build(out(), [], 'link:1:EIO');
    expect(run.code, run.stderr).toBe(0);
    expect(identify(await snapshot(out()), versions)).toBe('B');
  });

  // Regression: when the second rename of the swap (staging → dist) failed after the first
  // (dist → dist.old-PID), the error said "the previous output was left as it was" while
  // dist/ was gone until a later build. swap() now puts the previous output back.
  it('the new site cannot be moved into place: dist/ is still there', { timeout: 60_000 }, async () => {
    try {
      await expectFailedBuildLeavesA(out(), /\(EIO\)/, 'rename:2:EIO');
    } finally {
      await setVersion('A');
      await build(out());
    }
  });

  it('after all that, the next build writes the new site', async () => {
    await setVersion('B');
    const run = await build(out());
    expect(run.code, run.stderr).toBe(0);
    expect(identify(await snapshot(out()), versions)).toBe('B');
    expect(await leftovers(out())).toEqual([]);
  });
});
