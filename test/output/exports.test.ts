/**
 * data/records.json, written a record at a time: the text JSON.stringify(…, null, 2) would
 * write of the whole; data/tasks.csv: a header, then a row a task in the header's order.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { exportData, recordsJson, tasksCsv } from '../../src/output/exports.js';
import { recordContent } from '../../src/site/content.js';
import { loadMarkdownPipeline } from '../../src/markdown/render.js';
import { testRecord } from '../support/records.js';

beforeAll(loadMarkdownPipeline);

const config = { ...DEFAULT_CONFIG, url: 'https://example.com' };
const item = (date: string, extra: Parameters<typeof testRecord>[2] = {}) => {
  const record = testRecord(date, [{ human: 240, claude: 19, project: 'Web' }, { human: 90, claude: 7.5 }], extra);
  return exportData({ record, content: recordContent(record, config) }, config);
};

describe('data/records.json', () => {
  it.each([
    ['no records', []],
    ['one record', [item('2026-03-01')]],
    [
      'records with quotes, line breaks, tabs and non-Latin text in their strings',
      [
        item('2026-03-01', { title: 'A "quoted"\ttitle', summary: 'Line one\nline two', tags: ['AI', '日本語'] }),
        item('2026-03-02', { summary: null, tags: [] }),
        item('2026-03-03', { model: 'Claude {Opus} [4]' }),
      ],
    ],
  ])('is the whole written with JSON.stringify(…, null, 2): %s', (_, items) => {
    const text = Buffer.concat(recordsJson(items)).toString('utf8');
    const parsed = JSON.parse(text) as { records: unknown[]; totals: unknown };
    expect(parsed.records).toEqual(JSON.parse(JSON.stringify(items)));
    expect(text).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
  });
});

describe('data/tasks.csv', () => {
  it('has a row a task under the header, text quoted when it must be and never read as a formula', () => {
    const record = testRecord('2026-03-01', [{ human: 240, claude: 19, project: 'Web, app' }, { human: 90, claude: 7.5 }]);
    record.tasks[0]!.task = 'Say "hi", then go';
    record.tasks[1]!.task = '=SUM(A1:A9)';
    const data = exportData({ record, content: recordContent(record, config) }, config);
    expect(Buffer.concat(tasksCsv([data])).toString('utf8')).toBe(
      'date,n,task,project,humanMinutes,claudeMinutes,supervisionMinutes,leverage,supervisoryLeverage\r\n' +
        `2026-03-01,1,"Say ""hi"", then go","Web, app",240,19,,${240 / 19},\r\n` +
        "2026-03-01,2,'=SUM(A1:A9),,90,7.5,,12,\r\n",
    );
  });
});
