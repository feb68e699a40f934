/**
 * The record pages' frames (each record page without its content, for a quick rebuild) are
 * kept beside the manifest in `.leverage-cache/frames.bin`, not in it: a quick rebuild reads
 * only the frames of the few records it makes again, each where the manifest's index says it
 * is, and writes the manifest again without them. At 4000 records they are 3.3 MB of its
 * 4.9 MB, which every quick rebuild read, checked, decoded, encoded and wrote again.
 *
 * The file starts with a line naming the build that wrote it; the manifest's index names the
 * same build and holds each frame's length and hash, so a frame read from a file written by
 * another build, cut short or changed is never used.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashBytes } from './fingerprint.js';
import { FramesUnreadable, type PageFrames } from './quick-rebuild.js';

const FRAMES_FILE = 'frames.bin';
const FORMAT = 'leverage-frames/1';

/** What the manifest keeps of the frames: where each one is in frames.bin, and its hash. */
export interface FramesIndex {
  id: string;
  names: string[];
  lengths: number[];
  hashes: string[];
}

/** Frames in frames.bin, read one at a time. */
class StoredFrames implements PageFrames {
  private offsets: Map<string, { index: number; offset: number }> | null = null;

  constructor(
    readonly folder: string,
    readonly index: FramesIndex,
  ) {}

  keys(): Iterable<string> {
    return this.index.names;
  }

  get(file: string): Uint8Array | undefined {
    const at = this.locate(file);
    if (!at) return undefined;
    const header = Buffer.from(headerLine(this.index.id), 'latin1');
    const length = this.index.lengths[at.index]!;
    const bytes = Buffer.alloc(length);
    const found = Buffer.alloc(header.length);
    let fd: number | null = null;
    let complete = false;
    try {
      fd = openSync(join(this.folder, FRAMES_FILE), 'r');
      complete =
        readSync(fd, found, 0, header.length, 0) === header.length &&
        readSync(fd, bytes, 0, length, header.length + at.offset) === length;
    } catch {
      // Gone or unreadable: as good as changed.
    } finally {
      if (fd !== null) closeSync(fd);
    }
    if (!complete || !found.equals(header) || hashBytes(bytes) !== this.index.hashes[at.index]) throw new FramesUnreadable();
    return bytes;
  }

  private locate(file: string): { index: number; offset: number } | undefined {
    if (!this.offsets) {
      this.offsets = new Map();
      let offset = 0;
      for (let i = 0; i < this.index.names.length; i++) {
        this.offsets.set(this.index.names[i]!, { index: i, offset });
        offset += this.index.lengths[i]!;
      }
    }
    return this.offsets.get(file);
  }
}

function headerLine(id: string): string {
  return `${FORMAT} ${id}\n`;
}

/**
 * The frames as the manifest keeps them: frames.bin is written again only when they are not
 * the very ones it holds (a quick rebuild changes no frame).
 */
export function storeFrames(folder: string, frames: PageFrames): FramesIndex {
  if (frames instanceof StoredFrames && frames.folder === folder) return frames.index;
  const index: FramesIndex = { id: randomUUID(), names: [], lengths: [], hashes: [] };
  const parts: Uint8Array[] = [Buffer.from(headerLine(index.id), 'latin1')];
  for (const name of frames.keys()) {
    const bytes = frames.get(name)!;
    index.names.push(name);
    index.lengths.push(bytes.length);
    index.hashes.push(hashBytes(bytes));
    parts.push(bytes);
  }
  mkdirSync(folder, { recursive: true });
  const file = join(folder, FRAMES_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat(parts));
  renameSync(temporary, file);
  return index;
}

/** The frames the manifest's index describes, each read from frames.bin when asked for. */
export function storedFrames(folder: string, index: FramesIndex): PageFrames {
  return new StoredFrames(folder, index);
}
