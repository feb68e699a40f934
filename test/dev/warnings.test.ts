/**
 * `leverage dev` prints a record's warnings in the terminal, as `leverage build` does: each
 * once, when a build first has it, with its code frame; not again on every rebuild.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startDev, type DevSession } from '../../src/dev/session.js';
import { makeRoot, removeRoot } from '../support/site.js';

const record = (date: string, human: string, body = 'Notes.') =>
  `---\ndate: ${date}\ntasks:\n  - task: Work\n    human: ${human}\n    claude: 2m\n---\n\n${body}\n`;

const UNIT = /warning: task 1 has a leverage of [\d,]+x \(human 40, claude 2m\): is a unit wrong\?/;

describe('leverage dev and warnings', () => {
  let root: string;
  let dev: DevSession;
  const log: string[] = [];
  const warnings = () => log.join('\n').split('\n').filter((line) => line.includes(': warning: '));
  /** Writes a record and waits for the rebuild it brings. */
  const save = async (date: string, text: string) => {
    const before = log.filter((line) => line.startsWith('rebuilt:')).length;
    await writeFile(join(root, `records/${date}.md`), text);
    while (log.filter((line) => line.startsWith('rebuilt:')).length === before) await new Promise((r) => setTimeout(r, 10));
    await dev.idle();
  };

  beforeAll(async () => {
    root = await makeRoot({
      'site.yaml': 'url: https://example.org\n',
      'records/2026-03-02.md': record('2026-03-02', '40'),
      'records/2026-03-03.md': record('2026-03-03', '4h'),
    });
    dev = await startDev({ root, port: 0, drafts: false, log: (line) => log.push(line) });
  });
  afterAll(async () => {
    await dev.close();
    await removeRoot(root);
  });

  it('prints the warnings of the first build, with the line they point at', () => {
    expect(warnings()).toEqual([expect.stringMatching(new RegExp(`^records/2026-03-02\\.md:4:5: ${UNIT.source}`))]);
    expect(log.join('\n')).toContain('> 4 |   - task: Work');
  });

  it('prints a new warning once, and not the old ones again', async () => {
    log.length = 0;
    await save('2026-03-03', record('2026-03-03', '40'));
    expect(warnings()).toEqual([expect.stringMatching(new RegExp(`^records/2026-03-03\\.md:4:5: ${UNIT.source}`))]);
    log.length = 0;
    await save('2026-03-03', record('2026-03-03', '40', 'Other notes.'));
    expect(warnings()).toEqual([]);
  });

  it('prints a warning again once it came back after a fix', async () => {
    await save('2026-03-03', record('2026-03-03', '4h'));
    log.length = 0;
    await save('2026-03-03', record('2026-03-03', '40', 'Back.'));
    expect(warnings()).toEqual([expect.stringMatching(new RegExp(`^records/2026-03-03\\.md:4:5: ${UNIT.source}`))]);
  });
});
