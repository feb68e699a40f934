#!/usr/bin/env node
// The `leverage` command. The TypeScript sources are compiled to lib/ by `npm install`
// (the package's `prepare` script) and by `npm run compile`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../lib/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error('leverage: the compiled sources are missing (lib/cli.js); run `npm run compile` first.');
  process.exit(1);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
