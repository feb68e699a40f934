import { relative } from 'node:path';
import { build } from '../build.js';
import { parseFlags } from './args.js';
import { printDiagnostics, reportBuildError } from './report.js';

export async function buildCommand(args: string[]): Promise<number> {
  const parsed = parseFlags('build', args, {
    root: { type: 'string' },
    out: { type: 'string' },
    drafts: { type: 'boolean' },
  });
  if (!parsed) return 1;
  const root = parsed.values.root ?? '.';
  try {
    const summary = await build({
      root,
      ...(parsed.values.out ? { out: parsed.values.out } : {}),
      drafts: parsed.values.drafts ?? false,
      onProgress: (line) => {
        if (process.stderr.isTTY && !process.env.CI) console.error(line);
      },
    });
    printDiagnostics(summary.warnings);
    const out = relative(process.cwd(), summary.out) || '.';
    console.log(
      `Built ${summary.records} records into ${out}/: ${summary.pages} pages, ${summary.files} files in ${(summary.ms / 1000).toFixed(2)} s`,
    );
    return 0;
  } catch (err) {
    if (reportBuildError(err)) return 1;
    throw err;
  }
}
