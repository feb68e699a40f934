/**
 * The shared model of an imported post. Both readers (Markdown and HTML) turn a file into a
 * PostSource: front matter, title candidates and a flat list of blocks, tables already split
 * into rows and cells with their source lines. Everything after that (finding the task
 * table, reading values, checking factors, writing the record) works on this model only.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Task } from '../records/types.js';

export interface SourceCell {
  /** Plain text of the cell, whitespace trimmed. */
  text: string;
  /** The cell's content as inline Markdown (for task titles). */
  markdown: string;
}

export interface SourceRow {
  cells: SourceCell[];
  /** 1-based line of the row in the source file. */
  line: number;
}

export interface SourceTable {
  header: SourceRow;
  rows: SourceRow[];
  line: number;
}

export type SourceBlock =
  | { kind: 'heading'; depth: number; text: string; markdown: string; line: number }
  | { kind: 'paragraph'; text: string; markdown: string; line: number }
  | { kind: 'table'; table: SourceTable; markdown: string; line: number }
  | { kind: 'other'; markdown: string; line: number };

export type PostFormat = 'markdown' | 'html';

export interface PostSource {
  /** Path as shown in messages (as the user typed it). */
  file: string;
  format: PostFormat;
  /** Parsed front matter, `{}` when the file has none. */
  frontMatter: Record<string, unknown>;
  /** Title candidates, best first: front matter title, first h1, HTML <title>. */
  titles: string[];
  /** HTML `<meta name="description">`, or null. */
  description: string | null;
  /** A date the page's markup states (`<time datetime>`, `article:published_time`), or null. */
  markupDate: string | null;
  /** Tags the page's markup states (`<a rel="tag">`, `article:tag`). */
  markupTags: string[];
  /** The post's content, in document order. */
  blocks: SourceBlock[];
}

export type ReadResult =
  | { ok: true; source: PostSource }
  | { ok: false; diagnostics: Diagnostic[] };

/** A number as the post prints it, with its precision. */
export interface Printed {
  /** The text as printed (`38x`, `~27.4 work weeks`). */
  text: string;
  value: number;
  /** Digits after the decimal point as printed (`80.0x` → 1). */
  decimals: number;
}

/** A task row as a record holds it (`n` is the row number printed in `#`, else its position), and what the post printed for it. */
export interface ImportedTask extends Task {
  /** The row's line in the post, for messages about it. */
  line: number;
  /** Factors the post prints for this row, to check against the durations. */
  printed: {
    leverage: Printed | null;
    supervisoryLeverage: Printed | null;
    weeks: Printed | null;
  };
  /** Header texts of the printed columns, for messages (`SLF`, `Sup. Factor`, `Weeks`). */
  labels: { supervisoryLeverage: string; weeks: string };
}

/** What a figure of the aggregate table (or a total row) stands for. */
export type AggregateKind =
  | 'tasksCompleted'
  | 'human'
  | 'humanWeeks'
  | 'claude'
  | 'supervision'
  | 'tokens'
  | 'leverage'
  | 'supervisoryLeverage';

/** A duration quantity as printed: `1,096 hours`, `643 minutes`, `~27.4 work weeks`. */
export interface PrintedQuantity extends Printed {
  unit: 'hours' | 'minutes' | 'weeks';
}

export interface AggregateEntry {
  kind: AggregateKind;
  /** The label as printed (`Human equivalent`). */
  label: string;
  /** The whole value cell as printed. */
  text: string;
  line: number;
  /** Durations and factors found in the value, main value first. */
  quantities: PrintedQuantity[];
  /** The factor, for leverage kinds. */
  factor: Printed | null;
  /** The count, for tasksCompleted and tokens. */
  count: number | null;
  /** For tasksCompleted: the `grouped into N` figure, when printed. */
  grouped: number | null;
}

export interface ImportedPost {
  file: string;
  date: string;
  /** Only when it differs from the default `Leverage Record: <Month D, YYYY>`. */
  title: string | null;
  model: string | null;
  tags: string[] | null;
  summary: string | null;
  body: string;
  tokens: number | null;
  tasksCompleted: number | null;
  tasks: ImportedTask[];
  aggregates: AggregateEntry[];
  /** Warnings found while reading (not factor mismatches). */
  notes: Diagnostic[];
}
