/**
 * The calendar day of a post: front matter `date`, else a date in a title
 * ("Leverage Record: March 2, 2026", "2 March 2026", "2026-03-02"), else (HTML) a date the
 * markup states (`<time datetime>`), else a `YYYY-MM-DD` in the file name.
 */
import { basename } from 'node:path';
import { isCalendarDate } from '../leverage/dates.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+(\d{4})\b`, 'i');
const ISO = /(?:^|[^\d])(\d{4})-(\d{2})-(\d{2})(?!\d)/;

export type DateSource = 'front matter' | 'title' | 'markup' | 'file name';

function iso(year: string, month: number, day: string): string | null {
  const text = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(text) ? text : null;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** A calendar date written in a text, or null. */
export function dateInText(text: string): string | null {
  const isoMatch = ISO.exec(text);
  if (isoMatch) {
    const found = iso(isoMatch[1]!, Number(isoMatch[2]), isoMatch[3]!);
    if (found) return found;
  }
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) return iso(mdy[3]!, monthNumber(mdy[1]!), mdy[2]!);
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) return iso(dmy[3]!, monthNumber(dmy[2]!), dmy[1]!);
  return null;
}

/** The front matter `date` value as a calendar date (a YAML date or date-time string, or a Date). */
export function frontMatterDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(value.trim());
  return match && isCalendarDate(match[1]!) ? match[1]! : dateInText(value);
}

export function postDate(
  frontMatter: Record<string, unknown>,
  titles: readonly string[],
  markupDate: string | null,
  file: string,
): { date: string; from: DateSource } | null {
  const fromFrontMatter = frontMatterDate(frontMatter['date']);
  if (fromFrontMatter) return { date: fromFrontMatter, from: 'front matter' };
  for (const title of titles) {
    const found = dateInText(title);
    if (found) return { date: found, from: 'title' };
  }
  const fromMarkup = frontMatterDate(markupDate);
  if (fromMarkup) return { date: fromMarkup, from: 'markup' };
  const fromName = dateInText(basename(file));
  return fromName ? { date: fromName, from: 'file name' } : null;
}
