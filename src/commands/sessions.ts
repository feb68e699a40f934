import { resolve } from 'node:path';
import { isCalendarDate } from '../leverage/dates.js';
import { daysJson, fallbackNote, formatDays, skippedNote } from '../sessions/format.js';
import { command, type Command } from '../cli.js';
import { badDate, sessionsFor, siteSettings } from './logs.js';
import { blogRoot } from './root.js';

export const sessionsCommand: Command = command('sessions', async ({ values, positionals }) => {
  const day = positionals[0];
  if (day !== undefined && !isCalendarDate(day)) return badDate('sessions', '', day);
  if (values.since !== undefined && !isCalendarDate(values.since)) return badDate('sessions', '--since ', values.since);
  if (day !== undefined && values.since !== undefined) {
    console.error('leverage sessions: give a DATE or --since DATE, not both');
    return 1;
  }
  // Outside a blog the defaults serve; a --root that is not a blog is a mistyped path, not "no settings".
  const root = values.root === undefined ? resolve('.') : await blogRoot('sessions', values.root);
  if (!root) return 1;
  const config = await siteSettings(root);
  if (!config) return 1;
  const loaded = await sessionsFor('sessions', { logs: values.logs, tz: values.tz, day, since: values.since, config });
  if (!loaded) return 1;
  if (values.json) {
    process.stdout.write(daysJson(loaded.days, loaded.skipped));
    return 0;
  }
  const read = `${loaded.files} transcript ${loaded.files === 1 ? 'file' : 'files'} in ${loaded.folders.join(', ')}`;
  if (loaded.days.length === 0) {
    console.log(`No sessions${day ? ` on ${day}` : values.since ? ` since ${values.since}` : ''} (${read}; days in ${loaded.zone}).`);
  } else {
    console.log(`Days in ${loaded.zone}, from ${read}.\n`);
    console.log(formatDays(loaded.days));
  }
  for (const note of [fallbackNote(loaded.days), skippedNote(loaded.skipped)]) if (note) console.log(note);
  return 0;
});
