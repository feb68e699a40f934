/** Flag parsing shared by the commands, with usage errors instead of exceptions. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type Options = NonNullable<ParseArgsConfig['options']>;

export type Parsed<O extends Options> = {
  values: { [K in keyof O]?: O[K] extends { type: 'boolean' } ? boolean : string };
  positionals: string[];
};

export function parseFlags<O extends Options>(command: string, args: string[], options: O): Parsed<O> | null {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Parsed<O>['values'], positionals };
  } catch (err) {
    console.error(`leverage ${command}: ${(err as Error).message}`);
    return null;
  }
}
