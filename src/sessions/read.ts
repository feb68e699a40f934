/** Reading the transcript files: every line turned into its fields or counted as skipped. */

import { readFileSync } from 'node:fs';
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

/**
 * Read one after the other with synchronous calls: the files are small and parsing is the
 * work, and each asynchronous read costs four round trips through the thread pool.
 */
export function readTranscripts(files: readonly TranscriptFile[]): ReadTranscripts {
  const lines: TranscriptLine[] = [];
  const skipped: SkipCounts = { invalidJson: 0, noTimestamp: 0, other: 0 };
  const unreadable: ReadTranscripts['unreadable'] = [];
  for (const { path } of files) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      unreadable.push({ path, code: (err as NodeJS.ErrnoException).code ?? 'unknown error' });
      continue;
    }
    for (const line of readLines(text, skipped)) lines.push(line);
  }
  return { lines, skipped, unreadable };
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
