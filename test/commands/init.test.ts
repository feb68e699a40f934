/** `leverage init`: a new blog that builds; never overwriting; the GitHub Pages workflow. */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseConfig } from '../../src/config/load.js';
import { CONFIG_KEYS } from '../../src/config/types.js';
import { formatDiagnosticLine } from '../../src/diagnostics.js';
import { readTree, removeRoot } from '../support/site.js';
import { runCli } from '../support/cli.js';

const folders: string[] = [];
async function emptyFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'leverage-init-'));
  folders.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(folders.splice(0).map(removeRoot));
});

/** Today as `leverage init` sees it (the local date; these tests run in one time zone). */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

describe('leverage init', () => {
  it('writes a blog that checks and builds: records/ with a draft of today, site.yaml, .gitignore, package.json', async () => {
    const parent = await emptyFolder();
    const result = await runCli(['init', 'my-blog'], { cwd: parent });
    expect(result.code).toBe(0);
    const dir = join(parent, 'my-blog');
    expect([...(await readTree(dir)).keys()].sort()).toEqual(['.gitignore', 'package.json', `records/${today()}.md`, 'site.yaml']);
    expect(result.stdout).toContain(`  wrote records/${today()}.md (a draft with an example task)\n`);
    expect(result.stdout).toContain('  cd my-blog\n');

    const record = await readFile(join(dir, `records/${today()}.md`), 'utf8');
    expect(record).toMatch(new RegExp(`^---\\ndate: ${today()}\\ndraft: true\\b`));
    // Every field a record may have is shown, the optional ones commented out.
    for (const field of ['title', 'model', 'tags', 'tokens', 'tasksCompleted', 'supervision', 'project']) {
      expect(record).toMatch(new RegExp(`^\\s*# (- )?${field}: `, 'm'));
    }
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe('dist/\n.leverage-cache/\nnode_modules/\n');
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'my-blog', private: true, scripts: { build: 'leverage build', dev: 'leverage dev', check: 'leverage check' } });

    const check = await runCli(['check', '--root', dir]);
    expect(check.code).toBe(0);
    expect(check.stderr).toMatch(/^site\.yaml: warning: url is not set/m);
    expect(check.stderr).toMatch(/warning: this is still the example task/);
    expect((await runCli(['build', '--root', dir])).code).toBe(0);
    expect(existsSync(join(dir, 'dist/index.html'))).toBe(true);
    expect((await runCli(['build', '--root', dir, '--drafts'])).code).toBe(0);
    expect(existsSync(join(dir, `dist/records/${today()}/index.html`))).toBe(true);
  });

  it('site.yaml shows every key; uncommented, each is a valid setting', async () => {
    const dir = await emptyFolder();
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    const text = await readFile(join(dir, 'site.yaml'), 'utf8');
    for (const key of CONFIG_KEYS) expect(text, key).toMatch(new RegExp(`^(# )?${key}:`, 'm'));
    expect(text).toMatch(/^url:$/m);
    const uncommented = text
      .split('\n')
      .filter((line) => /^# ?(\w+:|  \S)/.test(line) && !/^# [A-Z]/.test(line))
      .map((line) => line.replace(/^# /, ''))
      .join('\n')
      .replace(/^url:$/m, '');
    const { config, diagnostics } = parseConfig('site.yaml', `url: https://example.org\n${uncommented}\n`);
    expect(diagnostics.map(formatDiagnosticLine)).toEqual([]);
    expect(config.author?.name).toBe('Your Name');
    expect(Object.keys(parse(uncommented) as object).length).toBeGreaterThanOrEqual(CONFIG_KEYS.length - 2);
  });

  it('never overwrites: in a folder that has some of it, adds only what is missing, and says so', async () => {
    const dir = await emptyFolder();
    await mkdir(join(dir, 'records'));
    await writeFile(join(dir, 'records/2026-03-02.md'), 'mine');
    await writeFile(join(dir, 'site.yaml'), 'title: Mine\n');
    await writeFile(join(dir, '.gitignore'), 'node_modules\n/dist');
    await writeFile(join(dir, 'package.json'), '{\n    "name": "mine",\n    "scripts": {\n        "build": "my own build"\n    }\n}\n');
    const result = await runCli(['init', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  kept  records/ (it exists)\n');
    expect(result.stdout).toContain('  kept  site.yaml (it exists)\n');
    expect(result.stdout).toContain('  added .leverage-cache/ to .gitignore\n');
    expect(result.stdout).toContain('  added the scripts dev, check, preview, new to package.json\n');
    expect(await readFile(join(dir, 'records/2026-03-02.md'), 'utf8')).toBe('mine');
    expect(await readFile(join(dir, 'site.yaml'), 'utf8')).toBe('title: Mine\n');
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe('node_modules\n/dist\n.leverage-cache/\n');
    const pkg = await readFile(join(dir, 'package.json'), 'utf8');
    expect(pkg).toMatch(/^\{\n {4}"name": "mine",\n {4}"scripts": \{\n {8}"build": "my own build",\n {8}"dev": "leverage dev",/);
    expect([...(await readTree(dir)).keys()].sort()).toEqual(['.gitignore', 'package.json', 'records/2026-03-02.md', 'site.yaml']);

    const again = await runCli(['init', dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('The blog was all there: nothing was written.');
    expect(await readFile(join(dir, 'package.json'), 'utf8')).toBe(pkg);
  });

  it('a package.json that is not JSON is reported, and left as it is', async () => {
    const dir = await emptyFolder();
    await writeFile(join(dir, 'package.json'), '{ nope');
    const result = await runCli(['init', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ {2}problem package\.json is not valid JSON \(.*\); its scripts were not added$/m);
    expect(await readFile(join(dir, 'package.json'), 'utf8')).toBe('{ nope');
    expect(existsSync(join(dir, 'site.yaml'))).toBe(true);
  });

  it('--github-pages writes a workflow that builds and deploys on every push, with Node 20', async () => {
    const dir = await emptyFolder();
    const result = await runCli(['init', '--github-pages'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  wrote .github/workflows/deploy.yml\n');
    const workflow = parse(await readFile(join(dir, '.github/workflows/deploy.yml'), 'utf8'));
    expect(Object.keys(workflow.on)).toContain('push');
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    const steps = [...workflow.jobs.build.steps, ...workflow.jobs.deploy.steps];
    const uses = steps.map((s: { uses?: string }) => s.uses?.split('@')[0]).filter(Boolean);
    expect(uses).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'actions/configure-pages',
      'actions/upload-pages-artifact',
      'actions/deploy-pages',
    ]);
    expect(steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/setup-node')).with['node-version']).toBe(20);
    expect(steps.map((s: { run?: string }) => s.run).filter(Boolean)).toEqual(['npm ci', 'npx leverage check', 'npx leverage build']);
    expect(steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/upload-pages-artifact')).with.path).toBe('dist');
    expect(workflow.jobs.deploy.needs).toBe('build');
  });
});
