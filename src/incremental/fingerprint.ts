/**
 * Fingerprints: what a cached result depends on. The generator's own code is part of it, so
 * upgrading (or editing) the generator never reuses results made by another version.
 */
import { createHash, hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let generator: string | undefined;

/**
 * Hash of every source file of the running generator: the bundle when it runs bundled (it
 * holds all the code that runs, workers' included), else lib/ when compiled, src/ in tests.
 */
export function generatorFingerprint(): string {
  if (generator) return generator;
  const hash = createHash('sha1');
  const here = fileURLToPath(new URL('./', import.meta.url));
  const top = basename(here) === 'bundle' ? here : fileURLToPath(new URL('../', import.meta.url));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(js|ts)$/.test(entry.name)) hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(top);
  generator = hash.digest('hex');
  return generator;
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
