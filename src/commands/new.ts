import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { isCalendarDate } from '../leverage/dates.js';
import { findRecordFiles } from '../records/read.js';
import { parseFlags } from './args.js';

/** Today in the author's own time zone: "today" is the day on the author's wall calendar. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function newRecordText(date: string): string {
  return `---
date: ${date}
summary: >-
  One paragraph on what the day was about.
tasks:
  - task: "Describe the task; inline \`code\` and *emphasis* are fine"
    human: 4h
    claude: 20m
---

What went well, what did not, and what the numbers do not show.
`;
}

export async function newCommand(args: string[]): Promise<number> {
  const parsed = parseFlags('new', args, { root: { type: 'string' } });
  if (!parsed) return 1;
  const root = resolve(parsed.values.root ?? '.');
  const date = parsed.positionals[0] ?? localToday();
  if (parsed.positionals.length > 1 || !isCalendarDate(date)) {
    console.error(`leverage new: "${parsed.positionals.join(' ')}" is not a date (expected YYYY-MM-DD, e.g. 2026-03-02)`);
    return 1;
  }
  const existing = (await findRecordFiles(root)).find((f) => f.split('/').pop()!.startsWith(date));
  if (existing) {
    console.error(`leverage new: ${existing} already holds the record of ${date}; nothing was written`);
    return 1;
  }
  const yearFolder = join(root, 'records', date.slice(0, 4));
  const path = join((await isFolder(yearFolder)) ? yearFolder : join(root, 'records'), `${date}.md`);
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(path, newRecordText(date), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      console.error(`leverage new: ${relative(process.cwd(), path)} already exists; nothing was written`);
      return 1;
    }
    throw err;
  }
  console.log(`Wrote ${relative(process.cwd(), path) || path}`);
  return 0;
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
