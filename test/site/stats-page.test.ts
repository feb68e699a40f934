import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import type { LeverageRecord } from '../../src/records/types.js';
import { recordContent } from '../../src/site/content.js';
import { formattedTotals } from '../../src/site/pages.js';
import { leverageChart, statsPage } from '../../src/site/stats-page.js';
import type { Link, RecordContent } from '../../src/site/types.js';
import { testRecord } from '../support/records.js';

function record(date: string, hours: number, minutes: number, project: string | null = null): LeverageRecord {
  return testRecord(date, [{ human: hours * 60, claude: minutes, project }]);
}

function page(records: LeverageRecord[]) {
  const contents = records.map((r) => recordContent(r, DEFAULT_CONFIG));
  return statsPage(records, contents, formattedTotals(contents, DEFAULT_CONFIG), DEFAULT_CONFIG);
}

describe('statsPage', () => {
  const records = [record('2026-01-01', 2, 10, 'web'), record('2026-01-03', 10, 10), record('2026-01-04', 1, 10, 'web')];

  it('is the /stats/ page', () => {
    const p = page(records);
    expect(p).toMatchObject({ template: 'stats', url: '/stats/', outputPath: 'stats/index.html' });
    expect(p.description).toBe('All-time figures of 3 records, from January 1, 2026 to January 4, 2026.');
    expect(p.totals.rows[0]).toEqual({ label: 'Days recorded', value: '3' });
    expect(p.totalsNote).toBe('');
  });

  it('has every section, charts with a table of their data', () => {
    const p = page([record('2025-12-01', 3, 20), ...records]);
    expect(p.sections.map((s) => s.heading)).toEqual([
      'Weighted leverage per day',
      'Human-equivalent hours per day, last 14 days',
      'Human-equivalent hours per day, last 90 days',
      'Distribution of task factors',
      'Best days',
      'Worst days',
      'Per month',
      'Per project',
    ]);
    const charted = p.sections.filter((s) => s.chartSvg);
    expect(charted.map((s) => s.heading)).toEqual([
      'Weighted leverage per day',
      'Human-equivalent hours per day, last 14 days',
      'Human-equivalent hours per day, last 90 days',
      'Distribution of task factors',
    ]);
    for (const section of charted) {
      expect(section.chartSvg).toMatch(/^<svg [^>]*role="img"/);
      expect(section.table?.rows.length).toBeGreaterThan(0);
    }
  });

  it('shows the 90-day chart only when it holds more records than the 14-day one', () => {
    const headings = (list: LeverageRecord[]) => page(list).sections.map((s) => s.heading).filter((h) => h.startsWith('Human-equivalent hours'));
    // Every record in the last 14 days: the 90-day chart would show the same bars.
    expect(headings(records)).toEqual(['Human-equivalent hours per day, last 14 days']);
    // An older record, but none between 14 and 90 days back: still one chart, and it says so.
    const older = page([record('2025-06-01', 3, 20), ...records]);
    const windows = older.sections.filter((s) => s.heading.startsWith('Human-equivalent hours'));
    expect(windows.map((s) => s.heading)).toEqual(['Human-equivalent hours per day, last 14 days']);
    expect(windows[0]!.note).toMatch(/No other record in the last 90 days\.$/);
    // A record 20 days back: the 90-day chart has something the 14-day one has not.
    expect(headings([record('2025-12-15', 3, 20), ...records])).toEqual([
      'Human-equivalent hours per day, last 14 days',
      'Human-equivalent hours per day, last 90 days',
    ]);
  });

  it('charts every calendar day of a window from the first record, 0 without a record', () => {
    const last14 = page(records).sections[1]!;
    expect(last14.chartSvg.match(/class="chart-bar"/g)).toHaveLength(4); // Jan 1 … Jan 4
    expect(last14.chartSvg).toContain('<title>January 2, 2026: 0 min</title>');
    expect(last14.table!.rows.map((r) => (r[0] as Link).url)).toEqual([
      '/records/2026-01-01/',
      '/records/2026-01-03/',
      '/records/2026-01-04/',
    ]);
  });

  it('ranks days and groups projects', () => {
    const p = page(records);
    const best = p.sections.find((s) => s.heading === 'Best days')!;
    expect(best.table!.rows.map((r) => [(r[0] as Link).text, r[4]])).toEqual([
      ['January 3, 2026', '60x'],
      ['January 1, 2026', '12x'],
      ['January 4, 2026', '6x'],
    ]);
    const projects = p.sections.find((s) => s.heading === 'Per project')!;
    expect(projects.table!.rows.map((r) => r[0])).toEqual(['(none)', 'web']);
  });

  it('says so when no task has a project', () => {
    const projects = page([record('2026-01-01', 2, 10)]).sections.find((s) => s.heading === 'Per project')!;
    expect(projects.table).toBeNull();
    expect(projects.note).toMatch(/No task names a project/);
  });

  it('has no sections without records', () => {
    const p = page([]);
    expect(p.sections).toEqual([]);
    expect(p.description).toBe('All-time figures. No records yet.');
  });
});

describe('leverageChart', () => {
  const contents: RecordContent[] = Array.from({ length: 5 }, (_, i) =>
    recordContent(record(`2026-01-0${i + 1}`, i + 1, 10), DEFAULT_CONFIG),
  );

  it('draws one point per record, with short date labels', () => {
    const svg = leverageChart(contents, { id: 'x' });
    expect(svg.match(/class="chart-point"/g)).toHaveLength(5);
    expect(svg).toContain('>Jan 1<');
    expect(svg).toContain('<title>January 5, 2026: 30x</title>');
  });

  it('keeps the latest records when limited, and says so', () => {
    const svg = leverageChart(contents, { id: 'x', limit: 2 });
    expect(svg.match(/class="chart-point"/g)).toHaveLength(2);
    expect(svg).toContain('latest 2 of 5 records');
  });

  it('is empty without records', () => {
    expect(leverageChart([], { id: 'x' })).toBe('');
  });
});
