/**
 * `leverage dev` with search: an edited record's page is served without waiting for Pagefind
 * to make the whole index again; the index follows once the root has been quiet a moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startDev, type DevSession } from '../../src/dev/session.js';
import { makeRoot, removeRoot } from '../support/site.js';

const record = (date: string, task: string) =>
  `---\ndate: ${date}\ntasks:\n  - task: ${task}\n    human: 2h\n    claude: 10m\n---\n\nNotes of ${date}.\n`;

describe('leverage dev with search: true', () => {
  let root: string;
  let dev: DevSession;
  const log: string[] = [];
  const served = async (path: string) => (await fetch(new URL(path, dev.url))).text();

  beforeAll(async () => {
    root = await makeRoot({
      'site.yaml': 'url: https://example.org\nsearch: true\n',
      'records/2026-03-02.md': record('2026-03-02', 'Rewrite the tokenizer'),
      'records/2026-03-03.md': record('2026-03-03', 'Migrate the billing tables'),
    });
    dev = await startDev({ root, port: 0, drafts: false, log: (line) => log.push(line) });
  });
  afterAll(async () => {
    await dev.close();
    await removeRoot(root);
  });

  it('serves an edited page before the index is made again, then makes the index', async () => {
    // The first build makes the index: there is none to serve meanwhile.
    expect(log.filter((line) => line.startsWith('rebuilt:'))).toEqual([expect.not.stringMatching(/follows/)]);
    const indexBefore = await served('/pagefind/pagefind-entry.json');
    expect(JSON.parse(indexBefore)).toHaveProperty('languages');
    log.length = 0;

    await writeFile(join(root, 'records/2026-03-03.md'), record('2026-03-03', 'Migrate the quokka tables'));
    await dev.idle();
    const rebuilds = log.filter((line) => line.startsWith('rebuilt:'));
    expect(rebuilds[0]).toMatch(/; pagefind\/ follows$/);
    expect(rebuilds.at(-1)).not.toMatch(/follows/);
    expect(rebuilds.length).toBeGreaterThanOrEqual(2);
    expect(await served('/records/2026-03-03/')).toContain('quokka');
    // The index the server now holds is another: Pagefind's entry names the new index by its hash.
    expect(await served('/pagefind/pagefind-entry.json')).not.toEqual(indexBefore);
  });
});
