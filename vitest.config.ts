/**
 * Four projects; `npm test` runs them all, `npm run test:unit` only `unit`.
 * - unit: pure functions and single modules, run from the sources without compiling src/, in
 *   worker threads (cheaper to start than the default child processes). `npm run test:unit`
 *   adds --isolate=false: the files of a worker share their modules instead of importing
 *   them afresh each, which saves most of the CPU time; `npm test` keeps each file
 *   isolated, so a file that passes only after another one has run fails there.
 * - fuzz: the differential suites that compare a fast path with the reference one over
 *   thousands of generated inputs; pure too, but together several times slower than unit.
 * - integration: whole builds, the real `leverage` command, the dev server, the cache, the
 *   compiled default theme; these need src/ compiled to lib/ (test/global-setup.ts). A new test
 *   file lands here unless it is in one of the other projects' lists.
 * - faults: the slow fault-injection and hostile-input suites, which also run the real command,
 *   and the packed package installed into an empty folder.
 * The browser tests have their own config (vitest.e2e.config.ts, `npm run test:e2e`).
 */
import { defineConfig } from 'vitest/config';

const UNIT = [
  'test/escape.test.ts',
  'test/config/**/*.test.ts',
  'test/import/command.test.ts',
  'test/import/edge-cases.test.ts',
  'test/import/posts.test.ts',
  'test/import/values.test.ts',
  'test/incremental/bundle-hash.test.ts',
  'test/incremental/plan.test.ts',
  'test/leverage/**/*.test.ts',
  'test/markdown/plain-text.test.ts',
  'test/output/**/*.test.ts',
  'test/records/**/*.test.ts',
  'test/render/charts.test.ts',
  'test/render/theme.test.ts',
  'test/sessions/**/*.test.ts',
  'test/site/**/*.test.ts',
];
const FUZZ = [
  'test/leverage/fast-rules.test.ts',
  'test/markdown/fast-path.test.ts',
  'test/markdown/risky-fuzz.test.ts',
  'test/records/quick-yaml.test.ts',
];
const FAULTS = ['test/faults/**/*.test.ts', 'test/hostile/**/*.test.ts', 'test/package/**/*.test.ts'];
const BROWSER = ['test/e2e/**'];

const COMPILE_SRC = ['test/global-setup.ts'];
/** Every project: FC_SEED, when set, fixes the seed of the property tests (CI sets it). */
const COMMON = { testTimeout: 30_000, hookTimeout: 60_000, setupFiles: ['test/support/fast-check-seed.ts'] };

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: UNIT, exclude: FUZZ, pool: 'threads', ...COMMON } },
      { test: { name: 'fuzz', include: FUZZ, ...COMMON } },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: [...UNIT, ...FUZZ, ...FAULTS, ...BROWSER],
          globalSetup: COMPILE_SRC,
          ...COMMON,
        },
      },
      { test: { name: 'faults', include: FAULTS, globalSetup: COMPILE_SRC, ...COMMON } },
    ],
  },
});
