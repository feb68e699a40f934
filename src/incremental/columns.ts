/**
 * How the manifest stores its large tables (one row per record file or output file): column
 * by column. V8's deserializer makes thousands of small objects slowly, one property at a
 * time; arrays of strings and numbers, and one block of bytes, it reads many times faster.
 * At 4000 records this took the manifest's encoding and decoding from about 50 to 10 ms,
 * most of what a quick rebuild spends on its cache.
 */

/** Rows by name, as columns: `columns[field][i]` is the field of row `names[i]`. */
export interface Columns {
  names: string[];
  columns: Record<string, unknown[]>;
}

export function toColumns<Row extends object>(rows: Record<string, Row>, fields: readonly (keyof Row & string)[]): Columns {
  const names = Object.keys(rows);
  const columns: Record<string, unknown[]> = {};
  for (const field of fields) columns[field] = names.map((name) => rows[name]![field]);
  return { names, columns };
}

export function fromColumns<Row extends object>(table: Columns, fields: readonly (keyof Row & string)[]): Record<string, Row> {
  const rows: Record<string, Row> = {};
  const { names } = table;
  const columns = fields.map((field) => table.columns[field]!);
  for (let i = 0; i < names.length; i++) {
    const row: Record<string, unknown> = {};
    for (let j = 0; j < fields.length; j++) row[fields[j]!] = columns[j]![i];
    rows[names[i]!] = row as Row;
  }
  return rows;
}

/** Byte strings by name, as one block of bytes and each one's length. */
export interface Blocks {
  names: string[];
  lengths: number[];
  bytes: Uint8Array;
}

/** The blocks each decoded set came from: a set written back as it was read is not joined again. */
const sources = new WeakMap<Readonly<Record<string, Uint8Array>>, Blocks>();

export function toBlocks(items: Readonly<Record<string, Uint8Array>>): Blocks {
  const source = sources.get(items);
  if (source) return source;
  const names = Object.keys(items);
  const parts = names.map((name) => items[name]!);
  return { names, lengths: parts.map((part) => part.length), bytes: Buffer.concat(parts) };
}

/** The byte strings, in a frozen object: what was read is written back without joining them again. */
export function fromBlocks(blocks: Blocks): Readonly<Record<string, Uint8Array>> {
  const items: Record<string, Uint8Array> = {};
  let at = 0;
  for (let i = 0; i < blocks.names.length; i++) {
    const length = blocks.lengths[i]!;
    items[blocks.names[i]!] = blocks.bytes.subarray(at, at + length);
    at += length;
  }
  Object.freeze(items);
  sources.set(items, blocks);
  return items;
}
