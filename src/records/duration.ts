/**
 * Durations as authors write them (README "Write a day" lists the forms): `4h`, `4 hours`,
 * `1.5h`, `1,5h`, `90m`, `90 min`, `1h 30m`, `1h30m`, `1h30`, `1h 30`, bare numbers in a
 * field's default unit; seconds (`30s`, `45 sec`) where the default unit is minutes, days and
 * weeks (`2d`, `1 week`) where it is hours. Ranges, approximations and clock times are refused
 * with the reason. Everything comes out as minutes (fractions allowed).
 */

export type DurationUnit = 'hours' | 'minutes';

export type DurationResult =
  | { ok: true; minutes: number }
  | { ok: false; message: string; hint: string };

export interface DurationOptions {
  /** The hours of a work week, for days (a fifth of it) and weeks; site.yaml's workWeekHours. */
  workWeekHours?: number;
  /** The value as the file has it, when the value is a number YAML read from it (asked only then). */
  written?: string | (() => string);
}

type Unit = 'weeks' | 'days' | 'hours' | 'minutes' | 'seconds';

const UNIT_WORDS: Record<string, Unit> = {
  w: 'weeks', wk: 'weeks', wks: 'weeks', week: 'weeks', weeks: 'weeks',
  d: 'days', day: 'days', days: 'days',
  h: 'hours', hr: 'hours', hrs: 'hours', hour: 'hours', hours: 'hours',
  m: 'minutes', min: 'minutes', mins: 'minutes', minute: 'minutes', minutes: 'minutes',
  s: 'seconds', sec: 'seconds', secs: 'seconds', second: 'seconds', seconds: 'seconds',
};
/** Largest first: the parts of a duration come in this order, each once. */
const ORDER: readonly Unit[] = ['weeks', 'days', 'hours', 'minutes', 'seconds'];
/** The units a field takes besides hours and minutes. */
const EXTRA_UNITS: Record<DurationUnit, readonly Unit[]> = { hours: ['weeks', 'days'], minutes: ['seconds'] };

/** A number with a decimal point or a decimal comma (`1,5`; a comma before three digits would be a thousands separator). */
const NUMBER = String.raw`(\d+(?:[.,]\d{1,2}(?!\d)|\.\d+)?|\.\d+)`;
const PART = new RegExp(String.raw`^${NUMBER}\s*([a-z]*)`, 'i');
const BARE = new RegExp(String.raw`^[-+]?${NUMBER}$`);
const RANGE = /^[~≈]?\s*\d[\d.,]*\s*[a-z]*\s*(?:-|–|—|to)\s*\d/i;
const APPROXIMATE = /^(?:[~≈]|about\b|approx|ca\.|circa\b)/i;
const CLOCK = /^\d+:\d{2}(?::\d{2})?$/;
/** Numbers YAML reads as hexadecimal, octal or with an exponent: refused, as no one means `0x10` hours. */
const YAML_NUMBER = /^[-+]?(?:0x|0o)|^[-+]?[\d.]+e[-+]?\d/i;

export function describeDurationForms(unit: DurationUnit): string {
  return unit === 'hours'
    ? 'e.g. 4h, 1.5 hours, 90m, 1h 30m, or a bare number of hours'
    : 'e.g. 19m, 1h 30m, 90 minutes, or a bare number of minutes';
}

const toNumber = (text: string) => Number(text.replace(',', '.'));

/**
 * Parses a duration value from YAML (a number or a string). `field` names it in messages.
 * `bareUnit` is the unit of a bare number: hours for `human`, minutes for `claude` and
 * `supervision`.
 */
export function parseDuration(value: unknown, field: string, bareUnit: DurationUnit, options: DurationOptions = {}): DurationResult {
  const { workWeekHours = 40 } = options;
  const hint = describeDurationForms(bareUnit);
  const fail = (message: string, why = hint): DurationResult => ({ ok: false, message, hint: why });
  if (typeof value === 'number') {
    const written = typeof options.written === 'function' ? options.written() : options.written;
    if (written !== undefined && YAML_NUMBER.test(written.trim())) {
      return fail(`${field} must be a plain number, got ${written.trim()}, which YAML reads as ${value}`, `write the number as digits; ${hint}`);
    }
    return positive(bareUnit === 'hours' ? value * 60 : value, field, String(value), hint, bareUnit);
  }
  if (typeof value !== 'string') return fail(`${field} must be a duration`);
  const text = value.trim();
  if (text === '') return fail(`${field} is empty`);
  if (BARE.test(text)) {
    const n = toNumber(text);
    return positive(bareUnit === 'hours' ? n * 60 : n, field, text, hint, bareUnit);
  }
  if (text.startsWith('-')) return fail(`${field} must be greater than zero, got ${text}`);
  const minutes = sumOfParts(text, bareUnit, workWeekHours);
  if (minutes !== undefined) return positive(minutes, field, text, hint, bareUnit);
  // Why it is not a duration, when a reason can be told.
  if (RANGE.test(text)) return fail(`${field} is a range, got ${text}`, `give one value, your best estimate; ${hint}`);
  if (APPROXIMATE.test(text)) return fail(`${field} is marked as approximate, got ${text}`, `every figure here is an estimate: give the value without ${/^[~≈]/.test(text) ? text[0] : 'the word'}; ${hint}`);
  if (CLOCK.test(text)) return fail(`${field} looks like a clock time, got ${text}`, `write hours and minutes, e.g. ${field}: 1h 30m`);
  if (YAML_NUMBER.test(text)) return fail(`${field} must be a plain number, got ${text}`, `write the number as digits; ${hint}`);
  return fail(`${field} must be a duration, got "${text}"`);
}

/** The minutes of `2d 4h`, `1h 30m`, `1h30`, `45 sec`: parts largest unit first, each once; undefined when the text is not such parts. */
function sumOfParts(text: string, bareUnit: DurationUnit, workWeekHours: number): number | undefined {
  let rest = text;
  let minutes = 0;
  let last = -1;
  while (rest.length > 0) {
    const match = PART.exec(rest);
    if (!match) return undefined;
    const word = match[2]!.toLowerCase();
    // A number without a unit after hours is minutes: `1h30`, `1h 30`.
    const unit: Unit | undefined = word === '' ? (ORDER[last] === 'hours' ? 'minutes' : undefined) : UNIT_WORDS[word];
    const order = unit === undefined ? -1 : ORDER.indexOf(unit);
    if (unit === undefined || order <= last || !(unit === 'hours' || unit === 'minutes' || EXTRA_UNITS[bareUnit].includes(unit))) return undefined;
    const per = unit === 'weeks' ? workWeekHours * 60 : unit === 'days' ? (workWeekHours / 5) * 60 : unit === 'hours' ? 60 : unit === 'minutes' ? 1 : 1 / 60;
    minutes += toNumber(match[1]!) * per;
    last = order;
    rest = rest.slice(match[0].length).trimStart();
  }
  return minutes;
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
  if (minutes < MIN_DURATION_MINUTES - 1e-12) {
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
