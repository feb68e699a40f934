/** `leverage dev` keeps the archive's month pages right as records move between months or go. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startDev, type DevSession } from '../../src/dev/session.js';
import { makeRoot, removeRoot } from '../support/site.js';

const record = (date: string, human: string) =>
  `---\ndate: ${date}\ntasks:\n  - task: Work of ${date}\n    human: ${human}\n    claude: 10m\n---\n\nNotes.\n`;

describe('leverage dev and the archive', () => {
  let root: string;
  let dev: DevSession;

  /** What the server answers for a path once the rebuilds after an edit are done (the watcher may take a moment). */
  async function served(path: string, until: (status: number, html: string) => boolean): Promise<{ status: number; html: string }> {
    const start = Date.now();
    for (;;) {
      await dev.idle();
      const response = await fetch(new URL(path, dev.url));
      const result = { status: response.status, html: await response.text() };
      if (until(result.status, result.html) || Date.now() - start > 10_000) return result;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    root = await makeRoot({
      'site.yaml': 'url: https://example.org\n',
      'records/2026-03-02.md': record('2026-03-02', '2h'),
      'records/2026-03-10.md': record('2026-03-10', '5h'),
      'records/2026-04-01.md': record('2026-04-01', '1h'),
    });
    dev = await startDev({ root, port: 0, drafts: false, log: () => {} });
  });
  afterAll(async () => {
    await dev.close();
    await removeRoot(root);
  });

  it('serves the month pages from memory', async () => {
    const march = await served('/2026/03/', (status) => status === 200);
    expect(march.status).toBe(200);
    expect(march.html).toContain('/records/2026-03-10/');
    expect(march.html).toContain('<td class="num">21x</td>'); // (120 + 300) min ÷ 20 min
  });

  it('updates both months when a record moves to another month', async () => {
    await rm(join(root, 'records/2026-03-10.md'));
    await writeFile(join(root, 'records/2026-04-10.md'), record('2026-04-10', '5h'));
    const april = await served('/2026/04/', (_, html) => html.includes('/records/2026-04-10/'));
    expect(april.html).toContain('/records/2026-04-10/');
    expect(april.html).toContain('<td class="num">18x</td>'); // (60 + 300) min ÷ 20 min
    const march = await served('/2026/03/', (_, html) => !html.includes('/records/2026-03-10/'));
    expect(march.html).not.toContain('/records/2026-03-10/');
    expect(march.html).toContain('<td class="num">12x</td>'); // 120 min ÷ 10 min
  });

  it('drops a month left empty when its record is deleted, and the archive forgets it', async () => {
    await rm(join(root, 'records/2026-03-02.md'));
    const march = await served('/2026/03/', (status) => status === 404);
    expect(march.status).toBe(404);
    const archive = await served('/archive/', (_, html) => !html.includes('/2026/03/'));
    expect(archive.html).not.toContain('/2026/03/');
    expect(archive.html).toContain('/2026/04/');
  });
});
