/**
 * Each table style, in Markdown and in HTML: the written record file (its YAML parsed), the
 * messages, and the record accepted by the generator's own record reader.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPosts, type PostResult } from '../../src/import/index.js';
import { fixture, minutesOf, readRecord, recordErrors, scratch } from './helpers.js';

async function importOne(name: string): Promise<{ result: PostResult; out: string }> {
  const out = await scratch();
  const report = await importPosts([fixture(name)], { outDir: out, checkOnly: false });
  expect(report.results).toHaveLength(1);
  return { result: report.results[0]!, out };
}

async function imported(name: string, date: string) {
  const { result, out } = await importOne(name);
  expect(result.status, JSON.stringify(result.diagnostics)).toBe('imported');
  expect(report(result)).toEqual([]);
  const path = join(out, `${date}.md`);
  expect(result.output).toBe(path);
  const record = await readRecord(path);
  expect(recordErrors(`records/${date}.md`, record.text)).toEqual([]);
  return { ...record, result };
}

/** Mismatches and notes, as `line: message`. */
function report(result: PostResult): string[] {
  return result.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.line}: ${d.message}`);
}

const REFERENCE_HUMAN = ['4h', '6h', '16h', '40h', '16h', '90h', '64h', '104h', '64h', '152h', '168h', '240h', '8h', '4h', '120h'];
const REFERENCE_CLAUDE = ['19m', '25m', '18m', '25m', '12m', '105m', '49m', '34m', '30m', '59m', '98m', '110m', '20m', '4m', '35m'];

describe.each(['md', 'html'])('(a) # | Task | Human Est. | Claude | Leverage, with an Aggregate table (%s)', (ext) => {
  it('writes the reference day with tokens and tasksCompleted from the aggregate table', async () => {
    const { data, body } = await imported(`reference-day.${ext}`, '2026-03-02');
    expect(data['date']).toBe('2026-03-02');
    expect(data).not.toHaveProperty('title');
    expect(data['tokens']).toBe(2095000);
    expect(data['tasksCompleted']).toBe(35);
    expect(data['summary']).toBe('A marathon day of structured document authoring at scale, plus CMS work.');
    expect(minutesOf(data, 'human')).toEqual(REFERENCE_HUMAN);
    expect(minutesOf(data, 'claude')).toEqual(REFERENCE_CLAUDE);
    expect(data['tasks'][1].task).toBe('CMS: editorial workflow states and `publish_at` scheduling');
    expect(data['tasks'][4].task).toBe('Search index rebuild with *incremental* updates');
    expect(data['tasks'][13].task).toBe('Fix flaky [deploy check](https://example.com/ci)');
    expect(data['tasks'][0]).not.toHaveProperty('supervision');
    expect(body).toMatch(/^Document authoring at scale is where the leverage compounds/);
    expect(body).not.toMatch(/Analysis|The Numbers|Aggregate|Leverage Record/);
    expect(body).toContain('- The CMS work was ordinary: *14.4x* and **24x**.\n- The study plans (row 15) topped the day.');
    expect(body).toContain('```sh\nnpm run build\n```');
  });
});

describe.each(['md', 'html'])('(b) … | Supv. | LF | SLF (%s)', (ext) => {
  it('imports supervision, the title and the summary', async () => {
    const { data, body } = await imported(`supv-lf-slf.${ext}`, '2026-03-03');
    expect(data['title']).toBe('Four tasks, one long migration');
    expect(data['summary']).toBe('A migration day with supervision tracked per task.');
    expect(minutesOf(data, 'human')).toEqual(['120h', '24h', '1.5h', '16h']);
    expect(minutesOf(data, 'claude')).toEqual(['40m', '8m', '8.6m', '25m']);
    expect(minutesOf(data, 'supervision')).toEqual(['5m', '2m', '1m', '3m']);
    expect(data['tasks'][2].task).toBe('Fix the `retry` decorator');
    expect(data).not.toHaveProperty('tokens');
    expect(data).not.toHaveProperty('tasksCompleted'); // "Total tasks | 4" is the row count
    expect(body).toContain('Supervision stayed small because the plan was written first.');
    expect(body).not.toMatch(/Task Log|Totals|March 3/);
  });
});

it('(b) keeps front matter model and tags, and the prose before the tables', async () => {
  const { data, body } = await imported('supv-lf-slf.md', '2026-03-03');
  expect(data['model']).toBe('Claude Opus 4.6');
  expect(data['tags']).toEqual(['AI', 'Time Record', 'Migrations']);
  expect(data).not.toHaveProperty('layout');
  expect(body).toBe(
    'The intro paragraph is not the summary here, since the front matter has a description.\n\n' +
      '## What I learned\n\nSupervision stayed small because the plan was written first.',
  );
});

describe.each(['md', 'html'])('(c) … | Sup. | Factor | Sup. Factor, "Aggregate Statistics" (%s)', (ext) => {
  it('reads 60.0h / 65m / 6m rows and the Metric | Value table', async () => {
    const { data, body } = await imported(`sup-factor.${ext}`, '2026-05-21');
    expect(data).not.toHaveProperty('title');
    expect(data['tokens']).toBe(350000);
    expect(data).not.toHaveProperty('tasksCompleted');
    expect(minutesOf(data, 'human')).toEqual(['60h', '4h', '5h']);
    expect(minutesOf(data, 'claude')).toEqual(['65m', '14m', '35m']);
    expect(minutesOf(data, 'supervision')).toEqual(['6m', '3m', '4m']);
    expect(data['tasks'][1].task).toBe('AP Precalc spec audit | rollout plan');
    expect(data['summary']).toBe(
      'Three tasks, weighted to 36.3x leverage across 69.0 human-equivalent hours in 114 Claude-minutes.',
    );
    // No byline, no repeated summary, no "About These Records", no leading "Analysis" heading.
    expect(body).toBe("The day's leverage distribution matters more than the headline figure.");
  });
});

describe.each(['md', 'html'])('(d) … | Weeks | Factor | Sup. Factor (%s)', (ext) => {
  it('checks the weeks and takes supervision from the supervisory factors', async () => {
    const { result, out } = await importOne(`weeks.${ext}`);
    expect(result.status).toBe('imported');
    expect(result.mismatches).toBe(0);
    expect(report(result)).toEqual([
      "7: Sup. Factor column without a supervision column: supervision imported as the whole minutes that give each row's Sup. Factor (human ÷ Sup. Factor)",
    ]);
    const { data, text } = await readRecord(join(out, '2026-03-18.md'));
    expect(recordErrors('records/2026-03-18.md', text)).toEqual([]);
    expect(minutesOf(data, 'human')).toEqual(['45h', '16h', '16h', '24h', '6h']);
    expect(minutesOf(data, 'claude')).toEqual(['20m', '18m', '25m', '45m', '12m']);
    expect(minutesOf(data, 'supervision')).toEqual(['5m', '5m', '5m', '5m', '3m']);
    expect(data['summary']).toBe('Five tasks, mostly editorial.');
  });
});

describe.each(['md', 'html'])('(e) a table without a heading, the date in the file name (%s)', (ext) => {
  it('finds the table by its columns', async () => {
    const { data, body } = await imported(`2026-03-05-quick-day.${ext}`, '2026-03-05');
    expect(data['date']).toBe('2026-03-05');
    expect(data['summary']).toBe('A short day: two fixes and a review.');
    expect(minutesOf(data, 'human')).toEqual(['3h', '0.5h', '1.5h']);
    expect(minutesOf(data, 'claude')).toEqual(['45m', '9m', '15m']);
    expect(body).toBe('Nothing else worth writing down.');
  });
});

describe.each([
  ['md', [17, 18, 26, 27]],
  ['html', [17, 18, 25, 26]],
] as const)('(f) wrong hand-computed factors (%s)', (ext, lines) => {
  it('reports every figure that disagrees, at its line, and still imports', async () => {
    const { result, out } = await importOne(`wrong-factors.${ext}`);
    const file = fixture(`wrong-factors.${ext}`);
    expect(result.status).toBe('imported');
    expect(result.mismatches).toBe(4);
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([
      `${file}:${lines[0]}: row 5 says 38x, human 16h / claude 25m is 38.4x`,
      `${file}:${lines[1]}: row 6 says 25x, human 8h / claude 20m is 24x`,
      `${file}:${lines[2]}: Claude wall-clock says 130 minutes, the rows add up to 132 minutes`,
      `${file}:${lines[3]}: Weighted leverage factor says 41.2x, human 90h / claude 132m is 40.9x`,
    ]);
    const source = (await readFile(file, 'utf8')).split('\n');
    expect(source[lines[0] - 1]).toContain('38x');
    expect(source[lines[3] - 1]).toContain('41.2x');
    const { data } = await readRecord(join(out, '2026-03-06.md'));
    expect(data['title']).toBe('A day of hand-computed factors');
    expect(minutesOf(data, 'claude')).toEqual(['19m', '25m', '18m', '25m', '25m', '20m']);
  });
});

describe('(g) posts it cannot read', () => {
  it.each(['no-table.md', 'no-table.html'])('%s: no task table', async (name) => {
    const { result, out } = await importOne(name);
    expect(result.status).toBe('failed');
    expect(result.output).toBeNull();
    expect(result.diagnostics.map((d) => d.message)).toEqual(['no task table found']);
    expect(result.diagnostics[0]!.hint).toMatch(/Task, Human and Claude columns/);
    expect(await readdirSafe(out)).toEqual([]);
  });

  it('names the tables it found instead', async () => {
    const { result } = await importOne('no-table.md');
    expect(result.diagnostics[0]!.hint).toContain('line 9: "Tool | Version"');
  });

  it('a duration it cannot parse, with its line', async () => {
    const { result } = await importOne('bad-duration.md');
    expect(result.status).toBe('failed');
    expect(result.diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      '6: row 2: cannot read Human Est. "a while" as a duration',
      '6: row 2: cannot read Claude "soon" as a duration',
    ]);
  });

  it('no date', async () => {
    const { result } = await importOne('no-date.md');
    expect(result.status).toBe('failed');
    expect(result.diagnostics.map((d) => d.message)).toEqual(['no date found']);
  });

  it('a file that does not exist', async () => {
    const { result } = await importOne('missing.md');
    expect(result.status).toBe('failed');
    expect(result.diagnostics.map((d) => d.message)).toEqual(['cannot read the file: no such file']);
  });
});

async function readdirSafe(path: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  return readdir(path);
}
