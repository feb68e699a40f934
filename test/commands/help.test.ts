/** A CLI that explains itself: --version, help, every command's --help, and usage errors in our words. */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { COMMANDS } from '../../src/cli.js';
import { runCli } from '../support/cli.js';

const NAMES = Object.keys(COMMANDS) as (keyof typeof COMMANDS)[];

describe('leverage --version and help', () => {
  it('--version prints the version of the package', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const result = await runCli(['--version']);
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('help lists every command with one line each', async () => {
    for (const args of [['help'], ['--help'], ['-h']]) {
      const result = await runCli(args);
      expect(result.code).toBe(0);
      const lines = result.stdout.split('\n');
      for (const name of NAMES) {
        expect(lines.filter((line) => line.startsWith(`  ${name} `)), name).toEqual([expect.stringContaining(COMMANDS[name].does)]);
      }
    }
  });

  it('no command at all: the list, and exit 1', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^usage: leverage <command> \[options\]\n/);
  });

  it.each(NAMES)('leverage %s --help lists every option of the command with one line each', async (name) => {
    const result = await runCli([name, '--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^usage: leverage ${name}\\b`));
    const options = Object.entries(COMMANDS[name].options as Record<string, { value?: string; help: string }>);
    for (const [option, spec] of options) {
      const flag = `--${option}${spec.value ? ` ${spec.value}` : ''}`;
      expect(lines.filter((line) => line.trimStart().startsWith(`${flag} `)), flag).toEqual([expect.stringMatching(new RegExp(`${flag}\\s+${escape(spec.help)}$`))]);
    }
    expect(lines).toContainEqual(expect.stringMatching(/^\s+-h, --help\s+show this help$/));
    // `leverage help build` says the same.
    expect((await runCli(['help', name])).stdout).toBe(result.stdout);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('usage errors, in our words, with the nearest valid name', () => {
  it.each([
    [['biuld'], 'leverage: unknown command "biuld" (did you mean leverage build?)'],
    [['chek'], 'leverage: unknown command "chek" (did you mean leverage check?)'],
    [['publish'], 'leverage: unknown command "publish" (leverage help lists the commands)'],
    [['help', 'previwe'], 'leverage: unknown command "previwe" (did you mean leverage preview?)'],
    [['--root', '.', 'build'], 'leverage: --root before a command (options come after it, e.g. leverage build --root; leverage help lists the commands)'],
    [['build', '--draft'], 'leverage build: unknown option --draft (did you mean --drafts?)'],
    [['dev', '--prot', '80'], 'leverage dev: unknown option --prot (did you mean --port?)'],
    [['check', '--verbose'], 'leverage check: unknown option --verbose (see leverage check --help)'],
    [['build', '-x'], 'leverage build: unknown option -x (see leverage build --help)'],
    [['build', '--root'], 'leverage build: --root needs a value (e.g. --root DIR)'],
    [['build', '--root', '--drafts'], 'leverage build: --root needs a value (e.g. --root DIR)'],
    [['build', '--drafts=yes'], 'leverage build: --drafts takes no value (write just --drafts)'],
    [['build', 'site'], 'leverage build: unexpected argument "site" (it takes no arguments besides its options; see leverage build --help)'],
    [['init', 'a', 'b'], 'leverage init: unexpected argument "b" (it takes [DIR]; see leverage init --help)'],
    [['new', '--from-session'], 'leverage new: unknown option --from-session (did you mean --from-sessions?)'],
    [['new', '--tz', 'UTC'], 'leverage new: --tz is read only with --from-sessions (add --from-sessions, or leave --tz out)'],
    [['check', '--logs', 'logs'], 'leverage check: --logs is read only with --sessions (add --sessions, or leave --logs out)'],
    [['sessions', '--log', 'logs'], 'leverage sessions: unknown option --log (did you mean --logs?)'],
    [['add', 'Fix', 'the', 'form'], 'leverage add: unexpected argument "the" (it takes "TASK"; see leverage add --help)'],
    [['add', 'Fix the form', '--human'], 'leverage add: --human needs a value (e.g. --human H)'],
  ])('leverage %j', async (args, message) => {
    const result = await runCli(args);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `${message}\n` });
  });
});
