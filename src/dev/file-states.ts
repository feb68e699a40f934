/**
 * The size and modification time of record files as `leverage dev` knows them: each file is
 * stat'ed once, then again only after the watcher names it (or a folder above it). A rebuild
 * then stats the files that changed instead of every record of the blog.
 */
import { sep } from 'node:path';
import { statFiles } from '../incremental/records.js';
import type { FileState, FileStates } from '../incremental/cache.js';

export class WatchedFileStates {
  private readonly known = new Map<string, FileState>();

  /** A file or folder changed, appeared or went (a path relative to the root, either separator). */
  changed(path: string): void {
    const file = path.split(sep).join('/');
    this.known.delete(file);
    const under = `${file}/`;
    for (const known of this.known.keys()) if (known.startsWith(under)) this.known.delete(known);
  }

  /** Every change is forgotten: the next build stats every file again. */
  clear(): void {
    this.known.clear();
  }

  /** What `build()` takes as its `statFiles`. */
  readonly stat = (root: string, files: string[]): FileStates => {
    const unknown = files.filter((file) => !this.known.has(file));
    for (const [file, state] of statFiles(root, unknown)) this.known.set(file, state);
    const states: FileStates = new Map();
    for (const file of files) states.set(file, this.known.get(file)!);
    return states;
  };
}
