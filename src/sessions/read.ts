/** Reading the transcript files: every line turned into its fields or counted as skipped. */

import { readFile } from 'node:fs/promises';
import { readTranscriptLine } from './transcript-line.js';
import type { SkipReason, TranscriptLine } from './transcript-line.js';
import type { TranscriptFile } from './locate.js';

export type SkipCounts = Record<SkipReason, number>;

export interface ReadTranscripts {
  lines: TranscriptLine[];
  skipped: SkipCounts;
  /** Files that could not be read, with the system's reason (`EACCES`). */
  unreadable: { path: string; code: string }[];
}

/** Files read at once: enough to keep the disk busy, few enough to stay under open-file limits. */
const PARALLEL_READS = 16;

export async function readTranscripts(files: readonly TranscriptFile[]): Promise<ReadTranscripts> {
  const perFile: (TranscriptLine[] | null)[] = new Array(files.length).fill(null);
  const skipped: SkipCounts = { invalidJson: 0, noTimestamp: 0, other: 0 };
  const unreadable: ReadTranscripts['unreadable'] = [];
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const path = files[i]!.path;
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (err) {
        unreadable.push({ path, code: (err as NodeJS.ErrnoException).code ?? 'unknown error' });
        continue;
      }
      perFile[i] = readLines(text, skipped);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, files.length) }, worker));
  unreadable.sort((a, b) => (a.path < b.path ? -1 : 1));
  // In file order, whatever order the reads finished in: the same files give the same result.
  return { lines: perFile.flatMap((lines) => lines ?? []), skipped, unreadable };
}

/** The lines of one transcript's text; skipped lines counted. */
export function readLines(text: string, skipped: SkipCounts): TranscriptLine[] {
  const lines: TranscriptLine[] = [];
  for (const raw of text.split('\n')) {
    const line = readTranscriptLine(raw);
    if (line === null) continue;
    if (typeof line === 'string') skipped[line]++;
    else lines.push(line);
  }
  return lines;
}
