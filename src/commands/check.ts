import { hasErrors, sortDiagnostics } from '../diagnostics.js';
import { command, type Command } from '../cli.js';
import { loadConfig } from '../config/load.js';
import { readRecords } from '../records/read.js';
import { compareRecordsWithLogs, strayLogOption } from './logs.js';
import { printDiagnostics } from './report.js';
import { blogRoot } from './root.js';

export const checkCommand: Command = command('check', async ({ values }) => {
  if (!values.sessions && strayLogOption('check', '--sessions', values)) return 1;
  const root = await blogRoot('check', values.root);
  if (!root) return 1;
  const loaded = await loadConfig(root);
  const read = await readRecords(root, loaded.config, { drafts: true });
  const sources = new Map(read.sources);
  if (loaded.file && loaded.source !== null) sources.set(loaded.file, loaded.source);
  const fromLogs = values.sessions ? await compareRecordsWithLogs(read.records, read.sources, loaded.config, values) : [];
  if (fromLogs === null) return 1;
  const diagnostics = [...loaded.diagnostics, ...sortDiagnostics([...read.diagnostics, ...fromLogs])];
  printDiagnostics(diagnostics, sources);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (hasErrors(diagnostics)) {
    console.error(`\n${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.`);
    return 1;
  }
  console.log(`${read.records.length} ${read.records.length === 1 ? 'record' : 'records'} OK${warnings ? `, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''}.`);
  return 0;
});
