/** `leverage dev` serves the files beside a record and follows their changes (issue 18). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startDev, type DevSession } from '../../src/dev/session.js';
import { makeRoot, removeRoot } from '../support/site.js';

const BUNDLE = 'records/2026/2026-03-02';
let root: string;
let dev: DevSession;

beforeAll(async () => {
  root = await makeRoot({
    [`${BUNDLE}/index.md`]: '---\ntasks:\n  - task: Work\n    human: 4h\n    claude: 10m\n---\n\n![the diagram](diagram.png)\n',
    [`${BUNDLE}/diagram.png`]: 'first',
  });
  dev = await startDev({ root, port: 0, drafts: false, log: () => {} });
});
afterAll(async () => {
  await dev.close();
  await removeRoot(root);
});

/** Waits until the served file reads `expected` (the watcher reports a change a moment after it). */
async function served(path: string, expected: { status: number; text?: string }): Promise<void> {
  const start = Date.now();
  let last = '';
  while (Date.now() - start < 10_000) {
    await dev.idle();
    const response = await fetch(`${dev.url}${path}`);
    const text = await response.text();
    last = `${response.status} ${text.slice(0, 40)}`;
    if (response.status === expected.status && (expected.text === undefined || text === expected.text)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${path}: expected ${JSON.stringify(expected)}, last served ${last}`);
}

it('serves a file beside a record next to its page, and follows its change and its deletion', async () => {
  await served('records/2026-03-02/diagram.png', { status: 200, text: 'first' });
  await writeFile(join(root, BUNDLE, 'diagram.png'), 'second, longer');
  await served('records/2026-03-02/diagram.png', { status: 200, text: 'second, longer' });
  await rm(join(root, BUNDLE, 'diagram.png'));
  await served('records/2026-03-02/diagram.png', { status: 404 });
});
