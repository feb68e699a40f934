/** The day's numbers from the logs, for the commands: folders found, files read, days summed. */

import type { SiteConfig } from '../config/types.js';
import { listTranscripts, locateProjectFolders } from './locate.js';
import { readTranscripts } from './read.js';
import type { SkipCounts } from './read.js';
import { summarizeDays } from './summarize.js';
import type { SessionDay } from './summarize.js';
import { isTimeZone, machineTimeZone, zoneClock } from './zone.js';

export interface SessionQuery {
  /** `--logs DIR` */
  logs?: string | undefined;
  /** `--tz ZONE`, over `timeZone` of site.yaml. */
  tz?: string | undefined;
  /** Only this day. */
  day?: string | undefined;
  /** This day and the later ones. */
  since?: string | undefined;
  config: Pick<SiteConfig, 'timeZone' | 'tokensCount'>;
  env?: NodeJS.ProcessEnv;
}

export interface LoadedSessions {
  days: SessionDay[];
  skipped: SkipCounts;
  unreadable: { path: string; code: string }[];
  /** The `projects/` folders read. */
  folders: string[];
  zone: string;
  /** Transcript files read. */
  files: number;
}

export type SessionResult = ({ ok: true } & LoadedSessions) | { ok: false; message: string };

export async function loadSessions(query: SessionQuery): Promise<SessionResult> {
  if (query.tz !== undefined && !isTimeZone(query.tz)) {
    return { ok: false, message: `--tz ${query.tz} is not a time zone (give an IANA name, e.g. Europe/Berlin or Asia/Kolkata)` };
  }
  const zone = query.tz ?? query.config.timeZone ?? machineTimeZone();
  const clock = zoneClock(zone);
  const located = await locateProjectFolders({ logs: query.logs, ...(query.env ? { env: query.env } : {}) });
  if (!located.ok) return located;
  const first = query.day ?? query.since;
  const listed = await listTranscripts(located.folders, first === undefined ? undefined : clock.startOfDay(first));
  if (!listed.ok) return listed;
  const files = listed.files;
  const read = readTranscripts(files);
  const keep =
    query.day !== undefined ? (d: string) => d === query.day
    : query.since !== undefined ? (d: string) => d >= query.since!
    : undefined;
  const days = summarizeDays(read.lines, clock, query.config.tokensCount, keep);
  return { ok: true, days, skipped: read.skipped, unreadable: read.unreadable, folders: located.folders, zone, files: files.length };
}
