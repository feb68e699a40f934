/** `leverage sessions` and `leverage new --from-sessions` as an author runs them, over fixture logs. */
import { afterEach, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTranscriptCorpus } from '../../src/bench/sessions-corpus.js';
import { runCli } from '../support/cli.js';
import { makeRoot } from '../support/site.js';
import { assistantLine, configFolder, MARKER, turnLine, userLine } from '../sessions/transcripts.js';

const temps: string[] = [];
const temp = <T extends string>(dir: T) => (temps.push(dir), dir);
afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** An environment in which no real config folder can be found. */
async function isolatedEnv(extra: Record<string, string> = {}) {
  const home = temp(await mkdtemp(join(tmpdir(), 'leverage-home-')));
  return { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), CLAUDE_CONFIG_DIR: '', TZ: 'UTC', ...extra };
}

async function leverage(args: string[], env: Record<string, string> = {}) {
  const result = await runCli(args, { env: await isolatedEnv(env), timeoutMs: 120_000 });
  expect(result.stdout + result.stderr).not.toContain(MARKER);
  return result;
}

/** A day of work: session a in cms (a sub-agent file too), session b in api, an old session c without turn durations. */
function dayOfWork() {
  const a = { sessionId: 'aaaaaaaa-1', cwd: '/home/me/cms' };
  const b = { sessionId: 'bbbbbbbb-2', cwd: '/home/me/api' };
  const c = { sessionId: 'cccccccc-3', cwd: '/srv/old' };
  return {
    '-home-me-cms/aaaaaaaa-1.jsonl': [
      userLine({ ...a, timestamp: '2026-03-02T09:12:00.000Z' }),
      assistantLine({ ...a, timestamp: '2026-03-02T09:12:30.000Z', messageId: 'm1', requestId: 'r1', usage: { input: 12, output: 40, cacheCreation: 2100, cacheRead: 81000 } }),
      assistantLine({ ...a, timestamp: '2026-03-02T09:13:00.000Z', messageId: 'm1', requestId: 'r1', usage: { input: 12, output: 840, cacheCreation: 2100, cacheRead: 81000 } }),
      turnLine({ ...a, timestamp: '2026-03-02T09:31:24.000Z', durationMs: 1_164_000 }),
      '{"type":"assistant","timestamp":"2026-03-02T09:32:00.000Z","message":{"content":"' + MARKER,
    ],
    '-home-me-cms/aaaaaaaa-1/subagents/agent-1.jsonl': [
      assistantLine({ ...a, isSidechain: true, timestamp: '2026-03-02T09:14:00.000Z', messageId: 'm1', requestId: 'r1', usage: { input: 12, output: 840, cacheCreation: 2100, cacheRead: 81000 } }),
      assistantLine({ ...a, isSidechain: true, timestamp: '2026-03-02T09:15:00.000Z', messageId: 'm2', requestId: 'r2', usage: { input: 100, output: 48 } }),
      turnLine({ ...a, isSidechain: true, timestamp: '2026-03-02T09:16:00.000Z', durationMs: 60_000 }),
    ],
    '-home-me-api/bbbbbbbb-2.jsonl': [
      userLine({ ...b, timestamp: '2026-03-02T14:00:00.000Z' }),
      assistantLine({ ...b, timestamp: '2026-03-02T14:00:10.000Z', usage: { input: 3, output: 500, cacheCreation: 1000 } }),
      turnLine({ ...b, timestamp: '2026-03-02T14:45:00.000Z', durationMs: 2_700_000 }),
      JSON.stringify({ type: 'summary', summary: MARKER }),
    ],
    '-srv-old/cccccccc-3.jsonl': [
      userLine({ ...c, timestamp: '2026-03-02T16:00:00.000Z' }),
      assistantLine({ ...c, timestamp: '2026-03-02T16:03:00.000Z', usage: { input: 1, output: 1 } }),
      userLine({ ...c, timestamp: '2026-03-03T10:00:00.000Z' }),
    ],
  };
}

