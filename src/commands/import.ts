/**
 * `leverage import FILE… [--out DIR] [--root DIR] [--check-only]`: hand-written posts →
 * record files in `--out` (default `<root>/records`; the root defaults to the current
 * folder). Exit 0 when every post was imported; 1 when any could not be read (or its record
 * file exists already). Figures that disagree with the durations are warnings.
 */
import { relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { loadConfig } from '../config/load.js';
import { importPosts, type ImportReport, type PostResult } from '../import/index.js';
import { command, type Command } from '../cli.js';

/** `post.md:17: message (hint)`, or `post.md: message` for the whole file. */
export function formatImportMessage(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}` : d.file;
  return `${where}: ${d.message}${d.hint ? ` (${d.hint})` : ''}`;
}

export const importCommand: Command = command('import', async ({ values, positionals }) => {
  if (positionals.length === 0) {
    console.error('leverage import: no post given (e.g. leverage import post.md; see leverage import --help)');
    return 1;
  }
  const root = resolve(values.root ?? '.');
  const outDir = values.out === undefined ? resolve(root, 'records') : resolve(values.out);
  const checkOnly = values['check-only'] ?? false;
  const { config } = await loadConfig(root);

  const report = await importPosts(positionals, { outDir, checkOnly, workWeekHours: config.workWeekHours });
  for (const result of report.results) printResult(result, checkOnly);
  console.log(summary(report, checkOnly));
  return report.exitCode;
});

function shown(path: string): string {
  return relative(process.cwd(), path) || path;
}

function printResult(result: PostResult, checkOnly: boolean): void {
  for (const d of result.diagnostics) console.error(formatImportMessage(d));
  if (result.status !== 'imported' || !result.post || !result.output) return;
  const tasks = `${result.post.tasks.length} ${result.post.tasks.length === 1 ? 'task' : 'tasks'}`;
  const verb = checkOnly ? 'checked' : 'imported';
  const target = checkOnly ? `would write ${shown(result.output)}` : shown(result.output);
  console.log(`${verb} ${result.file} → ${target} (${result.post.date}, ${tasks})`);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function summary(report: ImportReport, checkOnly: boolean): string {
  const count = (status: PostResult['status']): number => report.results.filter((r) => r.status === status).length;
  const imported = count('imported');
  const parts = [`${imported} ${checkOnly ? 'would be imported' : 'imported'}`];
  if (count('exists')) parts.push(`${count('exists')} skipped (record file exists)`);
  if (count('failed')) parts.push(`${count('failed')} could not be read`);
  const lines = [`${plural(report.results.length, 'post', 'posts')}: ${parts.join(', ')}.`];
  // Only the posts written (or that would be): a skipped post's figures change nothing.
  const mismatches = report.results.filter((r) => r.status === 'imported').reduce((n, r) => n + r.mismatches, 0);
  if (mismatches > 0) {
    lines.push(
      `${plural(mismatches, 'printed figure disagrees', 'printed figures disagree')} with the durations: ` +
        `warnings only; the durations are the facts, so those posts ${checkOnly ? 'would still be' : 'were still'} imported ` +
        'and their records compute every factor from them.',
    );
  }
  return lines.join('\n');
}
