/**
 * The whole package, as an author gets it: `npm pack`, installed from the tarball into an
 * empty folder with no repository beside it (so no devDependencies and no build step), then
 * the installed `leverage`: --version, init, check, build, preview (one request), every --help.
 *
 * Slow (npm install from the registry's cache, about half a minute): it belongs with the slow suites.
 * The tarball is packed with --ignore-scripts from the lib/ the tests' global setup compiled:
 * `npm pack` itself would run `prepare` (npm run compile), which rebuilds lib/bundle/ under
 * the other tests' feet; that `prepare` compiles is checked on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from '../../src/cli.js';
import { startServing } from '../support/serving.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGE = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  scripts: Record<string, string>;
};

function run(command: string, args: string[], cwd: string, timeout = 170_000) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, CI: 'true' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the packed package, installed into an empty folder', () => {
  let work: string;
  let app: string;
  let tarball: string;
  let files: string[];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'leverage-package-'));
    const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], REPO);
    expect(packed.code, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    tarball = join(work, info!.filename);
    files = info!.files.map((f) => f.path).sort();
    app = join(work, 'blog');
    await mkdir(app);
    const installed = run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], app);
    expect(installed.code, installed.stderr).toBe(0);
  }, 180_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('holds the compiled command, the default theme, README and LICENSE; no sources, tests or example records', () => {
    expect(tarball).toMatch(new RegExp(`${PACKAGE.name}-${PACKAGE.version.replace(/\./g, '\\.')}\\.tgz$`));
    for (const file of ['bin/leverage.js', 'lib/bundle/cli.js', 'lib/bundle/worker.js', 'lib/bundle/hash.json', 'templates/record.hbs', 'templates/partials/layout.hbs', 'public/style.css', 'README.md', 'LICENSE', 'package.json']) {
      expect(files, file).toContain(file);
    }
    expect(files.filter((f) => /^(src|test|records)\/|^site\.yaml$|^tsconfig|^vitest|\.ts$/.test(f))).toEqual([]);
    // `npm pack` and a git install compile it first.
    expect(PACKAGE.scripts['prepare']).toBe('npm run compile');
  });

  it('installs no build tools: the command runs as packed', async () => {
    const modules = await readdir(join(app, 'node_modules'));
    for (const tool of ['typescript', 'esbuild', 'vitest']) expect(modules, tool).not.toContain(tool);
    expect(existsSync(join(app, 'node_modules', PACKAGE.name, 'lib/bundle/cli.js'))).toBe(true);
  });

  it('npx leverage --version, and every --help', () => {
    const version = run('npx', ['leverage', '--version'], app);
    expect(version).toEqual({ code: 0, stdout: `${PACKAGE.version}\n`, stderr: '' });
    const help = run('npx', ['leverage', 'help'], app);
    expect(help.code).toBe(0);
    for (const name of Object.keys(COMMANDS)) {
      expect(help.stdout, name).toContain(`  ${name}`);
      const own = run('npx', ['leverage', name, '--help'], app);
      expect(own.code, own.stderr).toBe(0);
      expect(own.stdout).toMatch(new RegExp(`^usage: leverage ${name}\\b[^\\n]*\\n\\n[^\\n]+\\n\\noptions:\\n`));
    }
  }, 120_000);

  it('init, check, build, preview', async () => {
    const init = run('npx', ['leverage', 'init', '--github-pages'], app);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('  wrote site.yaml\n');
    expect(init.stdout).toContain('  added the scripts build, dev, check, preview, new to package.json\n');
    expect(existsSync(join(app, '.github/workflows/deploy.yml'))).toBe(true);

    const check = run('npx', ['leverage', 'check'], app);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toBe('1 record OK, 2 warnings.\n');

    const build = run('npm', ['run', '--silent', 'build'], app);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/^Built 0 records into dist\/: /);
    expect(existsSync(join(app, 'dist/index.html'))).toBe(true);

    const preview = await startServing(['preview', '--port', '0'], { cwd: app, bin: join(app, 'node_modules', PACKAGE.name, 'bin/leverage.js') });
    try {
      const response = await fetch(preview.url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<h1>My Leverage Record</h1>');
    } finally {
      expect((await preview.stop()).code).toBe(0);
    }
  }, 120_000);
});
