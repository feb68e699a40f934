import { relative } from 'node:path';
import { build, type BuildSummary } from '../build.js';
import { command, type Command } from '../cli.js';
import { printDiagnostics, reportBuildError } from './report.js';
import { blogRoot } from './root.js';

export const buildCommand: Command = command('build', async ({ values }) => {
  const root = await blogRoot('build', values.root);
  if (!root) return 1;
  const progress = progressPrinter();
  try {
    const summary = await build({
      root,
      ...(values.out ? { out: values.out } : {}),
      drafts: values.drafts ?? false,
      cache: !values['no-cache'],
      onProgress: progress.update,
    });
    progress.done();
    for (const note of summary.notes) console.error(`note: ${note}`);
    printDiagnostics(summary.warnings);
    console.log(summaryLine(summary));
    if (values.timings) {
      const lines = summary.timings.map(
        (t) =>
          `  ${t.stage.padEnd(8)} ${(t.ms / 1000).toFixed(3).padStart(8)} s ${(t.cpuMs / 1000).toFixed(3).padStart(8)} s ${Math.round(t.rss / 2 ** 20).toString().padStart(6)} MB`,
      );
      console.log(`  stage        time      cpu    memory\n${lines.join('\n')}\n  peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
    }
    return 0;
  } catch (err) {
    progress.done();
    if (reportBuildError(err)) return 1;
    throw err;
  }
});

export function summaryLine(summary: BuildSummary): string {
  const out = relative(process.cwd(), summary.out) || '.';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    `Built ${plural(summary.records, 'record')} into ${out}/: ${plural(summary.pages, 'page')}, ` +
    `${summary.written} files written, ${summary.unchanged} unchanged` +
    `${summary.removed ? `, ${summary.removed} removed` : ''} in ${(summary.ms / 1000).toFixed(2)} s` +
    (summary.draftsLeftOut ? `; ${plural(summary.draftsLeftOut, 'draft')} left out (build --drafts includes ${summary.draftsLeftOut === 1 ? 'it' : 'them'})` : '')
  );
}

/**
 * Progress of long builds on stderr: one updating line on a terminal; plain lines, at each
 * thousand and at the end of a stage, when not on a terminal or under CI.
 */
function progressPrinter() {
  const live = Boolean(process.stderr.isTTY) && !process.env.CI;
  let shown = false;
  const printed = new Map<string, number>();
  return {
    update(stage: string, done: number, total: number) {
      if (total < 1000) return;
      if (live) {
        process.stderr.write(`\r${stage} ${done}/${total}\x1b[K`);
        shown = true;
        return;
      }
      const step = done === total ? total : Math.floor(done / 1000) * 1000;
      if (step > (printed.get(stage) ?? 0)) {
        printed.set(stage, step);
        console.error(`${stage} ${step}/${total}`);
      }
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}
