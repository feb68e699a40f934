/**
 * Durations as authors write them: `4h`, `4 hours`, `1 hour`, `1.5h`, `90m`, `90 min`,
 * `90 minutes`, `1h 30m`, `1h30m`, and bare numbers in a field's default unit.
 * Everything comes out as minutes (fractions allowed).
 */

export type DurationUnit = 'hours' | 'minutes';

export type DurationResult =
  | { ok: true; minutes: number }
  | { ok: false; message: string; hint: string };

const HOUR_WORDS = new Set(['h', 'hr', 'hrs', 'hour', 'hours']);
const MINUTE_WORDS = new Set(['m', 'min', 'mins', 'minute', 'minutes']);
const NUMBER = String.raw`(\d+(?:\.\d+)?|\.\d+)`;
const PART = new RegExp(String.raw`^${NUMBER}\s*([a-z]+)`, 'i');
const BARE = new RegExp(String.raw`^[-+]?${NUMBER}$`);

export function describeDurationForms(unit: DurationUnit): string {
  return unit === 'hours'
    ? 'e.g. 4h, 1.5 hours, 90m, 1h 30m, or a bare number of hours'
    : 'e.g. 19m, 1h 30m, 90 minutes, or a bare number of minutes';
}

/**
 * Parses a duration value from YAML (a number or a string). `field` names it in messages.
 * `bareUnit` is the unit of a bare number: hours for `human`, minutes for `claude` and
 * `supervision`.
 */
export function parseDuration(value: unknown, field: string, bareUnit: DurationUnit): DurationResult {
  const hint = describeDurationForms(bareUnit);
  if (typeof value === 'number') {
    return positive(bareUnit === 'hours' ? value * 60 : value, field, String(value), hint, bareUnit);
  }
  if (typeof value !== 'string') {
    return { ok: false, message: `${field} must be a duration`, hint };
  }
  const text = value.trim();
  if (text === '') return { ok: false, message: `${field} is empty`, hint };

  if (BARE.test(text)) {
    const n = Number(text);
    return positive(bareUnit === 'hours' ? n * 60 : n, field, text, hint, bareUnit);
  }
  if (text.startsWith('-')) {
    return { ok: false, message: `${field} must be greater than zero, got ${text}`, hint };
  }

  let rest = text;
  let minutes = 0;
  let sawHours = false;
  let sawMinutes = false;
  while (rest.length > 0) {
    const match = PART.exec(rest);
    if (!match) return { ok: false, message: `${field} must be a duration, got "${text}"`, hint };
    const amount = Number(match[1]);
    const unit = match[2]!.toLowerCase();
    if (HOUR_WORDS.has(unit) && !sawHours && !sawMinutes) {
      minutes += amount * 60;
      sawHours = true;
    } else if (MINUTE_WORDS.has(unit) && !sawMinutes) {
      minutes += amount;
      sawMinutes = true;
    } else {
      return { ok: false, message: `${field} must be a duration, got "${text}"`, hint };
    }
    rest = rest.slice(match[0].length).trimStart();
  }
  return positive(minutes, field, text, hint, bareUnit);
}

/**
 * Bounds of any one duration. Beyond them a value is a typo, not a measurement, and it
 * would make figures that cannot be shown (`6e+301 hours`) or computed with (an
 * `Infinity` total, a leverage in the billions).
 */
export const MIN_DURATION_MINUTES = 1 / 60;
export const MAX_DURATION_MINUTES = 100_000 * 60;

function positive(minutes: number, field: string, shown: string, hint: string, bareUnit: DurationUnit): DurationResult {
  if (!Number.isFinite(minutes)) {
    return { ok: false, message: `${field} is not a finite duration, got ${shown}`, hint };
  }
  if (minutes <= 0) {
    return { ok: false, message: `${field} must be greater than zero, got ${shown}`, hint };
  }
  if (minutes < MIN_DURATION_MINUTES) {
    return { ok: false, message: `${field} must be at least one second, got ${shown}`, hint: `a shorter time is not a measurement; ${hint}` };
  }
  if (minutes > MAX_DURATION_MINUTES) {
    return {
      ok: false,
      message: `${field} must be at most 100,000 hours, got ${shown}`,
      hint: `check the unit: a bare number of ${field} is ${bareUnit}; ${hint}`,
    };
  }
  return { ok: true, minutes };
}
