/** Helpers for the import tests: fixture paths, a scratch folder, the written record parsed. */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { parseRecord } from '../../src/records/parse.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

/** A fixture's path relative to the working folder (the repo root), as a user would type it. */
export function fixture(name: string): string {
  return relative(process.cwd(), join(FIXTURES, name));
}

export async function scratch(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'leverage-import-'));
}

export interface WrittenRecord {
  text: string;
  data: Record<string, any>;
  body: string;
}

/** A record file's front matter (parsed with `yaml`) and body. */
export function splitRecord(text: string): WrittenRecord {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`not a record file:\n${text}`);
  return { text, data: parse(match[1]!) as Record<string, any>, body: match[2]!.trim() };
}

export async function readRecord(path: string): Promise<WrittenRecord> {
  return splitRecord(await readFile(path, 'utf8'));
}

/** Validates a record text with the generator's own record reader; returns its error messages. */
export function recordErrors(file: string, text: string): string[] {
  return parseRecord(file, text, DEFAULT_CONFIG)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.line}: ${d.message}`);
}

export function minutesOf(data: Record<string, any>, field: 'human' | 'claude' | 'supervision'): string[] {
  return (data['tasks'] as Array<Record<string, string>>).map((t) => t[field]!);
}
