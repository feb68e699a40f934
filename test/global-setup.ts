/**
 * Compiles src/ to lib/ and bundles it into lib/bundle/ once before the tests, so tests that
 * run the real `leverage` command (bin/leverage.js → lib/bundle/cli.js) exercise the current
 * sources, as `npm run compile` does. Two projects of vitest.config.ts name this setup and
 * vitest runs it once for each, in one process: the first run compiles, the second finds it done.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const state = globalThis as { leverageRecordTestsCompiled?: true };
  if (state.leverageRecordTestsCompiled) return;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  // tsc still emits when there are type errors; `npm run typecheck` is what fails on them.
  if (result.status !== 0 && result.status !== 2) {
    throw new Error(`compiling src/ failed:\n${result.stdout}${result.stderr}`);
  }
  const bundled = spawnSync('npm', ['run', '--silent', 'bundle'], { cwd: root, encoding: 'utf8' });
  if (bundled.status !== 0) throw new Error(`bundling lib/ failed:\n${bundled.stdout}${bundled.stderr}`);
  state.leverageRecordTestsCompiled = true;
}
