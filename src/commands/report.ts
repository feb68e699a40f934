/** Printing diagnostics for the terminal: `path:line:column: message (hint)` and a code frame. */
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { BuildFailed } from '../build.js';
import { BuildError } from '../diagnostics.js';

export function printDiagnostics(diagnostics: readonly Diagnostic[], sources?: Map<string, string>): void {
  for (const d of diagnostics) {
    console.error(formatDiagnostic(d, sources?.get(d.file)));
  }
}

/** Prints a failed build's problems; returns false for errors that are not bad input. */
export function reportBuildError(err: unknown): boolean {
  if (err instanceof BuildFailed) {
    printDiagnostics(err.diagnostics, err.sources);
  } else if (err instanceof BuildError) {
    printDiagnostics(err.diagnostics);
  } else {
    return false;
  }
  const errors = err.diagnostics.filter((d) => d.severity === 'error').length;
  console.error(`\n${errors} ${errors === 1 ? 'error' : 'errors'}; nothing was written.`);
  return true;
}
