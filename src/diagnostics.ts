/**
 * The one error type of the generator: a problem at a place in a file, with a hint of what
 * would be right. Every stage reports bad input as Diagnostics; nothing throws a stack trace
 * at the author.
 */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Path as the author would type it, relative to the root when possible (`records/2026-03-02.md`). */
  file: string;
  /** 1-based line; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based column; 0 when unknown. */
  column: number;
  /** What is wrong. */
  message: string;
  /** What would be right. */
  hint?: string;
}

function diagnostic(severity: Severity) {
  return (file: string, line: number, column: number, message: string, hint?: string): Diagnostic => ({
    severity,
    file,
    line,
    column,
    message,
    ...(hint ? { hint } : {}),
  });
}

/** `error(file, line, column, what is wrong, what would be right)` */
export const error = diagnostic('error');
export const warning = diagnostic('warning');

/** Thrown by a stage when it cannot go on; carries every problem found so far. */
export class BuildError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => formatDiagnosticLine(d)).join('\n'));
    this.name = 'BuildError';
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorted by file, line, column, so the same input always reports in the same order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** `path:line:column: message (hint)` — the form editors and terminals turn into links. */
export function formatDiagnosticLine(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${Math.max(d.column, 1)}` : d.file;
  const prefix = d.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${prefix}${d.message}${d.hint ? ` (${d.hint})` : ''}`;
}

/**
 * The diagnostic line followed by a short code frame of the offending source line:
 *
 *   records/2026-03-02.md:9:13: claude must be a duration (e.g. 19m, 1h 30m, or a bare number of minutes)
 *      8 |   - task: Batch runner
 *    > 9 |     claude: soon
 *        |             ^
 *     10 |   - task: Specs
 */
export function formatDiagnostic(d: Diagnostic, source?: string): string {
  const head = formatDiagnosticLine(d);
  if (source === undefined || d.line <= 0) return head;
  const lines = source.split(/\r\n|\r|\n/);
  const first = Math.max(1, d.line - 1);
  const last = Math.min(lines.length, d.line + 1);
  const width = String(last).length;
  const frame: string[] = [];
  // Long lines are shown as a window around the column, so one line cannot flood the terminal.
  const window = frameWindow((lines[d.line - 1] ?? '').length, d.column);
  for (let n = first; n <= last; n++) {
    const text = clip(lines[n - 1] ?? '', n === d.line ? window : { start: 0, end: FRAME_WIDTH }).replace(/\t/g, '  ');
    const marker = n === d.line ? '>' : ' ';
    frame.push(`  ${marker} ${String(n).padStart(width)} | ${text}`);
    if (n === d.line && d.column > 0) {
      const before = clip((lines[n - 1] ?? '').slice(0, d.column - 1), window).replace(/\t/g, '  ');
      frame.push(`    ${' '.repeat(width)} | ${' '.repeat(before.length)}^`);
    }
  }
  return `${head}\n${frame.join('\n')}`;
}

/** Characters of a source line shown in a code frame at most. */
const FRAME_WIDTH = 120;

/** The slice of the error line (and its neighbours) that a code frame shows. */
function frameWindow(length: number, column: number): { start: number; end: number } {
  if (length <= FRAME_WIDTH) return { start: 0, end: FRAME_WIDTH };
  const start = Math.max(0, Math.min(Math.max(column, 1) - 1 - FRAME_WIDTH / 2, length - FRAME_WIDTH));
  return { start, end: start + FRAME_WIDTH };
}

function clip(text: string, window: { start: number; end: number }): string {
  const shown = text.slice(window.start, window.end);
  return `${window.start > 0 ? '…' : ''}${shown}${text.length > window.end ? '…' : ''}`;
}

/** Where in a text an offset falls, 1-based. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The known name nearest to an unknown one (edit distance), for "did you mean" hints. */
export function nearestName(unknown: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const d = editDistance(unknown.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.ceil(unknown.length / 3)) ? best : undefined;
}

/** Edits from a to b: insert, delete, replace, or swap two neighbours (the commonest typo: `prot` → `port`). */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j]!, before[j - 2]! + 1);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}
