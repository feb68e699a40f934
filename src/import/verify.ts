/**
 * Recomputes every figure a post prints from the durations it imports, with the project's
 * rules (src/leverage/numbers.ts: leverage = human ÷ claude, weighted = Σhuman ÷ Σclaude,
 * work weeks = hours ÷ 40), and lists each disagreement beyond the printed precision: the
 * recomputed value is rounded (half away from zero) to the decimals the post prints.
 *
 * A column's precision is the most decimals any of its values shows: posts drop a trailing
 * `.0` (`96x` among `12.6x` and `53.3x` means 96.0x), so there `38x` for 38.4 is wrong,
 * while in a column of whole factors only it is right. The aggregate factors follow the
 * precision of their column. Week counts are taken at their own precision (posts print
 * `1.1w` next to `0.40w`).
 */
import { warning, type Diagnostic } from '../diagnostics.js';
import { FACTOR_DECIMALS, formatNumber, roundHalfAway } from '../leverage/format.js';
import { ratio, workWeeks } from '../leverage/numbers.js';
import type { AggregateEntry, ImportedPost, ImportedTask, Printed, PrintedQuantity } from './model.js';
import { formatHumanDuration, formatMinutesDuration } from './write.js';

export interface VerifyOptions {
  workWeekHours: number;
}

/** True when `exact`, rounded to `decimals` (default: the printed ones), is the printed value. */
export function agrees(exact: number, printed: Printed, decimals = printed.decimals): boolean {
  const rounded = roundHalfAway(exact, Math.max(decimals, printed.decimals));
  return Math.abs(rounded - printed.value) <= 1e-9 * Math.max(1, Math.abs(printed.value));
}

function factor(value: number, decimals: number): string {
  return `${formatNumber(value, Math.max(FACTOR_DECIMALS, decimals))}x`;
}

type Column = keyof ImportedTask['printed'];

/** The most decimals a column shows in any row. */
export function columnPrecision(tasks: readonly ImportedTask[], column: Column): number {
  return Math.max(0, ...tasks.map((t) => t.printed[column]?.decimals ?? 0));
}

interface Precision {
  leverage: number;
  supervisoryLeverage: number;
}

function number(value: number, printed: Printed, atLeast: number): string {
  return formatNumber(value, Math.max(atLeast, printed.decimals));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

export function verifyPost(post: ImportedPost, options: VerifyOptions): Diagnostic[] {
  const precision: Precision = {
    leverage: columnPrecision(post.tasks, 'leverage'),
    supervisoryLeverage: columnPrecision(post.tasks, 'supervisoryLeverage'),
  };
  return [
    ...post.tasks.flatMap((task) => verifyTask(post.file, task, precision, options)),
    ...post.aggregates.flatMap((entry) => verifyAggregate(post, entry, precision, options)),
  ];
}

function verifyTask(file: string, task: ImportedTask, precision: Precision, options: VerifyOptions): Diagnostic[] {
  const found: Diagnostic[] = [];
  const say = (message: string): void => void found.push(warning(file, task.line, 0, message));
  const human = formatHumanDuration(task.humanMinutes);
  const { leverage, supervisoryLeverage, weeks } = task.printed;

  if (leverage) {
    const exact = ratio(task.humanMinutes, task.claudeMinutes);
    if (!agrees(exact, leverage, precision.leverage)) {
      say(`row ${task.n} says ${leverage.text}, human ${human} / claude ${formatMinutesDuration(task.claudeMinutes)} is ${factor(exact, precision.leverage)}`);
    }
  }
  if (supervisoryLeverage && task.supervisionMinutes !== null) {
    const exact = ratio(task.humanMinutes, task.supervisionMinutes);
    if (!agrees(exact, supervisoryLeverage, precision.supervisoryLeverage)) {
      say(
        `row ${task.n} says ${task.labels.supervisoryLeverage} ${supervisoryLeverage.text}, human ${human} / supervision ${formatMinutesDuration(task.supervisionMinutes)} is ${factor(exact, precision.supervisoryLeverage)}`,
      );
    }
  }
  if (weeks) {
    const exact = workWeeks(task.humanMinutes, options.workWeekHours);
    if (!agrees(exact, weeks)) {
      say(
        `row ${task.n} says ${task.labels.weeks} ${weeks.text}, human ${human} / ${options.workWeekHours}h is ${formatNumber(exact, Math.max(1, weeks.decimals))} weeks`,
      );
    }
  }
  return found;
}

/** A duration total in the unit the post printed it in. */
function inUnit(minutes: number, unit: PrintedQuantity['unit'], workWeekHours: number): number {
  if (unit === 'hours') return minutes / 60;
  if (unit === 'weeks') return workWeeks(minutes, workWeekHours);
  return minutes;
}

function showQuantity(minutes: number, quantity: PrintedQuantity, workWeekHours: number): string {
  const value = inUnit(minutes, quantity.unit, workWeekHours);
  const shown = number(value, quantity, quantity.unit === 'weeks' ? 1 : 2);
  return quantity.unit === 'weeks' ? `${shown} work weeks` : `${shown} ${quantity.unit}`;
}

function verifyAggregate(
  post: ImportedPost,
  entry: AggregateEntry,
  precision: Precision,
  options: VerifyOptions,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  const say = (message: string): void => void found.push(warning(post.file, entry.line, 0, message));
  const rows = post.tasks.length;
  const human = sum(post.tasks.map((t) => t.humanMinutes));
  const claude = sum(post.tasks.map((t) => t.claudeMinutes));
  const supervised = rows > 0 && post.tasks.every((t) => t.supervisionMinutes !== null);
  const supervision = supervised ? sum(post.tasks.map((t) => t.supervisionMinutes ?? 0)) : null;
  const w = options.workWeekHours;

  const checkTotal = (minutes: number): void => {
    for (const quantity of entry.quantities) {
      if (agrees(inUnit(minutes, quantity.unit, w), quantity)) continue;
      const how =
        quantity.unit === 'weeks'
          ? `${formatHumanDuration(minutes)} / ${w}h is`
          : 'the rows add up to';
      say(`${entry.label} says ${quantity.text}, ${how} ${showQuantity(minutes, quantity, w)}`);
    }
  };
  const checkFactor = (numerator: number, denominator: number, name: string, decimals: number): void => {
    if (!entry.factor) return;
    const exact = ratio(numerator, denominator);
    if (agrees(exact, entry.factor, decimals)) return;
    say(
      `${entry.label} says ${entry.factor.text}, human ${formatHumanDuration(numerator)} / ${name} ${formatMinutesDuration(denominator)} is ${factor(exact, Math.max(decimals, entry.factor.decimals))}`,
    );
  };

  switch (entry.kind) {
    case 'human':
    case 'humanWeeks':
      checkTotal(human);
      break;
    case 'claude':
      checkTotal(claude);
      break;
    case 'supervision':
      if (supervision !== null) checkTotal(supervision);
      break;
    case 'leverage':
      checkFactor(human, claude, 'claude', precision.leverage);
      break;
    case 'supervisoryLeverage':
      if (supervision !== null) checkFactor(human, supervision, 'supervision', precision.supervisoryLeverage);
      break;
    case 'tasksCompleted':
      if (entry.grouped !== null && entry.grouped !== rows) {
        say(`${entry.label} says ${entry.text}, the table has ${rows} rows`);
      }
      if (entry.count !== null && entry.count < rows) {
        say(`${entry.label} says ${entry.count}, fewer than the ${rows} rows of the table; tasksCompleted not imported`);
      }
      break;
    case 'tokens':
      break;
  }
  return found;
}