describe('leverage sessions', () => {
  it('prints each day with its sessions and totals as JSON, in the shape of the spec', async () => {
    const logs = temp(await configFolder(dayOfWork()));
    const result = await leverage(['sessions', '--logs', logs, '--tz', 'Europe/Berlin', '--json']);
    expect(result.code).toBe(0);
    const tokens = (input: number, output: number, cacheCreation: number, cacheRead: number) => ({
      input, output, cacheCreation, cacheRead, total: input + output + cacheCreation,
    });
    expect(JSON.parse(result.stdout)).toEqual({
      days: [
        {
          date: '2026-03-02',
          claudeMinutes: 19.4 + 45 + 3,
          tokens: tokens(12 + 100 + 3 + 1, 840 + 48 + 500 + 1, 2100 + 1000, 81000),
          sessions: [
            { sessionId: 'aaaaaaaa-1', project: 'cms', start: '2026-03-02T10:12:00+01:00', end: '2026-03-02T10:31:24+01:00', claudeMinutes: 19.4, fallback: false, tokens: tokens(112, 888, 2100, 81000) },
            { sessionId: 'bbbbbbbb-2', project: 'api', start: '2026-03-02T15:00:00+01:00', end: '2026-03-02T15:45:00+01:00', claudeMinutes: 45, fallback: false, tokens: tokens(3, 500, 1000, 0) },
            { sessionId: 'cccccccc-3', project: 'old', start: '2026-03-02T17:00:00+01:00', end: '2026-03-02T17:03:00+01:00', claudeMinutes: 3, fallback: true, tokens: tokens(1, 1, 0, 0) },
          ],
        },
        {
          date: '2026-03-03',
          claudeMinutes: 0,
          tokens: tokens(0, 0, 0, 0),
          sessions: [
            { sessionId: 'cccccccc-3', project: 'old', start: '2026-03-03T11:00:00+01:00', end: '2026-03-03T11:00:00+01:00', claudeMinutes: 0, fallback: true, tokens: tokens(0, 0, 0, 0) },
          ],
        },
      ],
      skipped: { invalidJson: 1, noTimestamp: 0, other: 1 },
    });
  });

  it('prints a table per day, which sessions used the fallback, and what was skipped in one line', async () => {
    const logs = temp(await configFolder(dayOfWork()));
    const result = await leverage(['sessions', '2026-03-02', '--logs', logs, '--tz', 'Asia/Kolkata']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Days in Asia/Kolkata, from 4 transcript files in');
    expect(result.stdout).toMatch(/^ {2}14:42–15:01 {2}cms +aaaaaaaa +19\.4 min +3,100 tokens$/m);
    expect(result.stdout).toMatch(/^ {2}19:30–20:15 {2}api +bbbbbbbb +45\.0 min +1,503 tokens$/m);
    expect(result.stdout).toMatch(/^ {2}21:30–21:33 {2}old +cccccccc +3\.0 min\* +2 tokens$/m);
    expect(result.stdout).toMatch(/^ {2}total +67\.4 min +4,605 tokens$/m);
    expect(result.stdout).not.toContain('2026-03-03');
    expect(result.stdout).toContain('* active time (gaps under 5 minutes) for 1 session whose log has no turn durations');
    expect(result.stdout).toContain('Skipped 2 lines: 1 not valid JSON (or cut off), 1 of other kinds');
  });

  it('puts the lines of a session in the day of the zone in site.yaml, and counts cache reads with tokensCount: all', async () => {
    const logs = temp(await configFolder({
      'p/s.jsonl': [
        turnLine({ timestamp: '2026-03-02T18:10:00Z', durationMs: 60_000 }),
        turnLine({ timestamp: '2026-03-02T18:40:00Z', durationMs: 120_000 }),
        assistantLine({ timestamp: '2026-03-02T18:41:00Z', usage: { input: 1, cacheRead: 1000 } }),
      ],
    }));
    const root = temp(await makeRoot({ 'site.yaml': 'timeZone: Asia/Kathmandu\ntokensCount: all\n', 'records/.keep': '' }));
    const result = await leverage(['sessions', '--root', root, '--logs', logs, '--json']);
    const days = JSON.parse(result.stdout).days;
    expect(days.map((d: { date: string; claudeMinutes: number }) => [d.date, d.claudeMinutes])).toEqual([
      ['2026-03-02', 1],
      ['2026-03-03', 2],
    ]);
    expect(days[1].tokens.total).toBe(1001);
    // --tz wins over site.yaml
    const utc = await leverage(['sessions', '--root', root, '--logs', logs, '--tz', 'UTC', '--json']);
    expect(JSON.parse(utc.stdout).days.map((d: { date: string }) => d.date)).toEqual(['2026-03-02']);
  });

  it('counts a transcript found in two config folders once', async () => {
    const first = temp(await configFolder(dayOfWork()));
    const second = temp(await mkdtemp(join(tmpdir(), 'leverage-logs-')));
    await cp(first, second, { recursive: true });
    const once = JSON.parse((await leverage(['sessions', '--logs', first, '--json'])).stdout);
    const both = await leverage(['sessions', '--json'], { CLAUDE_CONFIG_DIR: `${first},,${second},` });
    expect(both.code).toBe(0);
    expect(JSON.parse(both.stdout).days).toEqual(once.days);
  });

  it('reads $XDG_CONFIG_HOME/claude and ~/.claude when no folder is given', async () => {
    const env = await isolatedEnv();
    await configFolder({ 'p/a.jsonl': [turnLine({ sessionId: 'x', timestamp: '2026-03-02T10:00:00Z', durationMs: 60_000 })] }, join(env.HOME, '.claude'));
    await configFolder({ 'p/b.jsonl': [turnLine({ sessionId: 'y', timestamp: '2026-03-02T11:00:00Z', durationMs: 120_000 })] }, join(env.XDG_CONFIG_HOME, 'claude'));
    const result = await runCli(['sessions', '--json'], { env });
    expect(JSON.parse(result.stdout).days[0].claudeMinutes).toBe(3);
  });

  it('says which folder is wrong, and what would be right', async () => {
    const empty = temp(await mkdtemp(join(tmpdir(), 'leverage-empty-')));
    const bad = await leverage(['sessions'], { CLAUDE_CONFIG_DIR: empty });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(`leverage sessions: CLAUDE_CONFIG_DIR names ${empty}, which holds no projects/ folder (each entry must be a Claude config folder)\n`);
    const none = await leverage(['sessions']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^leverage sessions: no Claude Code logs found in .*\.config\/claude or .*\.claude \(give --logs DIR, or set CLAUDE_CONFIG_DIR\)\n$/);
    const logs = await leverage(['sessions', '--logs', empty]);
    expect(logs.stderr).toContain(`--logs ${empty} holds no projects/ folder`);
    const tz = await leverage(['sessions', '--logs', empty, '--tz', 'Mars/Olympus']);
    expect(tz.stderr).toBe('leverage sessions: --tz Mars/Olympus is not a time zone (give an IANA name, e.g. Europe/Berlin or Asia/Kolkata)\n');
    const date = await leverage(['sessions', '2026-02-30']);
    expect(date.stderr).toContain('"2026-02-30" is not a date');
    const root = temp(await makeRoot({ 'site.yaml': 'timeZone: India\n', 'records/.keep': '' }));
    const config = await leverage(['sessions', '--root', root, '--logs', empty]);
    expect(config.code).toBe(1);
    expect(config.stderr).toContain('site.yaml:1:11: timeZone must be an IANA time zone name, got India (an IANA time zone name, e.g. timeZone: Europe/Berlin)');
    // A mistyped --root is not a blog without settings: its site.yaml would go unread.
    const missing = join(empty, 'no-such-blog');
    const noRoot = await leverage(['sessions', '--root', missing, '--logs', empty]);
    expect(noRoot.code).toBe(1);
    expect(noRoot.stderr).toBe(`leverage sessions: ${missing} does not exist (give --root the blog's folder, or start a blog with leverage init)\n`);
  });

  it('with --since, leaves out earlier days and does not read files last modified before that day', async () => {
    const logs = temp(await configFolder({
      'p/old.jsonl': [turnLine({ sessionId: 'old', timestamp: '2026-03-01T10:00:00Z', durationMs: 60_000 })],
      // Modified before --since, yet claiming a later day: proof the file was not read.
      'p/stale.jsonl': [turnLine({ sessionId: 'stale', timestamp: '2026-03-05T10:00:00Z', durationMs: 60_000 })],
      'p/new.jsonl': [turnLine({ sessionId: 'new', timestamp: '2026-03-05T10:00:00Z', durationMs: 120_000 })],
    }));
    const old = new Date('2026-03-01T12:00:00Z');
    await utimes(join(logs, 'projects/p/stale.jsonl'), old, old);
    await utimes(join(logs, 'projects/p/old.jsonl'), old, old);
    const result = await leverage(['sessions', '--since', '2026-03-02', '--logs', logs, '--json']);
    const days = JSON.parse(result.stdout).days;
    expect(days.map((d: { date: string; sessions: { sessionId: string }[] }) => [d.date, d.sessions.map((s) => s.sessionId)])).toEqual([['2026-03-05', ['new']]]);
  });

  it('reads 10,000 transcript files with broken and cut-off lines without failing', async () => {
    const dir = temp(await mkdtemp(join(tmpdir(), 'leverage-corpus-')));
    const corpus = await writeTranscriptCorpus(dir, 10_000, 7);
    const result = await leverage(['sessions', '--logs', dir, '--tz', 'UTC', '--json']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('never read');
    const out = JSON.parse(result.stdout);
    const { turnMs, ...skipped } = corpus.expected;
    expect(out.skipped).toEqual(skipped);
    const minutes = out.days.reduce((sum: number, d: { claudeMinutes: number }) => sum + d.claudeMinutes, 0);
    expect(minutes).toBeCloseTo(turnMs / 60_000, 6);
    expect(out.days.reduce((n: number, d: { sessions: unknown[] }) => n + d.sessions.length, 0)).toBeGreaterThanOrEqual(10_000);
  }, 180_000);
});

describe('leverage new --from-sessions, then check', () => {
  it('drafts the day: one task per session, the day\'s tokens, human left for the author, which check names', async () => {
    const logs = temp(await configFolder(dayOfWork()));
    const root = temp(await makeRoot({ 'site.yaml': 'url: https://example.org\ntimeZone: Europe/Berlin\n' }));
    await mkdir(join(root, 'records'));
    const made = await leverage(['new', '2026-03-02', '--from-sessions', '--root', root, '--logs', logs]);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('3 tasks from the sessions of 2026-03-02 (days in Europe/Berlin).');
    const file = join(root, 'records/2026-03-02.md');
    const text = await readFile(file, 'utf8');
    expect(text).toBe(`---
date: 2026-03-02
draft: true # remove this line to publish the record
tokens: ${116 + 1389 + 3100}
# title: A title of your own # default: titlePattern in site.yaml
# model: Claude Opus 4.6 # default: defaultModel in site.yaml
# tags: [AI, Time Record] # default: defaultTags in site.yaml
# tasksCompleted: 35 # when a row stands for several tasks
# summary: One paragraph on what the day was about.
tasks:
  - task: "cms 10:12–10:31: say what was done"
    project: cms
    claude: 19.4m # the assistant's wall-clock time; a bare number is minutes
    human: # a senior engineer's estimate: 4h, 1h 30m, 90m; a bare number is hours
    # supervision: 5m # your own time steering and reviewing: on every task or none
  - task: "api 15:00–15:45: say what was done"
    project: api
    claude: 45m
    human:
  - task: "old 17:00–17:03: say what was done"
    project: old
    claude: 3m
    human:
---

What went well, what did not, and what the numbers do not show.
`);

    const check = await leverage(['check', '--root', root]);
    expect(check.code).toBe(1);
    const errors = check.stderr.split('\n').filter((l) => /^records\//.test(l));
    expect(errors).toEqual([14, 19, 23].map((line, i) =>
      `records/2026-03-02.md:${line}:5: human of task ${i + 1} is empty (add human: the senior engineer's estimate, e.g. human: 4h)`));
    expect(check.stderr).toContain('3 errors, 0 warnings.');

    await writeFile(file, text.replace(/human:( #[^\n]*)?\n/g, 'human: 3h$1\n'));
    const checked = await leverage(['check', '--root', root, '--sessions', '--logs', logs]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('Compared 1 record with the logs (days in Europe/Berlin).');
    expect(checked.stdout).toContain('1 record OK.');
    expect(checked.stderr).toBe('');
  });

  it('refuses a day without sessions and writes nothing', async () => {
    const logs = temp(await configFolder(dayOfWork()));
    const root = temp(await makeRoot({ 'records/.keep': '' }));
    const result = await leverage(['new', '2026-04-01', '--from-sessions', '--root', root, '--logs', logs, '--tz', 'UTC']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^leverage new: no session with Claude time on 2026-04-01 in the logs \(4 transcript files in .*; days in UTC\); nothing was written\n$/);
  });
});

describe('leverage check --sessions', () => {
  it('warns where a record\'s Claude time or tokens differ from its day\'s logs by more than 10%', async () => {
    const logs = temp(await configFolder(dayOfWork()));
    const record = (claude: string, tokens: number, date = '2026-03-02') =>
      `---\ndate: ${date}\ntokens: ${tokens}\ntasks:\n  - task: Work\n    human: 4h\n    claude: ${claude}\n---\n`;
    const root = temp(await makeRoot({ 'site.yaml': 'url: https://example.org\n', 'records/2026-03-02.md': record('74m', 4400), 'records/2026-03-10.md': record('1m', 0, '2026-03-10') }));
    const close = await leverage(['check', '--root', root, '--sessions', '--logs', logs, '--tz', 'UTC']);
    expect(close.stderr).toBe('');
    expect(close.stdout).toContain('Compared 1 record with the logs (days in UTC); 1 without sessions in the logs.');

    await writeFile(join(root, 'records/2026-03-02.md'), record('75m', 5100));
    const far = await leverage(['check', '--root', root, '--sessions', '--logs', logs, '--tz', 'UTC']);
    expect(far.code).toBe(0);
    expect(far.stderr).toContain("records/2026-03-02.md:4:1: warning: the tasks' Claude time, 75.0 min, differs from the logs of 2026-03-02, 67.4 min, by 11% (check the claude: times; leverage sessions 2026-03-02 lists the day's sessions)");
    expect(far.stderr).toContain('records/2026-03-02.md:3:1: warning: tokens 5,100 differs from the logs of 2026-03-02, 4,605, by 11% (e.g. tokens: 4605; tokensCount in site.yaml says whether cache reads count)');
    expect(far.stdout).toContain('2 records OK, 2 warnings.');
  });
});
