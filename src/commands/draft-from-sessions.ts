import { draftRecord } from '../sessions/draft.js';
import { fallbackNote, skippedNote } from '../sessions/format.js';
import { sessionsFor, siteSettings } from './logs.js';

/** `new DATE --from-sessions`: the text of the day's draft record; null when there is none (the reason printed). */
export async function draftFromSessions(
  root: string,
  date: string,
  flags: { logs?: string | undefined; tz?: string | undefined },
): Promise<string | null> {
  const config = await siteSettings(root);
  if (!config) return null;
  const loaded = await sessionsFor('new', { logs: flags.logs, tz: flags.tz, day: date, config });
  if (!loaded) return null;
  const day = loaded.days[0];
  const draft = day && draftRecord(day);
  if (!day || !draft || draft.untimed === day.sessions.length) {
    const read = `${loaded.files} transcript ${loaded.files === 1 ? 'file' : 'files'} in ${loaded.folders.join(', ')}; days in ${loaded.zone}`;
    console.error(`leverage new: no session with Claude time on ${date} in the logs (${read}); nothing was written`);
    return null;
  }
  const tasks = day.sessions.length - draft.untimed;
  console.log(`${tasks} ${tasks === 1 ? 'task' : 'tasks'} from the sessions of ${date} (days in ${loaded.zone}).`);
  if (draft.untimed > 0) console.log(`Left out ${draft.untimed} ${draft.untimed === 1 ? 'session' : 'sessions'} without Claude time.`);
  for (const note of [fallbackNote(loaded.days), skippedNote(loaded.skipped)]) if (note) console.log(note);
  console.log('Give each task its human: estimate and say what was done; the record stays a draft until you remove draft: true.');
  return draft.text;
}
