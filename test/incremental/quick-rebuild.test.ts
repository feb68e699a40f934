/**
 * A quick rebuild (only a few records' own pages and the feeds made again, from what the
 * last build kept) gives the same bytes as a build from scratch, and is taken only when
 * nothing else can differ.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type BuildSummary } from '../../src/build.js';
import { makeRoot, removeRoot, writeFiles } from '../support/site.js';
import { expectSameAsColdBuild } from './same-as-cold.js';

const DAYS = 12;
const date = (i: number) => `2026-05-${String(i + 1).padStart(2, '0')}`;

interface Day {
  title: string;
  tags: string;
  summary: string;
  tasks: [string, string][];
  body: string;
  draft: boolean;
}

const initial = (i: number): Day => ({
  title: `Day ${i}`,
  tags: i % 3 === 0 ? '[AI, Time Record, Tooling]' : '[AI, Time Record]',
  summary: `Summary of day ${i}.`,
  tasks: [
    [`Build the thing for day ${i}`, `${i + 2}h`],
    [`Review \`code\` of day ${i}`, '45m'],
  ],
  body: `The analysis of day ${i}.\n\n- a point\n- another point\n`,
  draft: false,
});

function recordText(i: number, day: Day): string {
  const tasks = day.tasks.map(([task, human]) => `  - task: "${task}"\n    human: ${human}\n    claude: 12m\n`).join('');
  const draft = day.draft ? 'draft: true\n' : '';
  return `---\ndate: ${date(i)}\ntitle: ${day.title}\ntags: ${day.tags}\nsummary: ${day.summary}\n${draft}tasks:\n${tasks}---\n\n${day.body}`;
}

let root: string;
let days: Day[];

async function save(i: number, change: Partial<Day>) {
  days[i] = { ...days[i]!, ...change };
  await writeFiles(root, { [`records/${date(i)}.md`]: recordText(i, days[i]!) });
}

/** Whether a build was quick: it did not model the site. */
const wasQuick = (summary: BuildSummary) => summary.timings.some((t) => t.stage === 'quick') && !summary.timings.some((t) => t.stage === 'pages');

beforeEach(async () => {
  days = Array.from({ length: DAYS }, (_, i) => initial(i));
  root = await makeRoot({
    'site.yaml': 'feedRecords: 4\n',
    ...Object.fromEntries(days.map((day, i) => [`records/${date(i)}.md`, recordText(i, day)])),
  });
  await build({ root });
});
afterEach(() => removeRoot(root));

