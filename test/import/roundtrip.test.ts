/**
 * Round trips: a post printed with the project's own number rules (src/leverage/format.ts)
 * imports with no mismatch and the same minutes; so does the reference day of records.md;
 * and a record page the real generator builds imports back into the same record.
 */
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { convertPost } from '../../src/import/index.js';
import { formatLongDate } from '../../src/leverage/dates.js';
import {
  formatFactor,
  formatHumanEquivalent,
  formatMinutesWithHours,
  formatHumanTime,
  formatMinutes,
  formatTasksCompleted,
  formatTokens,
} from '../../src/leverage/format.js';
import { recordTotals, taskNumbers } from '../../src/leverage/numbers.js';
import type { LeverageRecord } from '../../src/records/types.js';
import { referenceRecord } from '../support/reference-day.js';
import { recordErrors, scratch, splitRecord } from './helpers.js';

/** A hand-made post in the style of (a)/(b), every figure printed by the project's rules. */
function printedPost(record: LeverageRecord): string {
  const supervised = record.tasks.every((t) => t.supervisionMinutes !== null);
  const totals = recordTotals(record);
  const header = supervised
    ? '| # | Task | Human Est. | Claude | Supv. | LF | SLF |\n|---|---|---|---|---|---|---|'
    : '| # | Task | Human Est. | Claude | Leverage |\n|---|---|---|---|---|';
  const rows = record.tasks.map((task) => {
    const n = taskNumbers(task);
    const cells = [String(task.n), task.task, formatHumanTime(task.humanMinutes), formatMinutes(task.claudeMinutes)];
    if (supervised) cells.push(formatMinutes(task.supervisionMinutes!));
    cells.push(formatFactor(n.leverage));
    if (supervised) cells.push(formatFactor(n.supervisoryLeverage!));
    return `| ${cells.join(' | ')} |`;
  });
  const aggregate = [
    ['Tasks completed', formatTasksCompleted(totals.tasksCompleted, totals.rows)],
    ['Human equivalent', formatHumanEquivalent(totals.humanMinutes, 40)],
    ['Claude wall-clock', formatMinutesWithHours(totals.claudeMinutes)],
    ...(supervised ? [['Supervisory time', formatMinutesWithHours(totals.supervisionMinutes!)]] : []),
    ...(totals.tokens !== null ? [['Tokens consumed', formatTokens(totals.tokens)]] : []),
    ['Weighted leverage factor', formatFactor(totals.leverage)],
    ...(supervised ? [['Weighted supervisory factor', formatFactor(totals.supervisoryLeverage!)]] : []),
  ].map(([label, value]) => `| ${label} | ${value} |`);
  return [
    `# Leverage Record: ${formatLongDate(record.date)}`,
    '',
    record.summary ?? 'A day.',
    '',
    '## The Numbers',
    '',
    header,
    ...rows,
    '',
    '## Aggregate',
    '',
    '| Metric | Value |\n|---|---|',
    ...aggregate,
    '',
    '## Analysis',
    '',
    'Written by hand.',
    '',
  ].join('\n');
}

function importedMinutes(text: string, file = 'post.md') {
  const converted = convertPost(text, file);
  if (!converted.ok) throw new Error(JSON.stringify(converted.diagnostics));
  return converted;
}

describe('round trip', () => {
  it('the reference day of records.md: no mismatch, the same minutes, a valid record', () => {
    const record = referenceRecord();
    const converted = importedMinutes(printedPost(record));
    expect(converted.mismatches).toEqual([]);
    expect(converted.post.notes).toEqual([]);
    expect(converted.post.tasks.map((t) => [t.humanMinutes, t.claudeMinutes])).toEqual(
      record.tasks.map((t) => [t.humanMinutes, t.claudeMinutes]),
    );
    expect(converted.post.tokens).toBe(2095000);
    expect(converted.post.tasksCompleted).toBe(35);
    expect(recordErrors('records/2026-03-02.md', converted.recordText)).toEqual([]);
    const { data, body } = splitRecord(converted.recordText);
    expect(data['tasks'][0]).toEqual({ task: 'Task 1', human: '4h', claude: '19m' });
    expect(body).toBe('Written by hand.');
  });

  it('any record printed by the project rules imports with no mismatch and the same minutes', () => {
    const task = fc.record({
      quarterHours: fc.integer({ min: 1, max: 4000 }),
      claudeTenths: fc.integer({ min: 1, max: 3000 }),
      supervisionTenths: fc.integer({ min: 1, max: 600 }),
    });
    fc.assert(
      fc.property(fc.array(task, { minLength: 1, maxLength: 20 }), fc.boolean(), fc.integer({ min: 0, max: 30 }), (rows, supervised, extra) => {
        const record: LeverageRecord = {
          ...referenceRecord(),
          tokens: extra * 1000 + 7,
          tasksCompleted: rows.length + extra,
          tasks: rows.map((r, i) => ({
            n: i + 1,
            task: `Task ${i + 1}`,
            humanMinutes: r.quarterHours * 15,
            claudeMinutes: r.claudeTenths / 10,
            supervisionMinutes: supervised ? r.supervisionTenths / 10 : null,
            project: null,
            line: 0,
          })),
        };
        const converted = importedMinutes(printedPost(record));
        expect(converted.mismatches).toEqual([]);
        expect(converted.post.tasks.map((t) => [t.humanMinutes, t.claudeMinutes, t.supervisionMinutes])).toEqual(
          record.tasks.map((t) => [t.humanMinutes, t.claudeMinutes, t.supervisionMinutes]),
        );
        expect(recordErrors('records/2026-03-02.md', converted.recordText)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('a record page built by the generator imports back into the same record', async () => {
    const root = await scratch();
    await cp(new URL('../fixtures/reference/', import.meta.url), root, { recursive: true });
    await build({ root, out: join(root, 'dist') });
    const page = join(root, 'dist', 'records', '2026-03-02', 'index.html');
    const converted = importedMinutes(await readFile(page, 'utf8'), page);
    expect(converted.mismatches).toEqual([]);
    expect(converted.post.notes).toEqual([]);

    const original = splitRecord(await readFile(join(root, 'records', '2026-03-02.md'), 'utf8'));
    const back = splitRecord(converted.recordText);
    expect(back.data['date']).toBe('2026-03-02');
    expect(back.data).not.toHaveProperty('title');
    for (const key of ['tags', 'tokens', 'tasksCompleted', 'summary'] as const) {
      expect(back.data[key], key).toEqual(original.data[key]);
    }
    expect(back.data['tasks']).toEqual(original.data['tasks']);
    expect(back.body).toBe(original.body);
    expect(recordErrors('records/2026-03-02.md', converted.recordText)).toEqual([]);
  });
});
