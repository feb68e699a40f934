/** Less common shapes of hand-written posts, read from inline text. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blocksMarkdown } from '../../src/import/html-to-markdown.js';
import { convertPost, importPosts } from '../../src/import/index.js';
import { agrees } from '../../src/import/verify.js';
import { fixture, scratch, splitRecord } from './helpers.js';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

function convert(text: string, file = 'post.md') {
  const result = convertPost(text, file);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result;
}

function messages(result: ReturnType<typeof convert>): string[] {
  return [...result.post.notes, ...result.mismatches].map((d) => `${d.line}: ${d.message}`);
}

const TABLE = '| # | Task | Human Est. | Claude | Leverage |\n|---|---|---|---|---|';

describe('printed precision', () => {
  it('rounds the recomputed value half away from zero to the printed decimals', () => {
    expect(agrees(2.25, { text: '2.3', value: 2.3, decimals: 1 })).toBe(true);
    expect(agrees(38.4, { text: '38x', value: 38, decimals: 0 })).toBe(true);
    expect(agrees(38.4, { text: '38x', value: 38, decimals: 0 }, 1)).toBe(false);
    expect(agrees(118.75, { text: '118.8x', value: 118.8, decimals: 1 })).toBe(true);
  });

  it('takes whole factors among one-decimal ones as x.0, and alone as whole', () => {
    const mixed = convert(`# Leverage Record: March 2, 2026\n\n${TABLE}\n| 1 | A | 4h | 19m | 12.6x |\n| 2 | B | 16h | 25m | 38x |\n`);
    expect(messages(mixed)).toEqual(['6: row 2 says 38x, human 16h / claude 25m is 38.4x']);
    const whole = convert(`# Leverage Record: March 2, 2026\n\n${TABLE}\n| 1 | A | 4h | 20m | 12x |\n| 2 | B | 16h | 25m | 38x |\n`);
    expect(messages(whole)).toEqual([]);
  });
});

describe('task table shapes', () => {
  it('a total row is checked like the aggregate table, not imported as a task', () => {
    const result = convert(
      `---\ndate: 2026-03-02\n---\n${TABLE}\n| 1 | A | 4h | 20m | 12x |\n| 2 | B | 16h | 25m | 38.4x |\n| | **Total** | 21 hours | 45 min | 26.7x |\n`,
    );
    expect(result.post.tasks).toHaveLength(2);
    // 20h / 45m is 26.7x and 45 min are right; 21 hours is not.
    expect(messages(result)).toEqual(['8: total Human Est. says 21 hours, the rows add up to 20 hours']);
  });

  it('a factor it cannot read is named, not checked', () => {
    const result = convert(`# Leverage Record: March 2, 2026\n\n${TABLE}\n| 1 | A | 4h | 20m | about 12 |\n| 2 | B | 4h | 20m | — |\n`);
    expect(messages(result)).toEqual(['5: row 1: cannot read Leverage "about 12" as a number; not checked']);
  });

  it('supervision on some rows only is not imported', () => {
    const result = convert(
      '# Leverage Record: March 2, 2026\n\n| # | Task | Human | Claude | Supervision |\n|---|---|---|---|---|\n| 1 | A | 4h | 20m | 2m |\n| 2 | B | 4h | 20m | |\n',
    );
    expect(result.post.tasks.map((t) => t.supervisionMinutes)).toEqual([null, null]);
    expect(messages(result)).toEqual([
      '3: supervision is missing in row 2; supervision not imported (a record has it on every task or on none)',
    ]);
  });

  it('only the first task table is imported, and it says so', () => {
    const result = convert(`# Leverage Record: March 2, 2026\n\n${TABLE}\n| 1 | A | 4h | 20m | 12x |\n\n${TABLE}\n| 1 | C | 4h | 20m | 12x |\n`);
    expect(result.post.tasks.map((t) => t.task)).toEqual(['A']);
    expect(messages(result)).toEqual(['7: a second task table is not imported (only the first one is)']);
  });

  it('a title that differs from the default is kept; the date then comes from the file name', () => {
    const result = convert(`# Shipping week\n\n${TABLE}\n| 1 | A | 4h | 20m | 12x |\n`, 'old/2026-03-09-shipping.md');
    const { data } = splitRecord(result.recordText);
    expect(data).toMatchObject({ date: '2026-03-09', title: 'Shipping week' });
  });
});

describe('bad input', () => {
  it('front matter that is not YAML: path:line', () => {
    const result = convertPost('---\ndate: [2026\n---\n', 'post.md');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]!.message).toMatch(/^front matter is not valid YAML/);
  });

  it('a record of that day elsewhere under --out (a year folder) is not duplicated', async () => {
    const out = await scratch();
    await mkdir(join(out, '2026'));
    await writeFile(join(out, '2026', '2026-03-02.md'), 'keep\n');
    const report = await importPosts([fixture('reference-day.md')], { outDir: out, checkOnly: false });
    expect(report.exitCode).toBe(1);
    expect(report.results[0]!.diagnostics.map((d) => d.message)).toEqual([
      `${join(out, '2026', '2026-03-02.md')} already holds the record of 2026-03-02; not written`,
    ]);
  });
});

describe('HTML prose to Markdown', () => {
  function markdown(html: string): string {
    const tree = unified().use(rehypeParse, { fragment: true }).parse(html);
    return blocksMarkdown(tree.children as never);
  }

  it('converts paragraphs, headings, lists, code, quotes, links and emphasis', () => {
    expect(
      markdown(
        '<h3>Notes</h3><p>Use <code>npm run build</code>, see <a href="https://example.com/a">the <em>docs</em></a>.</p>' +
          '<ul><li>one<ul><li>nested</li></ul></li><li><strong>two</strong></li></ul>' +
          '<ol start="3"><li>three</li></ol><blockquote><p>Quoted.</p></blockquote><hr>' +
          '<pre><code class="language-ts">const a = 1;\n</code></pre><p>2 * 3 and snake_case_name</p>',
      ),
    ).toBe(
      [
        '### Notes',
        'Use `npm run build`, see [the *docs*](https://example.com/a).',
        '- one\n  - nested\n- **two**',
        '3. three',
        '> Quoted.',
        '---',
        '```ts\nconst a = 1;\n```',
        '2 \\* 3 and snake_case_name',
      ].join('\n\n'),
    );
  });
});
