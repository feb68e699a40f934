/**
 * Cell values as authors print them: durations (`120 hours`, `40 min`, `24h`, `8.6m`,
 * `60.0h`, `1.5 hours`, bare numbers in the column's unit), factors (`180x`, `80.0x`),
 * week counts (`0.40w`), and aggregate figures (`1,096 hours (~27.4 work weeks)`,
 * `~2,095,000`, `35 (grouped into 15 categories above)`). Durations go through the record
 * parser (src/records/duration.ts), which reads the same forms as a record, after the
 * decoration authors add is taken off.
 */
import { parseDuration, type DurationResult, type DurationUnit } from '../records/duration.js';
import type { Printed, PrintedQuantity } from './model.js';

const NUMBER = String.raw`\d[\d,]*(?:\.\d+)?|\.\d+`;

/** Digits after the decimal point of a printed number (`80.0` → 1, `1,096` → 0). */
export function decimalsOf(number: string): number {
  const dot = number.indexOf('.');
  return dot < 0 ? 0 : number.length - dot - 1;
}

function toNumber(printed: string): number {
  return Number(printed.replace(/,/g, ''));
}

/**
 * Takes off `~`, `≈` (old posts mark estimates so; the record gets the plain value),
 * thousands separators, a trailing note in parentheses, emphasis marks.
 */
function clean(text: string): string {
  return text
    .replace(/\(.*\)\s*$/, '')
    .replace(/[~≈*_]/g, '')
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .trim();
}

/**
 * A duration cell, in the forms of a record (src/records/duration.ts); `bareUnit` is the unit
 * of a bare number (hours for Human, minutes otherwise), `workWeekHours` gives days and weeks.
 */
export function parseDurationCell(text: string, column: string, bareUnit: DurationUnit, workWeekHours = 40): DurationResult {
  return parseDuration(clean(text), column, bareUnit, { workWeekHours });
}

/** `180x`, `80.0x`, `38×`, `38`; null when the cell holds no factor. */
export function parseFactor(text: string): Printed | null {
  const match = new RegExp(String.raw`^[~≈]?\s*(${NUMBER})\s*[x×]?$`, 'i').exec(clean(text));
  if (!match) return null;
  return { text: text.trim(), value: toNumber(match[1]!), decimals: decimalsOf(match[1]!) };
}

/** `0.4`, `0.40w`, `1.1 weeks`; null when the cell holds no week count. */
export function parseWeeks(text: string): Printed | null {
  const match = new RegExp(String.raw`^[~≈]?\s*(${NUMBER})\s*(?:w|wk|wks|weeks?|work\s+weeks?)?$`, 'i').exec(clean(text));
  if (!match) return null;
  return { text: text.trim(), value: toNumber(match[1]!), decimals: decimalsOf(match[1]!) };
}

/** The first whole number of a text (`35 (grouped into …)` → 35, `~2,095,000` → 2095000, `2.1M` → 2100000). */
export function parseCount(text: string): number | null {
  const match = new RegExp(String.raw`(${NUMBER})\s*([kmb])?\b`, 'i').exec(text);
  if (!match) return null;
  const scale = { k: 1e3, m: 1e6, b: 1e9 }[(match[2] ?? '').toLowerCase() as 'k' | 'm' | 'b'] ?? 1;
  const value = Math.round(toNumber(match[1]!) * scale);
  return Number.isFinite(value) ? value : null;
}

/** `grouped into 15 categories` → 15. */
export function parseGrouped(text: string): number | null {
  const match = /\(([^)]*?)(\d[\d,]*)\s+(?:categor|row|group|line|entr)/i.exec(text);
  return match ? toNumber(match[2]!) : null;
}

const UNIT_WORDS: Record<string, PrintedQuantity['unit']> = {
  h: 'hours', hr: 'hours', hrs: 'hours', hour: 'hours', hours: 'hours',
  m: 'minutes', min: 'minutes', mins: 'minutes', minute: 'minutes', minutes: 'minutes',
  w: 'weeks', wk: 'weeks', wks: 'weeks', week: 'weeks', weeks: 'weeks',
};

/**
 * Every duration quantity of an aggregate value, in order: `1,096 hours (~27.4 work weeks)`
 * gives 1,096 hours and 27.4 weeks. A number without a unit takes `bareUnit`.
 */
export function parseQuantities(text: string, bareUnit: PrintedQuantity['unit']): PrintedQuantity[] {
  const pattern = new RegExp(String.raw`([~≈]\s*)?(${NUMBER})\s*(?:work\s+)?([a-z]+)?`, 'gi');
  const quantities: PrintedQuantity[] = [];
  for (const match of text.matchAll(pattern)) {
    const word = match[3]?.toLowerCase();
    const unit = word === undefined ? bareUnit : UNIT_WORDS[word];
    if (unit === undefined) continue;
    quantities.push({
      text: match[0].trim(),
      value: toNumber(match[2]!),
      decimals: decimalsOf(match[2]!),
      unit,
    });
  }
  return quantities;
}
