/**
 * What an incremental build makes again: exactly the files whose declared dependencies
 * changed (incremental/plan.ts), and always the same bytes as a build from scratch.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type BuildSummary } from '../../src/build.js';
import { makeRoot, readTree, removeRoot, writeFiles } from '../support/site.js';
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
  const summary = day.summary ? `summary: ${day.summary}\n` : ''; // none: the body's first paragraph stands for it
  return `---\ndate: ${date(i)}\ntitle: ${day.title}\ntags: ${day.tags}\n${summary}${draft}tasks:\n${tasks}---\n\n${day.body}`;
}

let root: string;
let days: Day[];

async function save(i: number, change: Partial<Day>) {
  days[i] = { ...days[i]!, ...change };
  await writeFiles(root, { [`records/${date(i)}.md`]: recordText(i, days[i]!) });
}

/** The output files whose bytes differ between two snapshots of dist/. */
async function changedFiles(before: Map<string, Buffer>): Promise<string[]> {
  const after = await readTree(join(root, 'dist'));
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => !before.get(path)?.equals(after.get(path) ?? Buffer.alloc(0)) || !after.has(path)).sort();
}

const files = (summary: BuildSummary) => summary.written + summary.unchanged;

beforeEach(async () => {
  days = Array.from({ length: DAYS }, (_, i) => initial(i));
  root = await makeRoot({
    'site.yaml': 'feedRecords: 4\n',
    ...Object.fromEntries(days.map((day, i) => [`records/${date(i)}.md`, recordText(i, day)])),
  });
  await build({ root });
});
afterEach(() => removeRoot(root));

