/**
 * The bundle's hash (part of every cache key) is recorded when the bundle is made, and used
 * only while every file of the bundle is as it was then: an edited bundle is hashed again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFile, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleHash, writeBundleHash } from '../../src/incremental/fingerprint.js';
import { makeRoot, removeRoot } from '../support/site.js';

let bundle: string;
beforeEach(async () => {
  bundle = await makeRoot({ 'cli.js': 'export const a = 1;\n', 'chunk-A1.js': 'export const b = 2;\n', 'notes.txt': 'not code' });
});
afterEach(() => removeRoot(bundle));

/** Makes the recorded hash recognisable, to see whether it was used. */
async function markRecordedHash(): Promise<void> {
  const file = join(bundle, 'hash.json');
  const record = JSON.parse(await readFile(file, 'utf8'));
  await writeFile(file, JSON.stringify({ ...record, hash: 'recorded' }));
}

describe('the bundle hash', () => {
  it('is what hashing the code gives, and is read from the record while the bundle is unchanged', async () => {
    const computed = bundleHash(bundle);
    writeBundleHash(bundle);
    expect(bundleHash(bundle)).toBe(computed);
    await markRecordedHash();
    expect(bundleHash(bundle)).toBe('recorded');
  });

  it('is computed again when a file of the bundle changed, was added, or has another modification time', async () => {
    writeBundleHash(bundle);
    await markRecordedHash();
    const before = bundleHash(bundle);
    await appendFile(join(bundle, 'chunk-A1.js'), '// edited\n');
    expect(bundleHash(bundle)).not.toBe('recorded');
    expect(bundleHash(bundle)).not.toBe(before);

    writeBundleHash(bundle);
    await markRecordedHash();
    await writeFile(join(bundle, 'chunk-B2.js'), 'export const c = 3;\n');
    expect(bundleHash(bundle)).not.toBe('recorded');

    writeBundleHash(bundle);
    await markRecordedHash();
    await utimes(join(bundle, 'cli.js'), new Date('2020-01-01'), new Date('2020-01-01'));
    expect(bundleHash(bundle)).not.toBe('recorded');
  });

  it('is computed when there is no record, or an unreadable one', async () => {
    const computed = bundleHash(bundle);
    await writeFile(join(bundle, 'hash.json'), '{ not json');
    expect(bundleHash(bundle)).toBe(computed);
  });
});
