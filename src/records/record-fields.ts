/**
 * The day as the author gives it, in the file name or as a YAML value, and the record made
 * from the fields read, with the site's defaults for those left out.
 */

import path from 'node:path';
import type { SiteConfig } from '../config/types.js';
import { formatLongDate, isCalendarDate } from '../leverage/dates.js';
import type { LeverageRecord, Task } from './types.js';

const FILE_NAME_DATE = /^(\d{4}-\d{2}-\d{2})(?!\d)/;

/**
 * The `YYYY-MM-DD` a file name starts with (for `index.md`, its folder's name:
 * `records/2026/2026-03-02/index.md`), and whether it is a real day; null when it starts with none.
 */
export function fileNameDate(file: string): { iso: string; valid: boolean } | null {
  const name = path.posix.basename(file) === 'index.md' ? path.posix.basename(path.posix.dirname(file)) : path.posix.basename(file);
  const match = FILE_NAME_DATE.exec(name);
  return match ? { iso: match[1]!, valid: isCalendarDate(match[1]!) } : null;
}

/**
 * The calendar day of a YAML date value: a `YYYY-MM-DD` string as written, or a Date (from
 * an unquoted YAML 1.1 timestamp) read in UTC, so no time zone can shift the day.
 */
export function calendarDay(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

/** The optional fields of a record as read: undefined when left out. */
export interface OptionalFields {
  title?: string | undefined;
  model?: string | undefined;
  tags?: string[] | undefined;
  summary?: string | undefined;
  tokens?: number | undefined;
  tasksCompleted?: number | undefined;
  draft?: boolean | undefined;
}

export function completeRecord(
  read: OptionalFields,
  at: { date: string; file: string },
  tasks: Task[],
  body: string,
  config: SiteConfig,
): LeverageRecord {
  return {
    title: read.title ?? defaultTitle(config.titlePattern, at.date),
    model: read.model ?? config.defaultModel,
    tags: read.tags ?? [...config.defaultTags],
    summary: read.summary ?? null,
    tokens: read.tokens ?? null,
    tasksCompleted: read.tasksCompleted ?? tasks.length,
    draft: read.draft ?? false,
    date: at.date,
    file: at.file,
    tasks,
    body,
  };
}

/** The title of a record that gives none: site.yaml's `titlePattern` with the day filled in. */
function defaultTitle(pattern: string, iso: string): string {
  return pattern.replaceAll('{date}', formatLongDate(iso)).replaceAll('{isoDate}', iso);
}
