/**
 * The `leverage` command: flags → calls. Each command lives in src/commands/ and returns an
 * exit code; nothing here knows how the stages work.
 */
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { newCommand } from './commands/new.js';
import { importCommand } from './commands/import.js';

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  build: { run: buildCommand, usage: 'build [--root DIR] [--out DIR] [--drafts]              build the site' },
  new: { run: newCommand, usage: 'new [YYYY-MM-DD] [--root DIR]                            write a new record file' },
  check: { run: checkCommand, usage: 'check [--root DIR]                                     validate records and config' },
  import: { run: importCommand, usage: 'import FILE… [--out DIR] [--check-only]                turn hand-written posts into records' },
};

function usage(): string {
  return ['usage: leverage <command> [options]', '', ...Object.values(COMMANDS).map((c) => `  leverage ${c.usage}`)].join('\n');
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
