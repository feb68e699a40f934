import { lstat, mkdir, realpath, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { readTextFile } from '../config/text-file.js';
import { isCalendarDate } from '../leverage/dates.js';
import { findRecordFiles } from '../records/read.js';
import { parseFlags } from './args.js';
import { draftFromSessions } from './draft-from-sessions.js';
import { LOG_FLAGS } from './logs.js';

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
  const parsed = parseFlags('new', args, { root: { type: 'string' }, 'from-sessions': { type: 'boolean' }, ...LOG_FLAGS });
  if (!parsed) return 1;
  const root = resolve(parsed.values.root ?? '.');
  const date = parsed.positionals[0] ?? localToday();
  if (parsed.positionals.length > 1 || !isCalendarDate(date)) {
    console.error(`leverage new: "${parsed.positionals.join(' ')}" is not a date (expected YYYY-MM-DD, e.g. 2026-03-02)`);
    return 1;
  }
  const existing = await recordOf(root, date);
  if (existing) {
    console.error(`leverage new: ${existing} already holds the record of ${date}; nothing was written`);
    return 1;
  }
  const text = parsed.values['from-sessions'] ? await draftFromSessions(root, date, parsed.values) : newRecordText(date);
  return text === null ? 1 : writeNewRecord('new', root, date, text);
}

/** Writes a new record file for the day, in its year folder when there is one; never overwrites. */
export async function writeNewRecord(command: string, root: string, date: string, text: string): Promise<number> {
  const yearFolder = join(root, 'records', date.slice(0, 4));
  const path = join((await isFolder(yearFolder)) ? yearFolder : join(root, 'records'), `${date}.md`);
  const shown = relative(process.cwd(), path) || path;
  try {
    await mkdir(dirname(path), { recursive: true });
    // A linked records/ or year folder may lead anywhere: write only inside the site folder.
    const inside = relative(await realpath(root), await realpath(dirname(path)));
    if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
      console.error(`leverage ${command}: ${relative(root, dirname(path))} leads outside the site folder, to ${await realpath(dirname(path))}; nothing was written`);
      return 1;
    }
    // 'wx': never overwrite, not even through a link that points to nothing.
    await writeFile(path, text, { flag: 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && (await exists(path))) {
      console.error(`leverage ${command}: ${shown} already exists; nothing was written`);
      return 1;
    }
    const why =
      code === 'EEXIST' || code === 'ENOTDIR' ? 'a file stands where a folder must be'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : code === 'ENOSPC' ? 'the disk is full'
      : (err as Error).message;
    console.error(`leverage ${command}: cannot write ${shown}: ${why}${code ? ` (${code})` : ''}; nothing was written`);
    return 1;
  }
  console.log(`Wrote ${relative(process.cwd(), path) || path}`);
  return 0;
}

/**
 * The record file that already holds `date`: by its name (`2026-03-02….md`) or by the
 * `date:` of its front matter (a file named otherwise), so that `new` never makes a second
 * record for a day.
 */
export async function recordOf(root: string, date: string): Promise<string | undefined> {
  const files = await findRecordFiles(root);
  const byName = files.find((f) => f.split('/').pop()!.startsWith(date));
  if (byName) return byName;
  for (const file of files) {
    if (/^\d{4}-\d{2}-\d{2}/.test(file.split('/').pop()!)) continue; // its name gives its date
    const read = await readTextFile(root, file);
    if (!read.ok) continue;
    const frontMatter = /^---\n([\s\S]*?)\n---/.exec(read.text)?.[1] ?? '';
    const stated = /^date:\s*['"]?(\d{4}-\d{2}-\d{2})\b/m.exec(frontMatter)?.[1];
    if (stated === date) return file;
  }
  return undefined;
}

/** Whether anything, even a link to nothing, is at the path (`wx` refuses to write through a link). */
async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
