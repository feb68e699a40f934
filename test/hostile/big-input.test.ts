/** Very large but valid input builds, in bounded time, into correct pages. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFactor, formatNumber } from '../../src/leverage/format.js';
import { readHtml, tableAfterHeading, tableRows, text } from '../support/site.js';
import { expectBuilt, hostileBuild } from './helpers.js';

describe('a 20,000-task day', () => {
  const TASKS = 20_000;
  const rows = Array.from({ length: TASKS }, (_, i) => ({ human: (i % 10) + 1, claude: (i % 7) + 1 }));
  const yaml = rows.map((r, i) => `  - task: "Task ${i + 1}"\n    human: ${r.human}h\n    claude: ${r.claude}m`).join('\n');

  it('builds, and its page lists every row with the right totals', async () => {
    const result = await hostileBuild({ 'records/2026-03-02.md': `---\ndate: 2026-03-02\ntasks:\n${yaml}\n---\n\nA long day.\n` });
    try {
      expectBuilt(result);
      const page = await readHtml(join(result.out, 'records/2026-03-02/index.html'));
      const numbers = tableRows(tableAfterHeading(page, 'The Numbers'));
      expect(numbers).toHaveLength(TASKS);
      expect(numbers[0]).toEqual(['1', 'Task 1', '1 hour', '1 min', '60x']);
      expect(numbers[TASKS - 1]).toEqual([String(TASKS), `Task ${TASKS}`, '10 hours', `${((TASKS - 1) % 7) + 1} min`, formatFactor(600 / (((TASKS - 1) % 7) + 1))]);
      const human = rows.reduce((s, r) => s + r.human * 60, 0);
      const claude = rows.reduce((s, r) => s + r.claude, 0);
      const aggregate = Object.fromEntries(tableRows(tableAfterHeading(page, 'Aggregate')));
      expect(aggregate['Tasks completed']).toBe(formatNumber(TASKS));
      expect(aggregate['Weighted leverage factor']).toBe(formatFactor(human / claude));
      expect(aggregate['Human equivalent']).toBe(`${formatNumber(human / 60, 2)} hours (~${formatNumber(human / 60 / 40, 1)} work weeks)`);
    } finally {
      await result.cleanup();
    }
  });
});

describe('a 5 MB body', () => {
  // Markdown parsing (micromark) dominates: about 20 s for 5 MB on a slow machine, linear in size.
  it('builds into one page that holds all of it', { timeout: 60_000 }, async () => {
    const sentence = 'The quick brown fox jumps over the lazy dog and keeps on running. ';
    const paragraphs = Array.from({ length: Math.ceil((5 * 1024 * 1024) / (sentence.length * 4 + 40)) }, (_, i) =>
      `${sentence.repeat(4)}Paragraph *${i}* of \`many\`.`,
    );
    const body = paragraphs.join('\n\n');
    expect(body.length).toBeGreaterThan(5_000_000);
    const result = await hostileBuild({
      'records/2026-03-02.md': `---\ndate: 2026-03-02\ntasks:\n  - task: Write\n    human: 1h\n    claude: 1m\n---\n\n${body}\n`,
    });
    try {
      expectBuilt(result);
      const page = await readHtml(join(result.out, 'records/2026-03-02/index.html'));
      const analysis = text(page, 'section.analysis');
      expect(analysis).toContain('Paragraph 0 of many.');
      expect(analysis).toContain(`Paragraph ${paragraphs.length - 1} of many.`);
      expect(text(page, '.reading-time')).toMatch(/^[\d,]+ min read$/);
    } finally {
      await result.cleanup();
    }
  });
});
