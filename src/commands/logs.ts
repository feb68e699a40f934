/** What the commands that read the assistant's logs share: options, settings, reading, messages. */
import { loadConfig } from '../config/load.js';
import type { SiteConfig } from '../config/types.js';
import { formatDiagnostic, hasErrors } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';
import type { LeverageRecord } from '../records/types.js';
import { compareWithLogs } from '../sessions/compare.js';
import { fallbackNote, skippedNote } from '../sessions/format.js';
import { loadSessions } from '../sessions/load.js';
import type { LoadedSessions, SessionQuery } from '../sessions/load.js';

/**
 * Whether --logs or --tz was given without the option that reads the logs (the mistake
 * printed): ignoring it would let the author believe the logs were compared.
 */
export function strayLogOption(commandName: string, reader: string, values: { logs?: string | undefined; tz?: string | undefined }): boolean {
  const stray = values.logs !== undefined ? '--logs' : values.tz !== undefined ? '--tz' : undefined;
  if (stray) console.error(`leverage ${commandName}: ${stray} is read only with ${reader} (add ${reader}, or leave ${stray} out)`);
  return stray !== undefined;
}

/**
 * The logs read for a command; null when they cannot be (the reason printed). Nothing of a
 * transcript's content is in any message: only folders, file names and counts.
 */
export async function sessionsFor(
  command: string,
  query: Omit<SessionQuery, 'config'> & { config: SiteConfig },
): Promise<LoadedSessions | null> {
  const result = await loadSessions(query);
  if (!result.ok) {
    console.error(`leverage ${command}: ${result.message}`);
    return null;
  }
  for (const { path, code } of result.unreadable) console.error(`leverage ${command}: cannot read ${path} (${code}); its sessions are not counted`);
  return result;
}

/** site.yaml's settings; null, with its errors printed, when it has errors. */
export async function siteSettings(root: string): Promise<SiteConfig | null> {
  const loaded = await loadConfig(root);
  if (!hasErrors(loaded.diagnostics)) return loaded.config;
  const sources = new Map(loaded.file && loaded.source !== null ? [[loaded.file, loaded.source]] : []);
  for (const d of loaded.diagnostics) if (d.severity === 'error') console.error(formatDiagnostic(d, sources.get(d.file)));
  return null;
}

export function badDate(command: string, flag: string, value: string): number {
  console.error(`leverage ${command}: ${flag}"${value}" is not a date (expected YYYY-MM-DD, e.g. 2026-03-02)`);
  return 1;
}


/** `check --sessions`: warnings where a record's Claude time or tokens stray from its day's logs; null when the logs cannot be read. */
export async function compareRecordsWithLogs(
  records: readonly LeverageRecord[],
  sources: ReadonlyMap<string, string>,
  config: SiteConfig,
  flags: { logs?: string | undefined; tz?: string | undefined },
): Promise<Diagnostic[] | null> {
  const dates = new Set(records.map((r) => r.date));
  const loaded = await sessionsFor('check', { logs: flags.logs, tz: flags.tz, config, since: [...dates].sort()[0] });
  if (!loaded) return null;
  const compared = compareWithLogs(records, loaded.days.filter((d) => dates.has(d.date)), sources);
  const matched = records.length - compared.withoutLogs;
  console.log(`Compared ${matched} ${matched === 1 ? 'record' : 'records'} with the logs (days in ${loaded.zone})${compared.withoutLogs ? `; ${compared.withoutLogs} without sessions in the logs` : ''}.`);
  for (const note of [fallbackNote(loaded.days), skippedNote(loaded.skipped)]) if (note) console.log(note);
  return compared.diagnostics;
}
