import { describe, expect, it } from 'vitest';
import { aggregateKind, columnMap, columnRole, isTaskTable } from '../../src/import/columns.js';
import { dateInText, postDate } from '../../src/import/post-date.js';
import { parseCount, parseDurationCell, parseFactor, parseGrouped, parseQuantities, parseWeeks } from '../../src/import/values.js';
import { formatHumanDuration, formatMinutesDuration } from '../../src/import/write.js';

describe('column headers', () => {
  it.each([
    ['#', 'index'],
    ['Task', 'task'],
    ['Human Est.', 'human'],
    ['human estimate', 'human'],
    ['Claude', 'claude'],
    ['Claude time', 'claude'],
    ['Leverage', 'leverage'],
    ['LF', 'leverage'],
    ['Factor', 'leverage'],
    ['Supv.', 'supervision'],
    ['Sup.', 'supervision'],
    ['SUPERVISION', 'supervision'],
    ['SLF', 'supervisoryLeverage'],
    ['Sup. Factor', 'supervisoryLeverage'],
    ['Supervisory leverage', 'supervisoryLeverage'],
    ['Weeks', 'weeks'],
    ['Project', 'project'],
    ['Notes', null],
  ])('%s → %s', (header, role) => {
    expect(columnRole(header)).toBe(role);
  });

  it('recognises each table style as a task table', () => {
    for (const headers of [
      ['#', 'Task', 'Human Est.', 'Claude', 'Leverage'],
      ['#', 'Task', 'Human Est.', 'Claude', 'Supv.', 'LF', 'SLF'],
      ['#', 'Task', 'Human Est.', 'Claude', 'Sup.', 'Factor', 'Sup. Factor'],
      ['#', 'Task', 'Human Est.', 'Claude', 'Weeks', 'Factor', 'Sup. Factor'],
    ]) {
      expect(isTaskTable(columnMap(headers))).toBe(true);
    }
    expect(columnMap(['#', 'Task', 'Human Est.', 'Claude', 'Supv.', 'LF', 'SLF'])).toEqual({
      index: 0, task: 1, human: 2, claude: 3, supervision: 4, leverage: 5, supervisoryLeverage: 6,
    });
    expect(isTaskTable(columnMap(['Tool', 'Version']))).toBe(false);
  });

  it.each([
    ['Tasks completed', 'tasksCompleted'],
    ['Total tasks', 'tasksCompleted'],
    ['Human equivalent', 'human'],
    ['Human-equivalent hours', 'human'],
    ['Total human-equivalent hours', 'human'],
    ['Human-equivalent weeks', 'humanWeeks'],
    ['Claude wall-clock', 'claude'],
    ['Total Claude minutes', 'claude'],
    ['Supervisory time', 'supervision'],
    ['Total supervisory minutes', 'supervision'],
    ['Tokens consumed', 'tokens'],
    ['Total tokens', 'tokens'],
    ['Weighted leverage factor', 'leverage'],
    ['Weighted average leverage factor', 'leverage'],
    ['Weighted supervisory factor', 'supervisoryLeverage'],
    ['Weighted average supervisory leverage factor', 'supervisoryLeverage'],
    ['Mood', null],
  ])('aggregate label %s → %s', (label, kind) => {
    expect(aggregateKind(label)).toBe(kind);
  });
});

