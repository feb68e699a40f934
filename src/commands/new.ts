import { lstat, mkdir, readdir, realpath, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { command, type Command } from '../cli.js';
import { readTextFile } from '../config/text-file.js';
import { isCalendarDate } from '../leverage/dates.js';
import { findRecordFiles } from '../records/read.js';
import { draftFromSessions } from './draft-from-sessions.js';
import { localToday, newRecordText } from './example-record.js';
import { strayLogOption } from './logs.js';
import { blogRoot } from './root.js';
import { whyNotWritten } from './write-error.js';

export const newCommand: Command = command('new', async ({ values, positionals }) => {
  if (!values['from-sessions'] && strayLogOption('new', '--from-sessions', values)) return 1;
  const date = positionals[0] ?? localToday();
  if (!isCalendarDate(date)) {
    console.error(`leverage new: "${date}" is not a date (expected YYYY-MM-DD, e.g. 2026-03-02)`);
    return 1;
  }
  const root = await blogRoot('new', values.root);
  if (!root) return 1;
  const existing = await recordOf(root, date);
  if (existing) {
    console.error(`leverage new: ${existing} already holds the record of ${date}; nothing was written`);
    return 1;
  }
  const text = values['from-sessions'] ? await draftFromSessions(root, date, values) : newRecordText(date);
  return text === null ? 1 : writeNewRecord('new', root, date, text);
});

/** Writes a new record file for the day, in a year folder when records/ has them; never overwrites. */
export async function writeNewRecord(commandName: string, root: string, date: string, text: string): Promise<number> {
  const records = join(root, 'records');
  const path = join((await usesYearFolders(records)) ? join(records, date.slice(0, 4)) : records, `${date}.md`);
  const shown = relative(process.cwd(), path) || path;
  try {
    await mkdir(dirname(path), { recursive: true });
    // A linked records/ or year folder may lead anywhere: write only inside the site folder.
    const inside = relative(await realpath(root), await realpath(dirname(path)));
    if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
      console.error(`leverage ${commandName}: ${relative(root, dirname(path))} leads outside the site folder, to ${await realpath(dirname(path))}; nothing was written`);
      return 1;
    }
    // 'wx': never overwrite, not even through a link that points to nothing.
    await writeFile(path, text, { flag: 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && (await exists(path))) {
      console.error(`leverage ${commandName}: ${shown} already exists; nothing was written`);
      return 1;
    }
    console.error(`leverage ${commandName}: cannot write ${shown}: ${whyNotWritten(err)}; nothing was written`);
    return 1;
  }
  console.log(`Wrote ${shown} (a draft: remove its draft: true line to publish it)`);
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

/** Whether records/ keeps its records in year folders (`records/2026/`): a new year gets one too. */
async function usesYearFolders(records: string): Promise<boolean> {
  const entries = await readdir(records, { withFileTypes: true });
  return entries.some((entry) => entry.isDirectory() && /^\d{4}$/.test(entry.name));
}
