/**
 * The `leverage` command: the table of commands and their options, and the dispatch. Each
 * command lives in src/commands/ and returns an exit code; nothing here knows how the stages
 * work. A command or an option is one entry of COMMANDS: its help, its parsing and the
 * nearest-name suggestions all come from that entry.
 *
 * Commands are loaded when run: `build` then does not load the HTML parser of `import` or
 * the file watcher of `dev` (a quarter of the bundled code), which took 40–50 ms to start.
 */
import { existsSync, readFileSync } from 'node:fs';
import { nearestName } from './diagnostics.js';
import { commandHelp, parseCommandLine, table, type CommandSpec, type Input } from './commands/args.js';

const ROOT = { type: 'string', value: 'DIR', help: "the blog's folder, which holds records/ (default: the current folder)" } as const;
const DRAFTS = { type: 'boolean', help: 'include the records marked draft: true' } as const;
const LOGS = {
  type: 'string',
  value: 'DIR',
  help: "Claude Code's config folder or its projects/ folder (default: CLAUDE_CONFIG_DIR, else ~/.config/claude and ~/.claude)",
} as const;
const TZ = { type: 'string', value: 'ZONE', help: "the IANA time zone of the days, e.g. Europe/Berlin (default: timeZone in site.yaml, else this machine's)" } as const;

export const COMMANDS = {
  init: {
    does: 'start a new blog in DIR (default: the current folder): records/, site.yaml, .gitignore, package.json',
    operands: '[DIR]',
    maxOperands: 1,
    options: {
      'github-pages': { type: 'boolean', help: 'also write a GitHub Actions workflow that builds and deploys the site on every push' },
    },
    load: async () => (await import('./commands/init.js')).initCommand,
  },
  new: {
    does: "write a new record, a draft with one example task (default: today's local date); never overwrites",
    operands: '[YYYY-MM-DD]',
    maxOperands: 1,
    options: {
      root: ROOT,
      'from-sessions': { type: 'boolean', help: "draft the day from Claude Code's logs: a task per session with its Claude time and project, the day's tokens" },
      logs: { ...LOGS, help: `with --from-sessions: ${LOGS.help}` },
      tz: { ...TZ, help: `with --from-sessions: ${TZ.help}` },
    },
    load: async () => (await import('./commands/new.js')).newCommand,
  },
  check: {
    does: 'validate every record (drafts included) and site.yaml; exit 1 on errors',
    options: {
      root: ROOT,
      sessions: { type: 'boolean', help: "also warn where a record's Claude time or tokens differ from its day's logs by more than 10%" },
      logs: { ...LOGS, help: `with --sessions: ${LOGS.help}` },
      tz: { ...TZ, help: `with --sessions: ${TZ.help}` },
    },
    load: async () => (await import('./commands/check.js')).checkCommand,
  },
  build: {
    does: 'build the site into dist/; exit 1 with every error listed, leaving the last good output as it was',
    options: {
      root: ROOT,
      out: { type: 'string', value: 'DIR', help: 'the output folder (default: dist/ in the root)' },
      drafts: DRAFTS,
      'no-cache': { type: 'boolean', help: 'ignore the build cache in .leverage-cache/ and make every file again' },
      timings: { type: 'boolean', help: "print each stage's time and memory" },
    },
    load: async () => (await import('./commands/build.js')).buildCommand,
  },
  dev: {
    does: 'build into memory, serve on 127.0.0.1, rebuild on every change and reload open pages',
    options: {
      root: ROOT,
      port: { type: 'string', value: 'N', help: 'the port to serve on (default 4321, or the next free one)' },
      host: {
        type: 'string',
        value: 'ADDR',
        help: 'the address to listen on (default 127.0.0.1); 0.0.0.0 serves to other devices on your network',
      },
      drafts: DRAFTS,
    },
    load: async () => (await import('./commands/dev.js')).devCommand,
  },
  preview: {
    does: 'serve the built site (dist/) on 127.0.0.1, as a static host would',
    options: {
      root: ROOT,
      out: { type: 'string', value: 'DIR', help: 'the folder the build wrote (default: dist/ in the root)' },
      port: { type: 'string', value: 'N', help: 'the port to serve on (default 4322, or the next free one)' },
    },
    load: async () => (await import('./commands/preview.js')).previewCommand,
  },
  sessions: {
    does: "each day's Claude time and tokens from Claude Code's logs (default: every day in them)",
    operands: '[YYYY-MM-DD]',
    maxOperands: 1,
    options: {
      since: { type: 'string', value: 'YYYY-MM-DD', help: 'every day from this one on; files not changed since are not read' },
      logs: LOGS,
      tz: TZ,
      json: { type: 'boolean', help: 'print the days, their sessions and what was skipped as JSON' },
      root: { type: 'string', value: 'DIR', help: "the blog's folder, whose site.yaml sets timeZone and tokensCount (default: the current folder, a blog or not)" },
    },
    load: async () => (await import('./commands/sessions.js')).sessionsCommand,
  },
  add: {
    does: "append a task to a day's record (made if missing), keeping the file's comments, quoting and order",
    operands: '"TASK"',
    maxOperands: 1,
    options: {
      human: { type: 'string', value: 'H', help: "a senior engineer's estimate: 4h, 1h 30m, 90m; a bare number is hours (required)" },
      claude: { type: 'string', value: 'M', help: "the assistant's wall-clock time: 19m, 1h 5m; a bare number is minutes (required)" },
      supervision: { type: 'string', value: 'M', help: 'your own time steering and reviewing: 5m' },
      project: { type: 'string', value: 'NAME', help: 'the project the task belongs to' },
      date: { type: 'string', value: 'YYYY-MM-DD', help: "the day's record (default: today, in timeZone of site.yaml or else this machine's zone)" },
      root: ROOT,
    },
    load: async () => (await import('./commands/add.js')).addCommand,
  },
  import: {
    does: 'turn hand-written posts (Markdown or HTML) into records',
    operands: 'FILE…',
    maxOperands: Infinity,
    options: {
      out: { type: 'string', value: 'DIR', help: 'where to write the records (default: records/ in the root)' },
      root: ROOT,
      'check-only': { type: 'boolean', help: 'report what would be imported and what is wrong; write nothing' },
    },
    load: async () => (await import('./commands/import.js')).importCommand,
  },
  clean: {
    does: 'remove the build cache (.leverage-cache/)',
    options: { root: ROOT },
    load: async () => (await import('./commands/clean.js')).cleanCommand,
  },
} as const satisfies Record<string, CommandSpec & { load: () => Promise<Command> }>;

