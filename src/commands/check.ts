import { resolve } from 'node:path';
import { hasErrors } from '../diagnostics.js';
import { loadConfig } from '../config/load.js';
import { readRecords } from '../records/read.js';
import { parseFlags } from './args.js';
import { compareRecordsWithLogs, LOG_FLAGS } from './logs.js';
import { printDiagnostics } from './report.js';

export async function checkCommand(args: string[]): Promise<number> {
  const parsed = parseFlags('check', args, { root: { type: 'string' }, sessions: { type: 'boolean' }, ...LOG_FLAGS });
  if (!parsed) return 1;
  const root = resolve(parsed.values.root ?? '.');
  const loaded = await loadConfig(root);
  const read = await readRecords(root, loaded.config, { drafts: true });
  const sources = new Map(read.sources);
  if (loaded.file && loaded.source !== null) sources.set(loaded.file, loaded.source);
  const fromLogs = parsed.values.sessions ? await compareRecordsWithLogs(read.records, read.sources, loaded.config, parsed.values) : [];
  if (fromLogs === null) return 1;
  const diagnostics = [...loaded.diagnostics, ...read.diagnostics, ...fromLogs];
  printDiagnostics(diagnostics, sources);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (hasErrors(diagnostics)) {
    console.error(`\n${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.`);
    return 1;
  }
  console.log(`${read.records.length} records OK${warnings ? `, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''}.`);
  return 0;
}
