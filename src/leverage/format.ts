/**
 * How numbers are shown (records.md, "How numbers are shown"). Rounding is half away from
 * zero and is applied once, to the exact value handed in.
 */

/** Rounds half away from zero to `decimals` places, tolerant of binary representation (1.15 → 1.2). */
export function roundHalfAway(value: number, decimals: number): number {
  const result = roundedUnits(value, decimals) / 10 ** decimals;
  return Object.is(result, -0) ? 0 : result;
}

/** `value` rounded half away from zero to a whole number of units of the last place shown (1.15, 1 → 12). */
function roundedUnits(value: number, decimals: number): number {
  const scaled = Math.abs(value) * 10 ** decimals;
  const whole = Math.floor(scaled);
  return Math.sign(value) * (roundsUp(scaled - whole, scaled) ? whole + 1 : whole);
}

/**
 * Two units in the last place absorb the error of binary fractions (1.15 × 10 is
 * 11.499999999999998); a whole number is never pushed up, however large. The unit in the last
 * place (a logarithm) is only worked out for fractions just under a half: others are decided
 * by the fraction alone (below 2^44 two units in the last place are under 2^-7, which cannot
 * lift a fraction under 0.49 to 0.5).
 */
function roundsUp(fraction: number, scaled: number): boolean {
  if (fraction >= 0.5) return true;
  if (!(fraction > 0)) return false;
  if (fraction < 0.49 && scaled < 2 ** 44) return false;
  return fraction + 2 * unitInLastPlace(scaled) >= 0.5;
}

function unitInLastPlace(x: number): number {
  return x === 0 ? Number.MIN_VALUE : 2 ** (Math.floor(Math.log2(x)) - 52);
}

/** Digits with `,` between thousands; up to `decimals` places, trailing zeros dropped. */
export function formatNumber(value: number, decimals = 0): string {
  const units = roundedUnits(value, decimals);
  const magnitude = Math.abs(units);
  if (!(magnitude < MAX_EXACT_UNITS && Number.isInteger(decimals) && decimals >= 0 && decimals <= 20)) {
    return formatWithToFixed(value, decimals);
  }
  // The digits of the units are the ones toFixed would give of units ÷ 10^decimals, without
  // its cost (the double nearest units ÷ 10^decimals is well within half a unit of it).
  const digits = String(magnitude).padStart(decimals + 1, '0');
  const point = digits.length - decimals;
  let end = digits.length;
  while (end > point && digits.charCodeAt(end - 1) === 0x30) end--; // trailing zeros
  const fraction = end > point ? `.${digits.slice(point, end)}` : '';
  return `${units < 0 ? '-' : ''}${groupThousands(digits.slice(0, point))}${fraction}`;
}

/** Below this many units formatNumber writes their digits itself. */
const MAX_EXACT_UNITS = 2 ** 52;

/** `1234567` → `1,234,567` (digits only). */
function groupThousands(digits: string): string {
  if (digits.length <= 3) return digits;
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return grouped;
}

/** formatNumber through toFixed, for what the units cannot hold exactly (huge values, NaN). */
function formatWithToFixed(value: number, decimals: number): string {
  const rounded = roundHalfAway(value, decimals);
  const negative = rounded < 0;
  const fixed = Math.abs(rounded).toFixed(decimals);
  const dot = fixed.indexOf('.');
  const whole = dot === -1 ? fixed : fixed.slice(0, dot);
  let end = fixed.length;
  while (dot !== -1 && end > dot + 1 && fixed.charCodeAt(end - 1) === 0x30) end--; // trailing zeros
  const fraction = dot === -1 || end === dot + 1 ? '' : fixed.slice(dot, end);
  const grouped = whole.length > 3 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return `${negative ? '-' : ''}${grouped}${fraction}`;
}

/** Decimals a factor is shown with (`102.3x`), everywhere: tables, highlights, milestones, imports. */
export const FACTOR_DECIMALS = 1;

/** A factor as it is shown (rounded half away from zero): what shown factors are compared by. */
export function shownFactor(value: number): number {
  return roundHalfAway(value, FACTOR_DECIMALS);
}

/** A factor: FACTOR_DECIMALS decimals, trailing zeros dropped, then `x` (`12.6x`, `96x`). */
export function formatFactor(value: number): string {
  return `${formatNumber(value, FACTOR_DECIMALS)}x`;
}

/**
 * A human-equivalent time, wherever it is shown (a row's Human Est., a record's, a tag's, a
 * month's or all time's total, the stats tables): one rule, so a figure reads the same on every
 * page. Hours up to two decimals, trailing zeros dropped, with thousands separators (records.md's
 * "Human Est. in a row", which the Aggregate's `1,096 hours` also follows): `4 hours`, `1 hour`,
 * `11.75 hours`, `1,096 hours`. Under an hour (as shown), minutes: `20 min`, not `0.33 hours`.
 */
export function formatHumanTime(minutes: number): string {
  if (underAnHour(minutes)) return formatMinutes(minutes);
  const hours = formatNumber(minutes / 60, HOURS_DECIMALS);
  return `${hours} ${hours === '1' ? 'hour' : 'hours'}`;
}

const HOURS_DECIMALS = 2;
const MINUTES_DECIMALS = 2;

/** Whether a human time reads in minutes: under 60 once rounded as minutes are shown (59.999 reads `1 hour`). */
function underAnHour(minutes: number): boolean {
  return roundHalfAway(minutes, MINUTES_DECIMALS) < 60;
}

/** Claude or supervision time in a row or a list: minutes (`19 min`, `105 min`, `0.5 min`, `1,250 min`). */
export function formatMinutes(minutes: number): string {
  return `${formatNumber(minutes, MINUTES_DECIMALS)} min`;
}

/**
 * Aggregate human equivalent: `1,096 hours (~27.4 work weeks)`, the hours as formatHumanTime
 * shows them. Under an hour, minutes alone (`20 min`): its work weeks would read `~0`.
 */
export function formatHumanEquivalent(minutes: number, workWeekHours: number): string {
  const time = formatHumanTime(minutes);
  if (underAnHour(minutes)) return time;
  const weeks = formatNumber(minutes / 60 / workWeekHours, 1);
  return `${time} (~${weeks} work ${weeks === '1' ? 'week' : 'weeks'})`;
}

/** Aggregate assistant or supervision time: `643 minutes (~10.7 hours)`. */
export function formatMinutesWithHours(minutes: number): string {
  const shownMinutes = formatNumber(minutes, MINUTES_DECIMALS);
  const hours = formatNumber(minutes / 60, 1);
  return `${shownMinutes} ${shownMinutes === '1' ? 'minute' : 'minutes'} (~${hours} ${hours === '1' ? 'hour' : 'hours'})`;
}

/** Tokens consumed: `~2,095,000`. */
export function formatTokens(tokens: number): string {
  return `~${formatNumber(tokens)}`;
}

/** Tasks completed: `35 (grouped into 15 categories above)` or `12`. */
export function formatTasksCompleted(tasksCompleted: number, rows: number): string {
  if (tasksCompleted === rows) return formatNumber(tasksCompleted);
  return `${formatNumber(tasksCompleted)} (grouped into ${formatNumber(rows)} ${rows === 1 ? 'category' : 'categories'} above)`;
}

/** Work weeks in a row (`0.1`, `2.3`): one decimal, trailing `.0` dropped. */
export function formatWeeks(minutes: number, workWeekHours: number): string {
  return formatNumber(minutes / 60 / workWeekHours, 1);
}
