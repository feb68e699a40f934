/** `leverage check --sessions`: a record's Claude time and tokens against the logs of its day. */

import { warning } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';
import type { LeverageRecord } from '../records/types.js';
import { formatMinutes } from './format.js';
import type { SessionDay } from './summarize.js';

/** Differences up to this share of the logs' figure are rounding and forgotten minutes. */
const TOLERANCE = 0.1;

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export interface Comparison {
  diagnostics: Diagnostic[];
  /** Records of days without any session in the logs: nothing to compare. */
  withoutLogs: number;
}

export function compareWithLogs(
  records: readonly LeverageRecord[],
  days: readonly SessionDay[],
  sources: ReadonlyMap<string, string>,
): Comparison {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const diagnostics: Diagnostic[] = [];
  let withoutLogs = 0;
  for (const record of records) {
    const day = byDate.get(record.date);
    if (!day) {
      withoutLogs++;
      continue;
    }
    const source = sources.get(record.file) ?? '';
    const minutes = record.tasks.reduce((sum, t) => sum + t.claudeMinutes, 0);
    if (differs(minutes, day.claudeMinutes)) {
      diagnostics.push(
        warning(
          record.file,
          lineOf(source, 'tasks'),
          1,
          `the tasks' Claude time, ${formatMinutes(minutes)}, differs from the logs of ${record.date}, ${formatMinutes(day.claudeMinutes)}, by ${share(minutes, day.claudeMinutes)}`,
          `check the claude: times; leverage sessions ${record.date} lists the day's sessions`,
        ),
      );
    }
    if (record.tokens !== null && differs(record.tokens, day.tokens.total)) {
      diagnostics.push(
        warning(
          record.file,
          lineOf(source, 'tokens'),
          1,
          `tokens ${COUNT.format(record.tokens)} differs from the logs of ${record.date}, ${COUNT.format(day.tokens.total)}, by ${share(record.tokens, day.tokens.total)}`,
          `e.g. tokens: ${Math.round(day.tokens.total)}; tokensCount in site.yaml says whether cache reads count`,
        ),
      );
    }
  }
  return { diagnostics, withoutLogs };
}

function differs(recorded: number, logged: number): boolean {
  return logged === 0 ? recorded !== 0 : Math.abs(recorded - logged) > TOLERANCE * logged;
}

function share(recorded: number, logged: number): string {
  return logged === 0 ? 'more than 10%' : `${Math.round((Math.abs(recorded - logged) / logged) * 100)}%`;
}

/** The line of a top-level front-matter key; 0 (the whole file) when it is not written. */
function lineOf(source: string, key: string): number {
  const lines = source.split('\n');
  const index = lines.findIndex((l) => new RegExp(`^${key}\\s*:`).test(l));
  return index + 1;
}
