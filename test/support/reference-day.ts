/** The reference day of records.md (2026-03-02): its rows and the figures a correct build shows. */
import type { LeverageRecord } from '../../src/records/types.js';

export const REFERENCE_ROWS: { humanHours: number; claudeMinutes: number; leverage: string }[] = [
  { humanHours: 4, claudeMinutes: 19, leverage: '12.6x' },
  { humanHours: 6, claudeMinutes: 25, leverage: '14.4x' },
  { humanHours: 16, claudeMinutes: 18, leverage: '53.3x' },
  { humanHours: 40, claudeMinutes: 25, leverage: '96x' },
  { humanHours: 16, claudeMinutes: 12, leverage: '80x' },
  { humanHours: 90, claudeMinutes: 105, leverage: '51.4x' },
  { humanHours: 64, claudeMinutes: 49, leverage: '78.4x' },
  { humanHours: 104, claudeMinutes: 34, leverage: '183.5x' },
  { humanHours: 64, claudeMinutes: 30, leverage: '128x' },
  { humanHours: 152, claudeMinutes: 59, leverage: '154.6x' },
  { humanHours: 168, claudeMinutes: 98, leverage: '102.9x' },
  { humanHours: 240, claudeMinutes: 110, leverage: '130.9x' },
  { humanHours: 8, claudeMinutes: 20, leverage: '24x' },
  { humanHours: 4, claudeMinutes: 4, leverage: '60x' },
  { humanHours: 120, claudeMinutes: 35, leverage: '205.7x' },
];

export const REFERENCE_AGGREGATE: [string, string][] = [
  ['Tasks completed', '35 (grouped into 15 categories above)'],
  ['Human equivalent', '1,096 hours (~27.4 work weeks)'],
  ['Claude wall-clock', '643 minutes (~10.7 hours)'],
  ['Tokens consumed', '~2,095,000'],
  ['Weighted leverage factor', '102.3x'],
];

export function referenceRecord(): LeverageRecord {
  return {
    date: '2026-03-02',
    file: 'records/2026-03-02.md',
    title: 'Leverage Record: March 2, 2026',
    model: 'Claude Opus 4.6',
    tags: ['AI', 'Time Record'],
    summary: 'A marathon day of structured document authoring at scale, plus CMS work.',
    tokens: 2_095_000,
    tasksCompleted: 35,
    draft: false,
    tasks: REFERENCE_ROWS.map((row, i) => ({
      n: i + 1,
      task: `Task ${i + 1}`,
      humanMinutes: row.humanHours * 60,
      claudeMinutes: row.claudeMinutes,
      supervisionMinutes: null,
      project: null,
    })),
    body: '',
  };
}