export type CommandName = keyof typeof COMMANDS;

/** What a command receives: its options' values, typed by its entry in COMMANDS, and its operands. */
export type CommandInput<N extends CommandName> = Input<(typeof COMMANDS)[N]['options']>;

/** A command as run: the arguments after its name → exit code. */
export type Command = (args: string[]) => Promise<number>;

/**
 * A command from its body: parses the arguments by its entry in COMMANDS, answers `--help`
 * and usage errors, and gives the body typed values. (Export it annotated as `Command`:
 * the table's type depends on it.)
 */
export function command<N extends CommandName>(name: N, run: (input: CommandInput<N>) => Promise<number>): Command {
  return async (args) => {
    const spec: CommandSpec = COMMANDS[name];
    const line = parseCommandLine(name, spec, args);
    if (line.kind === 'help') {
      console.log(commandHelp(name, spec));
      return 0;
    }
    if (line.kind === 'usage') {
      console.error(line.message);
      return 1;
    }
    return run(line.input as CommandInput<N>);
  };
}

function overview(): string {
  const rows = Object.entries(COMMANDS).map(([name, spec]) => {
    const operands = 'operands' in spec ? ` ${spec.operands}` : '';
    return [`${name}${operands}`, spec.does] as const;
  });
  return [
    'usage: leverage <command> [options]',
    '',
    'commands:',
    ...table(rows),
    '',
    'leverage <command> --help lists the options of a command; leverage --version prints the version.',
  ].join('\n');
}

/** The version of the package this file belongs to: the nearest package.json above it. */
function packageVersion(): string {
  for (let dir = new URL('./', import.meta.url); ; dir = new URL('../', dir)) {
    const file = new URL('package.json', dir);
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    if (dir.pathname === '/') return 'unknown';
  }
}

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

function unknownCommand(name: string): string {
  const nearest = nearestName(name, Object.keys(COMMANDS));
  const guess = nearest ? `did you mean leverage ${nearest}?` : 'leverage help lists the commands';
  return `leverage: unknown command ${JSON.stringify(name)} (${guess})`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    console.error(overview());
    return 1;
  }
  if (name === '--version' || name === '-v') {
    console.log(packageVersion());
    return 0;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    const topic = args[0];
    if (topic === undefined) {
      console.log(overview());
      return 0;
    }
    if (!isCommand(topic)) {
      console.error(unknownCommand(topic));
      return 1;
    }
    console.log(commandHelp(topic, COMMANDS[topic]));
    return 0;
  }
  if (name.startsWith('-')) {
    console.error(`leverage: ${name} before a command (options come after it, e.g. leverage build ${name}; leverage help lists the commands)`);
    return 1;
  }
  if (!isCommand(name)) {
    console.error(unknownCommand(name));
    return 1;
  }
  try {
    const run: Command = await COMMANDS[name].load();
    return await run(args);
  } catch (err) {
    // Bad input is reported by the commands themselves; reaching here is a bug in the generator.
    console.error(`leverage ${name}: internal error: ${(err as Error).message}`);
    if (process.env.LEVERAGE_DEBUG) console.error((err as Error).stack);
    return 2;
  }
}
