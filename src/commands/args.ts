/**
 * The command line of one command: its options as declared in the command table (src/cli.ts),
 * parsed into typed values, with its help text made from the same declarations, and usage
 * errors in our words (the nearest valid option named) instead of Node's messages.
 */
import { parseArgs } from 'node:util';
import { nearestName } from '../diagnostics.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** The value's name in the help and in messages: `DIR`, `N`, `ADDR`. */
  value?: string;
  /** One line for the help. */
  help: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface CommandSpec {
  /** One line: what the command does. */
  does: string;
  /** What follows the command besides options, as the help shows it: `[DIR]`, `FILE…`. */
  operands?: string;
  /** How many operands it takes at most (default: none). */
  maxOperands?: number;
  options: OptionSpecs;
}

export type Values<O extends OptionSpecs> = { -readonly [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };

export interface Input<O extends OptionSpecs> {
  values: Values<O>;
  positionals: string[];
}

export type ParsedLine = { kind: 'help' } | { kind: 'run'; input: Input<OptionSpecs> } | { kind: 'usage'; message: string };

/** Every command understands these besides its own options. */
const HELP: OptionSpec = { type: 'boolean', help: 'show this help' };

export function parseCommandLine(name: string, spec: CommandSpec, args: string[]): ParsedLine {
  const options: Record<string, OptionSpec> = { ...spec.options, help: HELP };
  const config = Object.fromEntries(Object.entries(options).map(([key, option]) => [key, { type: option.type }]));
  const { values, positionals, tokens } = parseArgs({
    args,
    options: { ...config, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  if (values.help) return { kind: 'help' };
  const seeHelp = `see leverage ${name} --help`;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!option) {
      const nearest = nearestName(token.name, Object.keys(spec.options));
      const guess = nearest ? `did you mean --${nearest}?` : seeHelp;
      return usage(name, `unknown option ${token.rawName} (${guess})`);
    }
    const example = `--${token.name} ${option.value ?? 'VALUE'}`;
    if (option.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      return usage(name, `${token.rawName} needs a value (e.g. ${example})`);
    }
    if (option.type === 'boolean' && token.value !== undefined) {
      return usage(name, `${token.rawName} takes no value (write just --${token.name})`);
    }
  }
  const extra = positionals.slice(spec.maxOperands ?? 0);
  if (extra.length > 0) {
    const takes = spec.operands ? `it takes ${spec.operands}` : 'it takes no arguments besides its options';
    return usage(name, `unexpected argument ${JSON.stringify(extra[0])} (${takes}; ${seeHelp})`);
  }
  return { kind: 'run', input: { values: values as Values<OptionSpecs>, positionals } };
}

function usage(name: string, message: string): ParsedLine {
  return { kind: 'usage', message: `leverage ${name}: ${message}` };
}

/** `leverage build [options]`, what it does, and every option with one line each. */
export function commandHelp(name: string, spec: CommandSpec): string {
  const rows = Object.entries({ ...spec.options, help: HELP }).map(([key, option]) => {
    const flag = key === 'help' ? '-h, --help' : `--${key}${option.value ? ` ${option.value}` : ''}`;
    return [flag, option.help] as const;
  });
  return [
    `usage: leverage ${name}${spec.operands ? ` ${spec.operands}` : ''} [options]`,
    '',
    `${spec.does[0]!.toUpperCase()}${spec.does.slice(1)}.`,
    '',
    'options:',
    ...table(rows),
  ].join('\n');
}

/** Two columns, the first padded to its widest entry. */
export function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}