describe('an incremental build', () => {
  it('after a new analysis of an old record, makes its page alone, and reuses every other file', async () => {
    const before = await readTree(join(root, 'dist'));
    await save(2, { body: 'A new analysis.\n' });
    const summary = await expectSameAsColdBuild(root);
    expect(await changedFiles(before)).toEqual([`records/${date(2)}/index.html`]);
    expect(summary.processed).toBe(1);
    expect(summary.reused).toEqual({ everything: false, records: DAYS - 1, files: files(summary) - 1 });
  });

  it('after a new analysis of a record in the feeds, makes its page and the feeds', async () => {
    const before = await readTree(join(root, 'dist'));
    await save(DAYS - 1, { body: 'The newest analysis.\n' });
    const summary = await expectSameAsColdBuild(root);
    expect(await changedFiles(before)).toEqual([
      'feed.json',
      'feed.xml',
      `records/${date(DAYS - 1)}/index.html`,
      'tags/ai/feed.json',
      'tags/ai/feed.xml',
      'tags/time-record/feed.json',
      'tags/time-record/feed.xml',
    ]);
    expect(summary.reused.files).toBe(files(summary) - 7);
  });

  it('after a new first paragraph of a record without summary, its description and feed summary follow', async () => {
    await save(DAYS - 1, { summary: '' });
    await expectSameAsColdBuild(root);
    const before = await readTree(join(root, 'dist'));
    await save(DAYS - 1, { body: 'A *rewritten* opening.\n\n- a point\n' });
    await expectSameAsColdBuild(root);
    const page = await readFile(join(root, `dist/records/${date(DAYS - 1)}/index.html`), 'utf8');
    expect(page).toContain('<meta name="description" content="A rewritten opening.">');
    expect(await readFile(join(root, 'dist/feed.xml'), 'utf8')).toContain('<summary type="text">A rewritten opening.</summary>');
    expect(await changedFiles(before)).toContain('feed.json');
  });

  it('after a new title, makes the pages that show it: its own, its neighbours, the lists, the exports', async () => {
    const before = await readTree(join(root, 'dist'));
    await save(5, { title: 'A brand new title' });
    await expectSameAsColdBuild(root);
    const changed = await changedFiles(before);
    expect(changed).toEqual(expect.arrayContaining([`records/${date(4)}/index.html`, `records/${date(5)}/index.html`, `records/${date(6)}/index.html`, 'data/records.json', 'tags/ai/index.html']));
    expect(changed).not.toContain(`records/${date(8)}/index.html`);
  });

  it('after new numbers, makes the later records\' pages too (their milestones compare with it), not the earlier ones', async () => {
    const before = await readTree(join(root, 'dist'));
    await save(3, { tasks: [['Build', '300h'], ['Review', '5m']] });
    await expectSameAsColdBuild(root);
    const changed = await changedFiles(before);
    expect(changed).toEqual(expect.arrayContaining([`records/${date(3)}/index.html`, `records/${date(4)}/index.html`, 'stats/index.html']));
    expect(changed).not.toContain(`records/${date(1)}/index.html`);
  });

  it('after the tasks moved down a line (a blank line above them), reads the record and makes no file again', async () => {
    await writeFiles(root, { [`records/${date(4)}.md`]: recordText(4, days[4]!).replace('tasks:\n', '\ntasks:\n') });
    const summary = await expectSameAsColdBuild(root);
    expect(summary.processed).toBe(1);
    expect(summary.reused).toEqual({ everything: false, records: DAYS - 1, files: files(summary) });
  });

  it('after nothing changed, reuses everything without reading a record', async () => {
    const summary = await build({ root });
    expect(summary.reused).toEqual({ everything: true, records: DAYS, files: files(summary) });
    expect(summary.written).toBe(0);
  });

  it('after a file was only touched, reads it and writes nothing', async () => {
    const file = join(root, `records/${date(1)}.md`);
    const later = new Date((await stat(file)).mtimeMs + 5000);
    await utimes(file, later, later);
    const summary = await expectSameAsColdBuild(root);
    expect(summary.written).toBe(0);
    expect(summary.processed).toBe(0);
  });

  it('after a record became a draft, leaves it unpublished', async () => {
    await save(DAYS - 2, { draft: true });
    await expectSameAsColdBuild(root);
    expect((await readTree(join(root, 'dist'))).has(`records/${date(DAYS - 2)}/index.html`)).toBe(false);
  });

  // The spelling a tag's page shows is the one most records use: records written before can
  // change spelling without being edited, and their pages must follow.
  it('after later records outnumber a tag spelling, shows the new spelling on every page', async () => {
    await save(1, { tags: '[AI, Time Record, infra]' });
    await build({ root });
    await save(7, { tags: '[AI, Time Record, INFRA]' });
    await save(8, { tags: '[AI, Time Record, INFRA]' });
    await expectSameAsColdBuild(root);
    const first = await readFile(join(root, `dist/records/${date(1)}/index.html`), 'utf8');
    expect(first).toContain('>INFRA<');
  });

  it('gives list pages no analysis to show: a theme cannot show what a page does not depend on', async () => {
    await writeFiles(root, {
      'templates/home.hbs': '{{#> layout}}{{#each page.records}}<section>[{{{bodyHtml}}}]</section>{{/each}}{{/layout}}\n',
    });
    await build({ root });
    await save(DAYS - 1, { body: 'Not on the home page.\n' });
    await expectSameAsColdBuild(root);
    const home = await readFile(join(root, 'dist/index.html'), 'utf8');
    expect(home).toContain('<section>[]</section>');
    expect(home).not.toContain('Not on the home page.');
  });
});

// Random edits, each followed by a build compared byte for byte with a build from scratch: a
// page that declared less than it shows would come out stale in one of them.
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
      (i) => ({ summary: `Summary ${i} ${random(1000)}.` }),
      () => ({ summary: '' }),
      (i) => ({ tags: random(2) ? '[AI, Time Record]' : `[AI, Tag ${random(3)}]` }),
      (i) => ({ tasks: [[`Build ${random(1000)}`, `${i + 2}h`], [`Review \`code\` of day ${i}`, '45m']] }),
      () => ({ tasks: [['Build', `${1 + random(20)}h`], ['Review', `${5 + random(50)}m`]] }),
      () => ({ draft: random(2) === 0 }),
    ];
    let mostlyReused = 0;
    for (let step = 0; step < 16; step++) {
      const count = 1 + random(2);
      for (let k = 0; k < count; k++) {
        const i = random(DAYS);
        await save(i, edits[random(edits.length)]!(i));
      }
      const summary = await expectSameAsColdBuild(root);
      if (summary.reused.files > files(summary) / 2) mostlyReused++;
    }
    expect(mostlyReused).toBeGreaterThan(0);
  });
});
