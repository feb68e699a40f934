/**
 * The unified pipeline is loaded only when some text needs it (src/markdown/render.ts): a
 * build of plain Markdown never loads it, and a text that needs it, wherever it is met (a
 * record's body in a cold or an incremental build, the site's about text), is rendered by it
 * all the same. Each test imports the generator afresh, so it starts without the pipeline.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeRoot, removeRoot, writeFiles } from '../support/site.js';

/** The fast path declines a block quote and strikethrough: only the pipeline renders them. */
const NEEDS_PIPELINE = '> A quoted line.\n\nA ~~wrong~~ right word.\n';
const QUOTE_HTML = '<blockquote>\n<p>A quoted line.</p>\n</blockquote>';

const record = (day: number, body: string) =>
  `---\ndate: 2026-05-0${day}\ntasks:\n  - task: Build the thing\n    human: 2h\n    claude: 12m\n---\n\n${body}`;

let root: string;
beforeEach(async () => {
  vi.resetModules();
  root = await makeRoot({
    'records/2026-05-01.md': record(1, 'A plain analysis, with **bold** words and `code`.\n'),
    'records/2026-05-02.md': record(2, 'Another plain one.\n\n- a point\n- another point\n'),
  });
});
afterEach(() => removeRoot(root));

/** The generator's modules, fresh: the pipeline is not loaded yet. */
async function generator() {
  const { build } = await import('../../src/build.js');
  const { markdownPipelineLoaded } = await import('../../src/markdown/render.js');
  const { expectSameAsColdBuild } = await import('../incremental/same-as-cold.js');
  return { build, markdownPipelineLoaded, expectSameAsColdBuild };
}

const page = (day: number) => readFile(join(root, `dist/records/2026-05-0${day}/index.html`), 'utf8');

describe('the Markdown pipeline', () => {
  it('is not loaded by a build of plain Markdown', async () => {
    const { build, markdownPipelineLoaded } = await generator();
    await build({ root });
    expect(await page(1)).toContain('<strong>bold</strong>');
    expect(markdownPipelineLoaded()).toBe(false);
  });

  it("is loaded for a record's body that needs it in a full build", async () => {
    await writeFiles(root, { 'records/2026-05-02.md': record(2, NEEDS_PIPELINE) });
    const { build, markdownPipelineLoaded } = await generator();
    await build({ root });
    expect(markdownPipelineLoaded()).toBe(true);
    expect(await page(2)).toContain(QUOTE_HTML);
    expect(await page(2)).toContain('<del>wrong</del>');
  });

  it('is loaded by an incremental build whose edit needs it, which gives what a cold build gives', async () => {
    const { build, markdownPipelineLoaded, expectSameAsColdBuild } = await generator();
    await build({ root });
    await writeFiles(root, { 'records/2026-05-01.md': record(1, NEEDS_PIPELINE) });
    const summary = await expectSameAsColdBuild(root);
    expect(summary.processed).toBe(1);
    expect(summary.reused.records).toBe(1);
    expect(markdownPipelineLoaded()).toBe(true);
    expect(await page(1)).toContain(QUOTE_HTML);
  });

  it("is loaded for the site's about text when that needs it", async () => {
    await writeFiles(root, { 'site.yaml': `aboutRecords: |\n${NEEDS_PIPELINE.replace(/^/gm, '  ')}` });
    const { build, markdownPipelineLoaded } = await generator();
    await build({ root });
    expect(markdownPipelineLoaded()).toBe(true);
    expect(await page(1)).toContain(QUOTE_HTML);
  });
});

describe('withMarkdown', () => {
  it('runs the work once when it needs no pipeline, and again once the pipeline is loaded when it does', async () => {
    const { withMarkdown, renderMarkdown, markdownPipelineLoaded } = await import('../../src/markdown/render.js');
    let runs = 0;
    expect(await withMarkdown(() => (runs++, renderMarkdown('plain', { allowHtml: false })))).toBe('<p>plain</p>');
    expect(runs).toBe(1);
    expect(markdownPipelineLoaded()).toBe(false);
    const html = await withMarkdown(() => (runs++, renderMarkdown('> quoted', { allowHtml: false })));
    expect(html).toBe('<blockquote>\n<p>quoted</p>\n</blockquote>');
    expect(runs).toBe(3);
  });

  it('lets any other error through', async () => {
    const { withMarkdown } = await import('../../src/markdown/render.js');
    await expect(withMarkdown(() => { throw new TypeError('not this'); })).rejects.toThrow('not this');
  });
});
