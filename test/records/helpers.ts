/** Small helpers for the record tests: write a file from lines, see problems as the author does. */
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { formatDiagnosticLine } from '../../src/diagnostics.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { parseRecord } from '../../src/records/read.js';

export function lines(...all: string[]): string {
  return `${all.join('\n')}\n`;
}

/** `path:line:column: message (hint)`, as printed by the command. */
export function seen(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(formatDiagnosticLine);
}

export function parse(file: string, text: string, config = DEFAULT_CONFIG) {
  const result = parseRecord(file, text, config);
  return { ...result, seen: seen(result.diagnostics) };
}

/** A valid record of one task with the given extra front-matter lines before `tasks:`. */
export function oneTask(...fields: string[]): string {
  return lines('---', 'date: 2026-03-02', ...fields, 'tasks:', '  - task: Fix the login form', '    human: 4h', '    claude: 19m', '---', '', 'Body.');
}