describe('cell values', () => {
  it.each([
    ['120 hours', 'hours', 7200],
    ['40 min', 'minutes', 40],
    ['24h', 'hours', 1440],
    ['8m', 'minutes', 8],
    ['60.0h', 'hours', 3600],
    ['8.6m', 'minutes', 8.6],
    ['1.5 hours', 'hours', 90],
    ['1h 30m', 'hours', 90],
    ['16', 'hours', 960],
    ['25', 'minutes', 25],
    ['~1,200 hours', 'hours', 72000],
    ['2 hours (est.)', 'hours', 120],
  ] as const)('duration %s (bare: %s) → %d minutes', (text, unit, minutes) => {
    expect(parseDurationCell(text, 'Human Est.', unit)).toEqual({ ok: true, minutes });
  });

  it('says what is wrong with a duration it cannot read', () => {
    const result = parseDurationCell('soon', 'Claude', 'minutes');
    expect(result.ok).toBe(false);
  });

  it('reads factors with their printed precision', () => {
    expect(parseFactor('180x')).toEqual({ text: '180x', value: 180, decimals: 0 });
    expect(parseFactor('80.0x')).toEqual({ text: '80.0x', value: 80, decimals: 1 });
    expect(parseFactor('1,440.0x')).toEqual({ text: '1,440.0x', value: 1440, decimals: 1 });
    expect(parseFactor('38×')).toMatchObject({ value: 38 });
    expect(parseFactor('n/a')).toBeNull();
    expect(parseWeeks('0.40w')).toEqual({ text: '0.40w', value: 0.4, decimals: 2 });
    expect(parseWeeks('1.1 weeks')).toMatchObject({ value: 1.1, decimals: 1 });
  });

  it('reads aggregate figures', () => {
    expect(parseCount('35 (grouped into 15 categories above)')).toBe(35);
    expect(parseGrouped('35 (grouped into 15 categories above)')).toBe(15);
    expect(parseGrouped('12')).toBeNull();
    expect(parseCount('~2,095,000')).toBe(2095000);
    expect(parseCount('2.1M')).toBe(2100000);
    expect(parseQuantities('1,096 hours (~27.4 work weeks)', 'hours')).toEqual([
      { text: '1,096 hours', value: 1096, decimals: 0, unit: 'hours' },
      { text: '~27.4 work weeks', value: 27.4, decimals: 1, unit: 'weeks' },
    ]);
    expect(parseQuantities('643 minutes (~10.7 hours)', 'minutes')).toEqual([
      { text: '643 minutes', value: 643, decimals: 0, unit: 'minutes' },
      { text: '~10.7 hours', value: 10.7, decimals: 1, unit: 'hours' },
    ]);
    expect(parseQuantities('69.0', 'hours')).toEqual([{ text: '69.0', value: 69, decimals: 1, unit: 'hours' }]);
  });

  it('writes durations back in readable forms', () => {
    expect(formatHumanDuration(240)).toBe('4h');
    expect(formatHumanDuration(90)).toBe('1.5h');
    expect(formatHumanDuration(15)).toBe('0.25h');
    expect(formatHumanDuration(100)).toBe('1h 40m');
    expect(formatMinutesDuration(19)).toBe('19m');
    expect(formatMinutesDuration(8.6)).toBe('8.6m');
  });
});

describe('post dates', () => {
  it('finds a date in a title or a file name', () => {
    expect(dateInText('Leverage Record: March 2, 2026')).toBe('2026-03-02');
    expect(dateInText('Leverage Record: Mar 2, 2026')).toBe('2026-03-02');
    expect(dateInText('2 March 2026')).toBe('2026-03-02');
    expect(dateInText('posts/2026-03-02-leverage-record.md')).toBe('2026-03-02');
    expect(dateInText('February 30, 2026')).toBeNull();
    expect(dateInText('A day')).toBeNull();
  });

  it('prefers front matter, then the title, then the file name', () => {
    expect(postDate({ date: '2026-03-04' }, ['Leverage Record: March 2, 2026'], null, '2026-03-01.md')?.date).toBe('2026-03-04');
    expect(postDate({}, ['Leverage Record: March 2, 2026'], null, '2026-03-01.md')?.date).toBe('2026-03-02');
    expect(postDate({}, ['Something'], null, 'old/2026-03-01-post.md')).toEqual({ date: '2026-03-01', from: 'file name' });
    expect(postDate({}, [], null, 'post.md')).toBeNull();
  });
});
