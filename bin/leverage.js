#!/usr/bin/env node
// The `leverage` command. The TypeScript sources are compiled to lib/ and bundled into
// lib/bundle/ by `npm install` (the package's `prepare` script) and by `npm run compile`.
// The bundle is a few files to load instead of hundreds of modules (each command's own code
// in its chunk): it starts the command (and each worker thread) in a fraction of the time.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const candidates = ['../lib/bundle/cli.js', '../lib/cli.js'].map((path) => new URL(path, import.meta.url));
const cli = candidates.find((url) => existsSync(fileURLToPath(url)));
if (!cli) {
  console.error('leverage: the compiled sources are missing (lib/cli.js); run `npm run compile` first.');
  process.exit(1);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
