/**
 * `leverage dev` under a bounded load on 127.0.0.1: concurrent keep-alive clients read the
 * site while records are rewritten on disk. Every response must be whole (its Content-Length
 * matches what arrives, HTML ends with </html>), a record page must show one version of its
 * record and never a mix, and the process's memory must stay flat once warmed up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'node:http';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startDev, type DevSession } from '../../src/dev/session.js';
import { addDays } from '../../src/leverage/dates.js';
import { makeRoot, removeRoot } from '../support/site.js';

const RECORDS = 60;
const CLIENTS = 8;
const REQUESTS_PER_CLIENT = 300;
const WARM_UP_PER_CLIENT = 30;
/** The load stops here whatever the counts: the machine may be slow. */
const LOAD_BUDGET_MS = 18_000;
const REWRITE_EVERY_MS = 50;
const MAX_REWRITES = 300;
/** The records rewritten during the load, by index. */
const HOT = [0, 13, 29, 47];
const VERSIONS = ['alpha', 'beta'] as const;

const dateOf = (i: number) => addDays('2025-01-01', i);
const bodyText = (i: number, version: string) => `Load body ${version} for day ${i + 1}.`;
const record = (i: number, version: (typeof VERSIONS)[number] = 'alpha') =>
  [
    '---',
    `date: ${dateOf(i)}`,
    'tasks:',
    `  - task: "Task ${i + 1}"`,
    `    human: ${2 + (i % 5)}h`,
    `    claude: ${version === 'alpha' ? 10 : 20}m`,
    '---',
    '',
    bodyText(i, version),
    '',
  ].join('\n');

interface Response {
  status: number;
  contentLength: number;
  body: Buffer;
}

function get(agent: Agent, port: number, path: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, contentLength: Number(res.headers['content-length']), body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.setTimeout(15_000, () => req.destroy(new Error(`timeout for ${path}`)));
    req.on('error', reject);
    req.end();
  });
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

describe('leverage dev under load', () => {
  let root: string;
  let dev: DevSession;
  let port: number;
  let basePath: string;

  beforeAll(async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < RECORDS; i++) files[`records/${dateOf(i)}.md`] = record(i);
    root = await makeRoot(files);
    dev = await startDev({ root, port: 0, drafts: false, log: () => {} });
    const url = new URL(dev.url);
    port = Number(url.port);
    basePath = url.pathname;
  });
  afterAll(async () => {
    await dev?.close();
    if (root) await removeRoot(root);
  });

  it('serves whole, consistent responses while records change, with flat memory', { timeout: 30_000 }, async () => {
    const recordUrls = [...HOT, 5, 21, 38, 59].map((i) => ({ path: `${basePath}records/${dateOf(i)}/`, index: i }));
    const urls: { path: string; index?: number }[] = [
      { path: basePath },
      { path: `${basePath}tags/` },
      { path: `${basePath}tags/time-record/` },
      { path: `${basePath}stats/` },
      { path: `${basePath}feed.xml` },
      { path: `${basePath}style.css` },
      ...recordUrls,
    ];

    const failures: string[] = [];
    const fail = (message: string) => {
      if (failures.length < 20) failures.push(message);
    };
    const check = (url: { path: string; index?: number }, r: Response) => {
      if (r.status !== 200) return fail(`${url.path}: status ${r.status}`);
      if (r.contentLength !== r.body.length) return fail(`${url.path}: Content-Length ${r.contentLength}, got ${r.body.length} bytes`);
      const text = r.body.toString('utf8');
      if (url.path.endsWith('/')) {
        if (!/^<!doctype html/i.test(text) || !/<\/html>\s*$/.test(text)) return fail(`${url.path}: incomplete HTML`);
      }
      if (url.path.endsWith('.xml') && !/^<\?xml/.test(text)) return fail(`${url.path}: not XML`);
      if (url.index !== undefined) {
        const seen = VERSIONS.filter((v) => text.includes(bodyText(url.index!, v)));
        if (seen.length !== 1) fail(`${url.path}: shows ${seen.length} versions of its body (${seen.join(', ')})`);
      }
    };

    let requests = 0;
    const deadline = Date.now() + LOAD_BUDGET_MS;
    const runClients = (perClient: number) =>
      Promise.all(
        Array.from({ length: CLIENTS }, async (_, c) => {
          const agent = new Agent({ keepAlive: true, maxSockets: 1 });
          try {
            for (let n = 0; n < perClient && Date.now() < deadline; n++) {
              const url = urls[(c * 7 + n) % urls.length]!;
              check(url, await get(agent, port, url.path));
              requests++;
            }
          } finally {
            agent.destroy();
          }
        }),
      );

    // Rewrites a few records in turn, each by an atomic rename (as editors save), so the
    // watcher never reads a half-written file; the versions alternate bodies and numbers.
    let stopRewrites = false;
    let rewrites = 0;
    const current = new Map<number, (typeof VERSIONS)[number]>(HOT.map((i) => [i, 'alpha']));
    const rewriter = (async () => {
      while (!stopRewrites && rewrites < MAX_REWRITES && Date.now() < deadline) {
        const i = HOT[rewrites % HOT.length]!;
        const next = current.get(i) === 'alpha' ? 'beta' : 'alpha';
        const scratch = join(root, `.scratch-${i}`);
        await writeFile(scratch, record(i, next));
        await rename(scratch, join(root, `records/${dateOf(i)}.md`));
        current.set(i, next);
        rewrites++;
        await new Promise((r) => setTimeout(r, REWRITE_EVERY_MS));
      }
    })();

    const rssStart = process.memoryUsage().rss;
    const started = Date.now();
    await runClients(WARM_UP_PER_CLIENT);
    const rssWarm = process.memoryUsage().rss;
    await runClients(REQUESTS_PER_CLIENT - WARM_UP_PER_CLIENT);
    stopRewrites = true;
    await rewriter;
    await dev.idle();
    const rssEnd = process.memoryUsage().rss;
    const elapsed = Date.now() - started;

    console.log(
      `dev load: ${requests} requests by ${CLIENTS} clients, ${rewrites} rewrites, ${elapsed} ms; ` +
        `RSS start ${mb(rssStart)} MB, after warm-up ${mb(rssWarm)} MB, end ${mb(rssEnd)} MB (+${mb(rssEnd - rssWarm)} MB)`,
    );
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(CLIENTS * WARM_UP_PER_CLIENT);
    expect(rewrites).toBeGreaterThan(0);
    expect(rssEnd - rssWarm).toBeLessThan(100 * 1024 * 1024);

    // Once quiet, every rewritten record's page shows its last version.
    const agent = new Agent({ keepAlive: false });
    for (const i of HOT) {
      const r = await get(agent, port, `${basePath}records/${dateOf(i)}/`);
      expect(r.status).toBe(200);
      expect(r.body.toString('utf8')).toContain(bodyText(i, current.get(i)!));
    }
    agent.destroy();
  });
});
