/**
 * The `leverage` command: flags → calls. Each command lives in src/commands/ and returns an
 * exit code; nothing here knows how the stages work.
 *
 * Commands are loaded when run: `build` then does not load the HTML parser of `import` or
 * the file watcher of `dev` (a quarter of the bundled code), which took 40–50 ms to start.
 */
type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { load: () => Promise<Command>; synopsis: string; does: string }> = {
  build: {
    load: async () => (await import('./commands/build.js')).buildCommand,
    synopsis: 'build [--root DIR] [--out DIR] [--drafts] [--no-cache] [--timings]',
    does: 'build the site',
  },
  dev: {
    load: async () => (await import('./commands/dev.js')).devCommand,
    synopsis: 'dev [--root DIR] [--port N] [--drafts]',
    does: 'serve on 127.0.0.1, rebuild on change',
  },
  new: {
    load: async () => (await import('./commands/new.js')).newCommand,
    synopsis: 'new [YYYY-MM-DD] [--root DIR]',
    does: 'write a new record file',
  },
  check: {
    load: async () => (await import('./commands/check.js')).checkCommand,
    synopsis: 'check [--root DIR]',
    does: 'validate records and config',
  },
  sessions: {
    load: async () => (await import('./commands/sessions.js')).sessionsCommand,
    synopsis: 'sessions [DATE | --since DATE] [--logs DIR] [--tz ZONE] [--json]',
    does: "each day's Claude time and tokens from Claude Code's logs",
  },
  add: {
    load: async () => (await import('./commands/add.js')).addCommand,
    synopsis: 'add TASK --human H --claude C [--date D] [--project P] [--supervision S]',
    does: "append a task to a day's record",
  },
  clean: {
    load: async () => (await import('./commands/clean.js')).cleanCommand,
    synopsis: 'clean [--root DIR]',
    does: 'remove the build cache',
  },
  import: {
    load: async () => (await import('./commands/import.js')).importCommand,
    synopsis: 'import FILE… [--out DIR] [--check-only]',
    does: 'turn hand-written posts into records',
  },
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
    const run = await command.load();
    return await run(args);
  } catch (err) {
    // Bad input is reported by the commands themselves; reaching here is a bug in the generator.
    console.error(`leverage ${name}: internal error: ${(err as Error).message}`);
    if (process.env.LEVERAGE_DEBUG) console.error((err as Error).stack);
    return 2;
  }
}
