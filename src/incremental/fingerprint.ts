/**
 * Fingerprints: what a cached result depends on. The generator's own code is part of it, so
 * upgrading (or editing) the generator never reuses results made by another version.
 */
import { createHash, hash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let generator: string | undefined;

/**
 * Hash of every source file of the running generator: the bundle when it runs bundled (it
 * holds all the code that runs, workers' included), else lib/ when compiled, src/ in tests.
 */
export function generatorFingerprint(): string {
  if (generator) return generator;
  const here = fileURLToPath(new URL('./', import.meta.url));
  if (basename(here) === 'bundle') generator = bundleHash(here);
  else generator = hashSources(fileURLToPath(new URL('../', import.meta.url)));
  return generator;
}

/** The generator's code: what its fingerprint hashes. */
const SOURCE_FILE = /\.(js|ts)$/;

function hashSources(top: string): string {
  const hash = createHash('sha1');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (SOURCE_FILE.test(entry.name)) hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(top);
  return hash.digest('hex');
}

/**
 * The bundle's hash, made once by `npm run bundle` (reading and hashing 2 MB of code took a
 * tenth of a quick rebuild's own time), with each file's size and modification time: a
 * bundle that is not exactly what was hashed is hashed again.
 */
const BUNDLE_HASH_FILE = 'hash.json';

interface BundleHash {
  hash: string;
  files: Record<string, [size: number, mtimeMs: number]>;
}

function bundleFiles(bundle: string): Record<string, [size: number, mtimeMs: number]> {
  const files: BundleHash['files'] = {};
  for (const name of readdirSync(bundle).sort()) {
    if (!SOURCE_FILE.test(name)) continue;
    const info = statSync(join(bundle, name));
    files[name] = [info.size, info.mtimeMs];
  }
  return files;
}

/** The hash of a bundle's code: as recorded when it was made, if it is still that bundle; else computed. */
export function bundleHash(bundle: string): string {
  return recordedBundleHash(bundle) ?? hashSources(bundle);
}

function recordedBundleHash(bundle: string): string | null {
  let recorded: BundleHash;
  try {
    recorded = JSON.parse(readFileSync(join(bundle, BUNDLE_HASH_FILE), 'utf8')) as BundleHash;
  } catch {
    return null;
  }
  return JSON.stringify(bundleFiles(bundle)) === JSON.stringify(recorded.files) ? recorded.hash : null;
}

/** Records the bundle's hash in it (`npm run bundle`, once the bundle is made). */
export function writeBundleHash(bundle: string): void {
  const record: BundleHash = { hash: hashSources(bundle), files: bundleFiles(bundle) };
  writeFileSync(join(bundle, BUNDLE_HASH_FILE), `${JSON.stringify(record)}\n`);
}

export function fingerprint(...parts: unknown[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(typeof part === 'string' ? part : JSON.stringify(part)).update('\0');
  return hash.digest('hex');
}

/** SHA-1 of some bytes (or of pieces, in order), as hex: file and page identities (not security). */
export function hashBytes(bytes: Uint8Array | string | readonly Uint8Array[]): string {
  // The one-shot form: a Hash object costs more to make than hashing a page.
  if (!Array.isArray(bytes)) return hash('sha1', bytes as Uint8Array | string, 'hex');
  if (bytes.length === 1) return hash('sha1', bytes[0]!, 'hex');
  const pieces = createHash('sha1');
  for (const piece of bytes) pieces.update(piece);
  return pieces.digest('hex');
}
