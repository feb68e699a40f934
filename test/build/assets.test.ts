/**
 * Files beside a record (issue 18): a record written as `records/…/2026-03-02/index.md` takes
 * its day from its folder, and the files next to it are copied next to its page, so relative
 * links in its Markdown work; a relative link to a file that does not exist is a warning at
 * its line and column. Incremental builds follow the files' changes as builds from scratch do.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile, rm, symlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { select } from 'hast-util-select';
import { build } from '../../src/build.js';
import { formatDiagnosticLine } from '../../src/diagnostics.js';
import { makeRoot, readHtml, removeRoot, writeFiles } from '../support/site.js';
import { runCli } from '../support/cli.js';
import { expectSameAsColdBuild } from '../incremental/same-as-cold.js';

const BUNDLE = 'records/2026/2026-03-02';
const RECORD = `---
tasks:
  - task: Draw the diagram
    human: 2h
    claude: 10m
---

The day's work: ![the diagram](diagram.png) and [the notes](notes/day.txt).
`;

let root: string;
beforeEach(async () => {
  root = await makeRoot({
    'site.yaml': 'url: https://example.com\n',
    [`${BUNDLE}/index.md`]: RECORD,
    [`${BUNDLE}/diagram.png`]: 'first picture',
    [`${BUNDLE}/notes/day.txt`]: 'notes',
    [`${BUNDLE}/_private.txt`]: 'kept out',
    // A record as a plain file: the files around it belong to no record.
    'records/2026/2026-03-03.md': RECORD.replace('---\ntasks', '---\ndate: 2026-03-03\ntasks').replace(/The day's work.*\n/, 'Plain.\n'),
    'records/2026/stray.png': 'not copied',
  });
});
afterEach(() => removeRoot(root));

const out = (path: string) => join(root, 'dist', path);

describe('a record written as index.md with files beside it', () => {
  it('takes its day from its folder, and its files are copied next to its page, where its links lead', async () => {
    const summary = await build({ root });
    expect(summary.warnings.filter((d) => d.file.startsWith('records/'))).toEqual([]);
    const page = await readHtml(out('records/2026-03-02/index.html'));
    expect(select('article img', page)?.properties['src']).toBe('diagram.png');
    expect(await readFile(out('records/2026-03-02/diagram.png'), 'utf8')).toBe('first picture');
    expect(await readFile(out('records/2026-03-02/notes/day.txt'), 'utf8')).toBe('notes');
    expect(existsSync(out('records/2026-03-02/_private.txt'))).toBe(false);
    expect(existsSync(out('records/2026-03-03/stray.png'))).toBe(false);
    expect(existsSync(out('records/2026/stray.png'))).toBe(false);
    // Feed readers resolve against the feed: there, relative links are absolute from the page.
    const feed = await readFile(out('feed.xml'), 'utf8');
    expect(feed).toContain('src=&quot;https://example.com/records/2026-03-02/diagram.png&quot;');
    expect(feed).toContain('href=&quot;https://example.com/records/2026-03-02/notes/day.txt&quot;');
  });

  it('an incremental build after the file changed, and after it was deleted, gives what a build from scratch gives', async () => {
    await build({ root });
    await writeFiles(root, { [`${BUNDLE}/diagram.png`]: 'second picture, longer' });
    await expectSameAsColdBuild(root);
    expect(await readFile(out('records/2026-03-02/diagram.png'), 'utf8')).toBe('second picture, longer');

    // Same size, new time: copied again all the same.
    await writeFiles(root, { [`${BUNDLE}/diagram.png`]: 'third picture, longer!' });
    await writeFiles(root, { [`${BUNDLE}/diagram.png`]: 'THIRD PICTURE, LONGER!' });
    await utimes(join(root, BUNDLE, 'diagram.png'), new Date(), new Date(Date.now() + 5_000));
    await expectSameAsColdBuild(root);
    expect(await readFile(out('records/2026-03-02/diagram.png'), 'utf8')).toBe('THIRD PICTURE, LONGER!');

    await rm(join(root, BUNDLE, 'diagram.png'));
    const summary = await expectSameAsColdBuild(root);
    expect(existsSync(out('records/2026-03-02/diagram.png'))).toBe(false);
    expect(summary.warnings.map(formatDiagnosticLine)).toContainEqual(
      expect.stringMatching(/^records\/2026\/2026-03-02\/index\.md:8:17: warning: diagram\.png leads to .*diagram\.png, which does not exist/),
    );
  });

  it('a link to a file that does not exist is a warning with its path, line and column; the page is built', async () => {
    await writeFiles(root, { [`${BUNDLE}/index.md`]: `${RECORD}\nSee also\n[the plan](plan.pdf \"the plan\").\n` });
    const summary = await build({ root });
    expect(summary.warnings.map(formatDiagnosticLine)).toEqual([
      expect.stringMatching(/^records\/2026\/2026-03-02\/index\.md:11:1: warning: plan\.pdf leads to records\/2026\/2026-03-02\/plan\.pdf, which does not exist/),
    ]);
    expect(existsSync(out('records/2026-03-02/index.html'))).toBe(true);
    const check = await runCli(['check', '--root', root]);
    expect(check.stderr).toMatch(/records\/2026\/2026-03-02\/index\.md:11:1: warning: plan\.pdf leads to/);
    // Reported again by a build with nothing changed.
    const again = await build({ root });
    expect(again.reused.everything).toBe(true);
    expect(again.warnings.map(formatDiagnosticLine).filter((line) => line.includes('plan.pdf'))).toHaveLength(1);
  });

  it('a link from a plain record file to a file around it is a warning: that file is not published', async () => {
    await writeFiles(root, { 'records/2026/2026-03-03.md': RECORD.replace('---\ntasks', '---\ndate: 2026-03-03\ntasks').replace('diagram.png', 'stray.png').replace('notes/day.txt', 'https://example.com/x') });
    const summary = await build({ root });
    expect(summary.warnings.map(formatDiagnosticLine)).toEqual([
      expect.stringMatching(/^records\/2026\/2026-03-03\.md:9:17: warning: stray\.png leads to records\/2026\/stray\.png, which is not published with the record/),
    ]);
  });

  it('a file that would take the place of the page is not copied, with a warning', async () => {
    await writeFiles(root, { [`${BUNDLE}/index.html`]: 'not the page' });
    const summary = await build({ root });
    expect(summary.warnings.map(formatDiagnosticLine)).toContainEqual(
      `${BUNDLE}/index.html: warning: not copied: records/2026-03-02/index.html is a file the site makes itself (rename the file)`,
    );
    expect(await readFile(out('records/2026-03-02/index.html'), 'utf8')).toContain('Draw the diagram');
  });

  it('a link beside a record leading outside the site folder is not copied, with a warning', async () => {
    const outside = await makeRoot({ 'secret.png': 'outside the site' });
    try {
      await symlink(join(outside, 'secret.png'), join(root, BUNDLE, 'linked.png'));
      const summary = await build({ root });
      expect(summary.warnings.map(formatDiagnosticLine)).toContainEqual(
        expect.stringMatching(/^records\/2026\/2026-03-02\/linked\.png: warning: the link leads outside the site folder, to .*secret\.png: not copied/),
      );
      expect(existsSync(out('records/2026-03-02/linked.png'))).toBe(false);
      expect(existsSync(out('records/2026-03-02/diagram.png'))).toBe(true);
    } finally {
      await removeRoot(outside);
    }
  });
});
