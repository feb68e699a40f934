/** `leverage preview` serves the built site as a static host would; `leverage dev --host`. */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loopbackWarning } from '../../src/commands/serve.js';
import { makeRoot, removeRoot } from '../support/site.js';
import { runCli } from '../support/cli.js';
import { startServing, type Serving } from '../support/serving.js';

const GOOD = '---\ndate: 2026-03-02\ntasks:\n  - task: Work\n    human: 4h\n    claude: 19m\n---\n\nBody.\n';
const roots: string[] = [];
const servers: Serving[] = [];
async function builtSite(files: Record<string, string>): Promise<string> {
  const root = await makeRoot({ 'records/2026-03-02.md': GOOD, ...files });
  roots.push(root);
  expect((await runCli(['build', '--root', root])).code).toBe(0);
  return root;
}
async function serve(args: string[]): Promise<Serving> {
  const server = await startServing(args);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
  await Promise.all(roots.splice(0).map(removeRoot));
});

describe('leverage preview', () => {
  it('serves dist/ on 127.0.0.1, the site 404 page for what is not there, and stops on a signal', async () => {
    const root = await builtSite({ 'site.yaml': 'url: https://example.org\n' });
    const server = await serve(['preview', '--root', root, '--port', '0']);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await fetch(server.url);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await home.text()).toContain('href="/records/2026-03-02/"');
    const css = await fetch(new URL('style.css', server.url));
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    const missing = await fetch(new URL('nothing/here/', server.url));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<html');
    const stopped = await servers.pop()!.stop();
    expect(stopped.code).toBe(0);
  });

  it('serves under the path of url, as the host will', async () => {
    const root = await builtSite({ 'site.yaml': 'url: https://example.org/blog\n' });
    const server = await serve(['preview', '--root', root, '--port', '0']);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/blog\/$/);
    const page = await fetch(new URL('records/2026-03-02/', server.url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('href="/blog/style.css"');
    expect((await fetch(new URL('/blog/style.css', server.url))).status).toBe(200);
    const top = await fetch(new URL('/', server.url), { redirect: 'manual' });
    expect([top.status, top.headers.get('location')]).toEqual([302, '/blog/']);
    expect((await fetch(new URL('/style.css', server.url))).status).toBe(404);
  });

  it('without a build: says to build first, exit 1', async () => {
    const root = await makeRoot({ 'records/2026-03-02.md': GOOD });
    roots.push(root);
    const result = await runCli(['preview', '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`leverage preview: ${join(root, 'dist')}/ holds no built site (run leverage build first)\n`);
  });

  it('a port that is not a number', async () => {
    const result = await runCli(['preview', '--port', 'eighty']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'leverage preview: --port must be a port number from 0 to 65535, got "eighty" (e.g. --port 8080)\n' });
  });
});

describe('leverage dev --host', () => {
  it('loopback by default, without a warning', async () => {
    const root = await builtSite({});
    const server = await serve(['dev', '--root', root, '--port', '0']);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await fetch(server.url)).status).toBe(200);
    expect(server.output().stderr).not.toMatch(/warning: --host/);
  });

  it('an address of another machine: a clear error, exit 1', async () => {
    const root = await builtSite({});
    // 192.0.2.0/24 is for documentation: no machine has it, so nothing listens to the network.
    const result = await runCli(['dev', '--root', root, '--port', '0', '--host', '192.0.2.1'], { timeoutMs: 30_000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('leverage dev: cannot listen on 192.0.2.1: no network interface of this machine has the address 192.0.2.1\n');
  });

  it('any address other than loopback gets a warning naming what it exposes', () => {
    expect(loopbackWarning('127.0.0.1', 'http://127.0.0.1:4321/')).toBeNull();
    expect(loopbackWarning('localhost', 'http://localhost:4321/')).toBeNull();
    expect(loopbackWarning('::1', 'http://[::1]:4321/')).toBeNull();
    expect(loopbackWarning('192.168.1.20', 'http://192.168.1.20:4321/')).toBe(
      'warning: --host 192.168.1.20 serves the site to every device that can reach this machine: http://192.168.1.20:4321/. ' +
        'It is meant for trying the site on a phone on a network you trust; leave --host out to serve on this machine only.',
    );
    expect(loopbackWarning('0.0.0.0', 'http://127.0.0.1:4321/')).toMatch(/^warning: --host 0\.0\.0\.0 serves the site to every device/);
  });
});
