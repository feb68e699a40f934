/**
 * The `leverage` command: flags → calls. Each command lives in src/commands/ and returns an
 * exit code; nothing here knows how the stages work.
 */
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { newCommand } from './commands/new.js';
import { importCommand } from './commands/import.js';
import { devCommand } from './commands/dev.js';
import { cleanCommand } from './commands/clean.js';

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: Command; synopsis: string; does: string }> = {
  build: { run: buildCommand, synopsis: 'build [--root DIR] [--out DIR] [--drafts] [--no-cache] [--timings]', does: 'build the site' },
  dev: { run: devCommand, synopsis: 'dev [--root DIR] [--port N] [--drafts]', does: 'serve on 127.0.0.1, rebuild on change' },
  new: { run: newCommand, synopsis: 'new [YYYY-MM-DD] [--root DIR]', does: 'write a new record file' },
  check: { run: checkCommand, synopsis: 'check [--root DIR]', does: 'validate records and config' },
  clean: { run: cleanCommand, synopsis: 'clean [--root DIR]', does: 'remove the build cache' },
  import: { run: importCommand, synopsis: 'import FILE… [--out DIR] [--check-only]', does: 'turn hand-written posts into records' },
};

function usage(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.synopsis.length));
  const lines = Object.values(COMMANDS).map((c) => `  leverage ${c.synopsis.padEnd(width)}  ${c.does}`);
  return ['usage: leverage <command> [options]', '', ...lines].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`leverage: unknown command "${name}"\n\n${usage()}`);
    return 1;
  }
  try {
    return await command.run(args);
  } catch (err) {
    // Bad input is reported by the commands themselves; reaching here is a bug in the generator.
    console.error(`leverage ${name}: internal error: ${(err as Error).message}`);
    if (process.env.LEVERAGE_DEBUG) console.error((err as Error).stack);
    return 2;
  }
}