describe('a quick rebuild', () => {
  it("is taken for a new analysis of an old record, and writes only that record's page", async () => {
    await save(2, { body: 'A rewritten analysis, with **bold** words.\n' });
    const summary = await expectSameAsColdBuild(root);
    expect(wasQuick(summary)).toBe(true);
    expect(summary.processed).toBe(1);
    expect(summary.written).toBe(1);
    expect(await readFile(join(root, `dist/records/${date(2)}/index.html`), 'utf8')).toContain('<strong>bold</strong>');
  });

  // The first rebuild after a cold build used to link all of the site into a staging copy to
  // swap it in (on an ext4 disk, 0.4-1 s of 1.2 s at 4000 records): now the few files change in place.
  it('changes its files in the output folder itself: the others stay the very same files', async () => {
    const inode = async (path: string) => (await stat(join(root, 'dist', path))).ino;
    const kept = ['', 'index.html', `records/${date(5)}/index.html`, 'tags/index.html'];
    const before = await Promise.all(kept.map(inode));
    const changedBefore = await inode(`records/${date(2)}/index.html`);
    await save(2, { body: 'Changed in place.\n' });
    const summary = await expectSameAsColdBuild(root);
    expect(wasQuick(summary)).toBe(true);
    expect(await Promise.all(kept.map(inode))).toEqual(before);
    expect(await inode(`records/${date(2)}/index.html`)).not.toBe(changedBefore);
    expect((await readdir(root)).filter((name) => name.startsWith('dist.'))).toEqual([]);
  });

  it('makes the feeds again when the record is one of their newest', async () => {
    await save(DAYS - 1, { body: 'The newest analysis, changed.\n' });
    const summary = await expectSameAsColdBuild(root);
    expect(wasQuick(summary)).toBe(true);
    expect(await readFile(join(root, 'dist/feed.xml'), 'utf8')).toContain('The newest analysis, changed.');
    expect(await readFile(join(root, 'dist/feed.json'), 'utf8')).toContain('The newest analysis, changed.');
  });

  it('handles several records at once, and a second quick rebuild after the first', async () => {
    await save(0, { body: 'First.\n' });
    await save(DAYS - 2, { body: 'Second.\n' });
    expect(wasQuick(await expectSameAsColdBuild(root))).toBe(true);
    await save(5, { body: 'Third.\n' });
    expect(wasQuick(await expectSameAsColdBuild(root))).toBe(true);
  });

  it('writes nothing when a file was only touched', async () => {
    const later = new Date(Date.now() + 5000);
    await utimes(join(root, `records/${date(4)}.md`), later, later);
    const summary = await expectSameAsColdBuild(root);
    expect(summary.written).toBe(0);
  });

  it('reads the frames of the pages it makes from frames.bin, and leaves that file as it was', async () => {
    const frames = join(root, '.leverage-cache/frames.bin');
    const before = await stat(frames);
    await save(2, { body: 'Rewritten.\n' });
    expect(wasQuick(await expectSameAsColdBuild(root))).toBe(true);
    const after = await stat(frames);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('leaves a draft unpublished', async () => {
    await save(3, { draft: true });
    expect(wasQuick(await expectSameAsColdBuild(root))).toBe(false); // the record left the site
    await save(3, { body: 'A draft, rewritten.\n' });
    const summary = await expectSameAsColdBuild(root);
    expect(wasQuick(summary)).toBe(true);
    expect(summary.written).toBe(0);
  });
});

describe('the full build is taken instead', () => {
  const cases: [string, (i: number) => Partial<Day>][] = [
    ['a new title (lists, neighbours, stats show it)', (i) => ({ title: `Renamed day ${i}` })],
    ['a new summary (lists and page descriptions show it)', () => ({ summary: 'Another summary.' })],
    ['new numbers', () => ({ tasks: [['Build the thing', '9h'], ['Review', '45m']] })],
    ['a reworded task (the data exports show it)', (i) => ({ tasks: [[`Reworded task ${i}`, `${i + 2}h`], [`Review \`code\` of day ${i}`, '45m']] })],
    ['a new tag', () => ({ tags: '[AI, Time Record, Brand New]' })],
  ];
  for (const [name, change] of cases) {
    it(`after ${name}`, async () => {
      await save(6, change(6));
      expect(wasQuick(await expectSameAsColdBuild(root))).toBe(false);
    });
  }

  it('when the record no longer reads, and the error is reported', async () => {
    await writeFiles(root, { [`records/${date(6)}.md`]: recordText(6, days[6]!).replace('human: 8h', 'human: soon') });
    await expect(build({ root })).rejects.toThrow(/records\/2026-05-07\.md/);
    await save(6, { body: 'Fixed, with a new analysis.\n' });
    await expectSameAsColdBuild(root);
  });

  describe('when the cached page frames are not those the manifest describes', () => {
    const frames = () => join(root, '.leverage-cache/frames.bin');
    const cases: [string, () => Promise<void>][] = [
      ['some bytes of every frame changed', async () => {
        const bytes = await readFile(frames());
        for (let i = 100; i < bytes.length; i += 97) bytes[i] = bytes[i]! ^ 0xff;
        await writeFile(frames(), bytes);
      }],
      ['the file cut short', async () => writeFile(frames(), (await readFile(frames())).subarray(0, 1000))],
      ['the file deleted', () => rm(frames())],
      ['the file written by another build', async () => {
        const older = await readFile(frames());
        await save(6, { title: 'A full build writes the frames again' });
        await build({ root });
        await writeFile(frames(), older);
      }],
    ];
    for (const [name, spoil] of cases) {
      it(name, async () => {
        await spoil();
        await save(DAYS - 1, { body: 'A new analysis of the newest day.\n' });
        const summary = await expectSameAsColdBuild(root);
        expect(wasQuick(summary)).toBe(false);
        expect(await readFile(join(root, `dist/records/${date(DAYS - 1)}/index.html`), 'utf8')).toContain('A new analysis of the newest day.');
        // The full build wrote them again: the next edit is quick.
        await save(DAYS - 1, { body: 'And another.\n' });
        expect(wasQuick(await expectSameAsColdBuild(root))).toBe(true);
      });
    }
  });

  it('when a record was added or removed', async () => {
    await writeFiles(root, { 'records/2026-06-01.md': recordText(31, initial(31)).replace(date(31), '2026-06-01') });
    expect(wasQuick(await expectSameAsColdBuild(root))).toBe(false);
    await rm(join(root, `records/${date(1)}.md`));
    expect(wasQuick(await expectSameAsColdBuild(root))).toBe(false);
  });

  it('when a template other than the record page shows the analysis', async () => {
    await writeFiles(root, {
      'templates/home.hbs': '{{#> layout}}{{#each page.records}}<section>{{{bodyHtml}}}</section>{{/each}}{{/layout}}\n',
    });
    await build({ root });
    await save(DAYS - 1, { body: 'Shown on the home page too.\n' });
    expect(wasQuick(await expectSameAsColdBuild(root))).toBe(false);
    expect(await readFile(join(root, 'dist/index.html'), 'utf8')).toContain('Shown on the home page too.');
  });
});

// Random edits, each followed by a build compared byte for byte with a build from scratch.
describe('random sequences of edits', () => {
  it('always give the same output as a build from scratch', async () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const edits: ((i: number) => Partial<Day>)[] = [
      (i) => ({ body: `Edited analysis ${i} ${random(1000)}.\n` }),
      (i) => ({ body: `Edited analysis ${i} ${random(1000)}.\n` }),
      (i) => ({ title: `Title ${i} ${random(1000)}` }),
      (i) => ({ tasks: [[`Build ${random(1000)}`, `${i + 2}h`], [`Review \`code\` of day ${i}`, '45m']] }),
      () => ({ tasks: [['Build', `${1 + random(20)}h`], ['Review', `${5 + random(50)}m`]] }),
      () => ({ draft: random(2) === 0 }),
    ];
    let quick = 0;
    for (let step = 0; step < 16; step++) {
      const count = 1 + random(2);
      for (let k = 0; k < count; k++) {
        const i = random(DAYS);
        await save(i, edits[random(edits.length)]!(i));
      }
      if (wasQuick(await expectSameAsColdBuild(root))) quick++;
    }
    expect(quick).toBeGreaterThan(0);
  });
});
