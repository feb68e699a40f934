import { expect } from 'vitest';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type BuildSummary } from '../../src/build.js';
import { readTree } from '../support/site.js';

/** Builds incrementally into dist/ and from scratch into fresh/, and compares every byte. */
export async function expectSameAsColdBuild(root: string): Promise<BuildSummary> {
  const incremental = await build({ root });
  await expectSameAsFreshBuild(root);
  return incremental;
}

/** Builds from scratch into fresh/ and compares every byte with dist/ as it is. */
export async function expectSameAsFreshBuild(root: string): Promise<void> {
  await rm(join(root, 'fresh'), { recursive: true, force: true });
  await build({ root, out: join(root, 'fresh'), cache: false });
  const [a, b] = await Promise.all([readTree(join(root, 'dist')), readTree(join(root, 'fresh'))]);
  expect([...a.keys()]).toEqual([...b.keys()]);
  for (const [path, bytes] of b) expect(a.get(path)!.equals(bytes), path).toBe(true);
}
