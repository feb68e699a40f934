/** YAML that tries to exhaust the generator: alias bombs, deep nesting, huge documents. */
import { describe, expect, it } from 'vitest';
import { expectBuilt, expectRejected, hostileBuild, plainRecord } from './helpers.js';

/** "Billion laughs": nine levels of nine aliases each, 9^9 strings if expanded. */
function laughs(indent = ''): string {
  const lines = [`${indent}l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
  for (let i = 1; i <= 9; i++) {
    lines.push(`${indent}l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  }
  return lines.join('\n');
}

describe('alias bombs', () => {
  it('in a record: a located error, quickly, nothing written', async () => {
    const text = `---\ndate: 2026-03-02\n${laughs()}\ntags: *l9\ntasks:\n  - task: x\n    human: 1h\n    claude: 1m\n---\n`;
    const result = await hostileBuild({ 'records/2026-03-02.md': text, 'records/2026-03-03.md': plainRecord('2026-03-03') });
    try {
      expectRejected(result, /records\/2026-03-02\.md:\d+:\d+: YAML aliases expand to too much data/);
    } finally {
      await result.cleanup();
    }
  });

  it('hidden in a task row', async () => {
    const text = `---\ndate: 2026-03-02\ntasks:\n  - task: x\n    human: 1h\n    claude: 1m\n    project:\n${laughs('      ')}\n---\n`;
    const result = await hostileBuild({ 'records/2026-03-02.md': text });
    try {
      expectRejected(result, /records\/2026-03-02\.md:\d+:\d+: YAML aliases expand to too much data/);
    } finally {
      await result.cleanup();
    }
  });

  it('in site.yaml: a located error', async () => {
    const result = await hostileBuild({
      'site.yaml': `title: Bomb\n${laughs()}\ndefaultTags: *l9\n`,
      'records/2026-03-02.md': plainRecord('2026-03-02'),
    });
    try {
      expectRejected(result, /site\.yaml:\d+:\d+: YAML aliases expand to too much data/);
    } finally {
      await result.cleanup();
    }
  });

  it('an alias without an anchor is named', async () => {
    const result = await hostileBuild({
      'records/2026-03-02.md': `---\ndate: 2026-03-02\ntags: *nowhere\ntasks:\n  - task: x\n    human: 1h\n    claude: 1m\n---\n`,
    });
    try {
      expectRejected(result, /records\/2026-03-02\.md:3:7: .*\*nowhere/);
    } finally {
      await result.cleanup();
    }
  });

  it('a few ordinary aliases are fine', async () => {
    const text = `---\ndate: 2026-03-02\ntasks:\n  - task: a\n    human: &h 2h\n    claude: &c 10m\n  - task: b\n    human: *h\n    claude: *c\n---\n`;
    const result = await hostileBuild({ 'records/2026-03-02.md': text });
    try {
      expectBuilt(result);
      expect(result.outFiles).toContain('records/2026-03-02/index.html');
    } finally {
      await result.cleanup();
    }
  });
});

describe('deep nesting', () => {
  it.each([
    ['flow lists', `tags: ${'['.repeat(50_000)}${']'.repeat(50_000)}`, /:3:\d+: /],
    ['flow maps', `tags: ${'{a: '.repeat(20_000)}${'}'.repeat(20_000)}`, /:3:\d+: /],
    // The parser itself overflows here: reported at the most indented line.
    ['block maps', `tags:\n${Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(i + 2)}a${i}:`).join('\n')}`, /:3003:3002: /],
  ])('%s nested thousands deep: a located error, not a crash, and a short message', async (_name, yaml, where) => {
    const text = `---\ndate: 2026-03-02\n${yaml}\ntasks:\n  - task: x\n    human: 1h\n    claude: 1m\n---\n`;
    const result = await hostileBuild({ 'records/2026-03-02.md': text });
    try {
      expectRejected(result, /records\/2026-03-02\.md:\d+:\d+: YAML is nested too deeply to be read \(nest lists and maps/);
      expect(result.stderr).toMatch(where);
      // The code frame shows a window of the 100,000-character line, not all of it.
      expect(result.stderr.length).toBeLessThan(2_000);
    } finally {
      await result.cleanup();
    }
  });
});

describe('huge documents', () => {
  it('a front matter of 300,000 lines under an unknown key: one warning, a site', async () => {
    const notes = Array.from({ length: 300_000 }, (_, i) => `  - note ${i}`).join('\n');
    const text = `---\ndate: 2026-03-02\nnotes:\n${notes}\ntasks:\n  - task: x\n    human: 1h\n    claude: 1m\n---\n`;
    const result = await hostileBuild({ 'records/2026-03-02.md': text });
    try {
      expectBuilt(result);
      expect(result.stderr).toMatch(/records\/2026-03-02\.md:3:1: warning: unknown field notes/);
    } finally {
      await result.cleanup();
    }
  });

  it('a site.yaml of 20,000 unknown keys: a warning for each, a site', async () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `key${i}: value`).join('\n');
    const result = await hostileBuild({ 'site.yaml': `title: Big\n${keys}\n`, 'records/2026-03-02.md': plainRecord('2026-03-02') });
    try {
      expectBuilt(result);
      expect(result.stderr.match(/warning: unknown key/g)).toHaveLength(20_000);
    } finally {
      await result.cleanup();
    }
  });

  it('a 10 MB summary: a site that carries it', async () => {
    const huge = 'word '.repeat(2_000_000);
    const result = await hostileBuild({
      'records/2026-03-02.md': `---\ndate: 2026-03-02\nsummary: "${huge}"\ntasks:\n  - task: x\n    human: 1h\n    claude: 1m\n---\n`,
    });
    try {
      expectBuilt(result);
      expect(result.outFiles).toContain('records/2026-03-02/index.html');
    } finally {
      await result.cleanup();
    }
  });
});
