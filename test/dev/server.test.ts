/** `leverage dev` over a real socket on 127.0.0.1: serving, live reload, errors, traversal. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startDev, type DevSession } from '../../src/dev/session.js';
import { sitePath } from '../../src/dev/server.js';
import { makeRoot, removeRoot } from '../support/site.js';

const record = (body: string, claude = '10m') =>
  `---\ndate: 2026-03-02\ntasks:\n  - task: Work\n    human: 4h\n    claude: ${claude}\n---\n\n${body}\n`;

/** Reads server-sent events from the dev server until stopped. */
function listen(url: string) {
  const events: { event: string; data: unknown }[] = [];
  const controller = new AbortController();
  const done = (async () => {
    const response = await fetch(url, { signal: controller.signal });
    const reader = response.body!.getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += new TextDecoder().decode(value);
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (name) events.push({ event: name, data: JSON.parse(data ?? 'null') });
      }
    }
  })().catch(() => {});
  return {
    events,
    async next(name: string, timeout = 10_000) {
      const start = Date.now();
      const seen = events.length;
      while (Date.now() - start < timeout) {
        const found = events.slice(seen).find((e) => e.event === name) ?? events.find((e, i) => i >= seen && e.event === name);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no ${name} event within ${timeout} ms; got ${JSON.stringify(events)}`);
    },
    stop: () => controller.abort(),
    done,
  };
}

/** A raw HTTP request, so the path reaches the server exactly as written. */
function rawGet(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
    let response = '';
    socket.on('data', (d) => (response += d));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(response)?.[1])));
    socket.on('error', reject);
  });
}

describe('leverage dev', () => {
  let root: string;
  let dev: DevSession;
  let port: number;
  const logs: string[] = [];
  const rebuilds = () => logs.filter((line) => line.startsWith('rebuilt:')).length;

  beforeAll(async () => {
    root = await makeRoot({ 'site.yaml': 'url: https://example.org\n', 'records/2026-03-02.md': record('First version.'), 'records/2026-03-03.md': record('Other.').replace('2026-03-02', '2026-03-03') });
    dev = await startDev({ root, port: 0, drafts: false, log: (line) => logs.push(line) });
    port = Number(new URL(dev.url).port);
  });
  afterAll(async () => {
    await dev.close();
    await removeRoot(root);
  });

  it('listens on 127.0.0.1 and serves the pages with the reload script', async () => {
    expect(new URL(dev.url).hostname).toBe('127.0.0.1');
    const response = await fetch(`${dev.url}records/2026-03-02/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('First version.');
    expect(html).toContain('/__leverage/events');
    expect((await fetch(`${dev.url}style.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('redirects a folder without its slash and answers 404 with the 404 page', async () => {
    const redirect = await fetch(`${dev.url}records/2026-03-02`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/records/2026-03-02/');
    const missing = await fetch(`${dev.url}nothing/here/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
  });

  it('reloads the open page after an edit, serving the new version', async () => {
    const events = listen(`${dev.url}__leverage/events`);
    await new Promise((r) => setTimeout(r, 100));
    await writeFile(join(root, 'records/2026-03-02.md'), record('Second version.'));
    const reload = await events.next('reload');
    expect(reload.data).toContain('/records/2026-03-02/');
    expect(await (await fetch(`${dev.url}records/2026-03-02/`)).text()).toContain('Second version.');
    events.stop();
  });

  // Regression: the watcher drops a file's second change within 50 ms of its first, so a save
  // right after another (an editor's formatter) was never built: the page kept the first.
  it('serves a record saved twice in quick succession as last saved', async () => {
    await new Promise((r) => setTimeout(r, 100));
    await writeFile(join(root, 'records/2026-03-02.md'), record('First save.'));
    await new Promise((r) => setTimeout(r, 30));
    await writeFile(join(root, 'records/2026-03-02.md'), record('The second save, a moment later.'));
    await new Promise((r) => setTimeout(r, 30));
    await dev.idle();
    expect(await (await fetch(`${dev.url}records/2026-03-02/`)).text()).toContain('The second save, a moment later.');
    // Back to what the tests after this one expect.
    await new Promise((r) => setTimeout(r, 100));
    await writeFile(join(root, 'records/2026-03-02.md'), record('Second version.'));
    await new Promise((r) => setTimeout(r, 30));
    await dev.idle();
    expect(await (await fetch(`${dev.url}records/2026-03-02/`)).text()).toContain('Second version.');
  });

  // Regression: deleting a record printed a false ENOENT and flashed the error overlay.
  it('after a record is deleted, reports no problem and reloads a tab open on it to the 404 page', async () => {
    const events = listen(`${dev.url}__leverage/events`);
    await new Promise((r) => setTimeout(r, 100));
    await writeFile(join(root, 'records/2026-03-09.md'), record('Soon gone.').replace('2026-03-02', '2026-03-09'));
    await events.next('reload');
    expect((await fetch(`${dev.url}records/2026-03-09/`)).status).toBe(200);
    await rm(join(root, 'records/2026-03-09.md'));
    const reload = await events.next('reload');
    expect(reload.data).toContain('/records/2026-03-09/');
    await dev.idle();
    const gone = await fetch(`${dev.url}records/2026-03-09/`);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('Page not found');
    expect(events.events.filter((e) => e.event === 'problem')).toEqual([]);
    expect(logs.filter((line) => /ENOENT|error/i.test(line))).toEqual([]);
    events.stop();
  });

  it('keeps the last good page and reports a broken record, then clears the report when fixed', async () => {
    const events = listen(`${dev.url}__leverage/events`);
    await new Promise((r) => setTimeout(r, 100));
    await writeFile(join(root, 'records/2026-03-02.md'), record('Broken version.', 'soon'));
    const problem = await events.next('problem');
    expect(problem.data).toMatch(/^records\/2026-03-02\.md:6:13: claude must be a duration, got "soon"/);
    expect(problem.data).toContain('> 6 |     claude: soon');
    await dev.idle();
    const served = await (await fetch(`${dev.url}records/2026-03-02/`)).text();
    expect(served).toContain('Second version.');
    expect(served).not.toContain('Broken version.');

    // A page opened while the record is broken is told at once.
    const late = listen(`${dev.url}__leverage/events`);
    expect((await late.next('problem')).data).toEqual(problem.data);
    late.stop();

    await writeFile(join(root, 'records/2026-03-02.md'), record('Fixed version.'));
    await events.next('ok').catch((err) => {
      throw new Error(`${(err as Error).message}\nlog:\n${logs.join('\n')}`);
    });
    await dev.idle();
    expect(await (await fetch(`${dev.url}records/2026-03-02/`)).text()).toContain('Fixed version.');
    events.stop();
  });

  it('updates list pages after an edit of the numbers', async () => {
    await writeFile(join(root, 'records/2026-03-02.md'), record('Fixed version.', '24m'));
    await new Promise((r) => setTimeout(r, 100));
    await dev.idle();
    expect(await (await fetch(`${dev.url}tags/time-record/`)).text()).toContain('10x');
  });

  it.each(['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/records/..%2f..%2fsite.yaml', '/%2e%2e%5c..%5cetc', '/records/%00', '//etc/passwd'])(
    'refuses %s',
    async (path) => {
      expect(await rawGet(port, path)).toBe(404);
    },
  );

  it('maps request paths to site files, refusing anything else', () => {
    expect(sitePath('/../x', '')).toBeNull();
    expect(sitePath('/a/%2e%2e/b', '')).toBeNull();
    expect(sitePath('/records/x/', '')).toBe('records/x/index.html');
    expect(sitePath('/blog/tags/', '/blog')).toBe('tags/index.html');
    expect(sitePath('/tags/', '/blog')).toBeNull();
  });
});
