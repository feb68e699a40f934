import { describe, expect, it } from 'vitest';
import { deserialize, serialize } from 'node:v8';
import { exportDataHash, type RecordData } from '../../src/output/exports.js';

/** A record's export data as a build makes it: the ratios computed while it runs. */
function data(humanMinutes: number, claudeMinutes: number): RecordData {
  const leverage = humanMinutes / claudeMinutes;
  const task = { n: 1, task: 'Café — work', project: null, humanMinutes, claudeMinutes, supervisionMinutes: null, leverage, supervisoryLeverage: null };
  const totals = { rows: 1, tasksCompleted: 1, humanMinutes, claudeMinutes, supervisionMinutes: null, tokens: null, leverage, supervisoryLeverage: null };
  return { date: '2026-03-01', url: '/records/2026-03-01/', title: 'A day', model: 'Claude', tags: ['AI'], summary: null, tasks: [task], totals };
}

describe('exportDataHash', () => {
  // Regression: hashing V8's serialization of this data gave a cold build other hashes than
  // the same entries read back from the cache (a leverage of 30 computed as 600 / 20 is held
  // as a double, and read back as an integer), so the first rebuild after every cold build
  // made records.json and tasks.csv again.
  it('is the same for the data as computed and as read back from the cache', () => {
    const computed = data(Number.parseFloat('600'), 20);
    const readBack = deserialize(serialize(computed)) as RecordData;
    expect(serialize(readBack).equals(serialize(computed))).toBe(false); // the bytes differ…
    expect(exportDataHash(readBack)).toBe(exportDataHash(computed)); // …the hash does not
  });

  it('changes with any number or text of the data', () => {
    const base = exportDataHash(data(600, 20));
    expect(exportDataHash(data(600, 21))).not.toBe(base);
    expect(exportDataHash({ ...data(600, 20), title: 'Another day' })).not.toBe(base);
  });
});
