/**
 * The dev server's output: the site in memory. A build stages its files and applies them
 * in one synchronous step, so a request never sees half a rebuild.
 */
import { hashBytes } from '../incremental/fingerprint.js';
import { contentPieces, type OutputTarget, type OutputState, type WriteStats } from '../output/write.js';

export interface ServedFile {
  bytes: Buffer;
  key: string;
  hash: string;
}

export class MemorySite {
  readonly files = new Map<string, ServedFile>();
  /** What the site holds, kept up to date with it (the build's record of its last output). */
  private readonly held: OutputState = {};

  /** Puts a build's files in place at once. */
  apply(files: Map<string, ServedFile>): void {
    for (const [path, file] of files) {
      this.files.set(path, file);
      this.held[path] = { key: file.key, hash: file.hash };
    }
  }

  remove(path: string): void {
    this.files.delete(path);
    delete this.held[path];
  }

  state(): OutputState {
    return this.held;
  }
}

/** @param onChange told of each file whose bytes changed, or that is gone */
export function memoryTarget(site: MemorySite, onChange?: (path: string) => void): OutputTarget {
  const staged = new Map<string, ServedFile>();
  const produced = new Set<string>();
  let written = 0;
  let unchanged = 0;
  return {
    isCurrent: (path, key) => site.files.get(path)?.key === key,
    keep(path) {
      produced.add(path);
      unchanged++;
    },
    async write(path, content, key) {
      produced.add(path);
      const bytes = Buffer.concat(contentPieces(content));
      const hash = hashBytes(bytes);
      const current = site.files.get(path);
      if (current?.hash === hash) {
        if (current.key !== key) staged.set(path, { ...current, key });
        unchanged++;
        return;
      }
      staged.set(path, { bytes, key, hash });
      onChange?.(path);
      written++;
    },
    async commit(): Promise<WriteStats> {
      let removed = 0;
      for (const path of [...site.files.keys()]) {
        if (!produced.has(path)) {
          site.remove(path);
          onChange?.(path);
          removed++;
        }
      }
      site.apply(staged);
      return { written, unchanged, removed, files: site.state(), spare: null };
    },
    async settle() {},
    async abort() {},
  };
}
