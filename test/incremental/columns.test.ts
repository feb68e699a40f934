import { describe, expect, it } from 'vitest';
import { deserialize, serialize } from 'node:v8';
import { fromColumns, toColumns } from '../../src/incremental/columns.js';

describe('the manifest tables, column by column', () => {
  const fields = ['mtimeMs', 'size', 'hash', 'shape'] as const;
  type Row = { mtimeMs: number; size: number; hash: string; shape: string | null };

  it('gives back every row as it was, in the same order, through V8 serialization', () => {
    const rows: Record<string, Row> = {
      'records/2026/2026-03-02.md': { mtimeMs: 1772409600123.5, size: 2048, hash: 'a'.repeat(40), shape: null },
      'records/2026/2026-03-01.md': { mtimeMs: 0, size: -1, hash: '', shape: 'b'.repeat(40) },
    };
    const back = fromColumns<Row>(deserialize(serialize(toColumns(rows, fields))), fields);
    expect(back).toEqual(rows);
    expect(Object.keys(back)).toEqual(Object.keys(rows));
    expect(Object.keys(back['records/2026/2026-03-02.md']!)).toEqual([...fields]);
  });

  it('keeps an empty table empty', () => {
    expect(fromColumns<Row>(toColumns({}, fields), fields)).toEqual({});
  });
});
