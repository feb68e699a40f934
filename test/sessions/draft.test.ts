/** The draft record of a day of sessions, read back by the record reader. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { parseRecord } from '../../src/records/read.js';
import { draftRecord } from '../../src/sessions/draft.js';
import type { DaySession, SessionDay } from '../../src/sessions/summarize.js';

const tokens = { input: 1, output: 2, cacheCreation: 3, cacheRead: 4, total: 6 };
const session = (over: Partial<DaySession>): DaySession => ({
  sessionId: 's',
  project: 'cms',
  start: '2026-03-02T09:12:00+05:45',
  end: '2026-03-02T09:31:00+05:45',
  claudeMinutes: 19.44,
  fallback: false,
  tokens,
  ...over,
});

describe('draftRecord', () => {
  it('has the notes a plain new record has: draft, the optional fields, the units, at the first task', () => {
    const draft = draftRecord({ date: '2026-03-02', claudeMinutes: 2, tokens, sessions: [session({ claudeMinutes: 2 }), session({ sessionId: 'v', claudeMinutes: 1 })] });
    expect(draft.text).toBe(
      [
        '---',
        'date: 2026-03-02',
        'draft: true # remove this line to publish the record',
        'tokens: 6',
        '# title: A title of your own # default: titlePattern in site.yaml',
        '# model: Claude Opus 4.6 # default: defaultModel in site.yaml',
        '# tags: [AI, Time Record] # default: defaultTags in site.yaml',
        '# tasksCompleted: 35 # when a row stands for several tasks',
        '# summary: One paragraph on what the day was about.',
        'tasks:',
        '  - task: "cms 09:12–09:31: say what was done"',
        '    project: cms',
        "    claude: 2m # the assistant's wall-clock time; a bare number is minutes",
        "    human: # a senior engineer's estimate: 4h, 1h 30m, 90m; a bare number is hours",
        '    # supervision: 5m # your own time steering and reviewing: on every task or none',
        '  - task: "cms 09:12–09:31: say what was done"',
        '    project: cms',
        '    claude: 1m',
        '    human:',
        '---',
        '',
        'What went well, what did not, and what the numbers do not show.',
        '',
      ].join('\n'),
    );
    const parsed = parseRecord('records/2026-03-02.md', draft.text, DEFAULT_CONFIG);
    expect(parsed.diagnostics.map((d) => d.message)).toEqual(['human of task 1 is empty', 'human of task 2 is empty']);
  });

  it('quotes what YAML needs quoted, leaves out sessions without Claude time, and reads back with only human: missing', () => {
    const day: SessionDay = {
      date: '2026-03-02',
      claudeMinutes: 19.46,
      tokens,
      sessions: [
        session({ project: 'a: b #c' }),
        session({ sessionId: 't', project: null, claudeMinutes: 0.02 }),
        session({ sessionId: 'u', project: 'x\u001b[31m', claudeMinutes: 0.04 }),
      ],
    };
    const draft = draftRecord(day);
    expect(draft.untimed).toBe(2);
    expect(draft.text).toContain('  - task: "a: b #c 09:12–09:31: say what was done"\n    project: "a: b #c"\n    claude: 19.4m # ');
    const parsed = parseRecord('records/2026-03-02.md', draft.text, DEFAULT_CONFIG);
    expect(parsed.diagnostics.map((d) => d.message)).toEqual(['human of task 1 is empty']);
  });

  it('writes a session without a working folder as a task without project, and no control characters', () => {
    const draft = draftRecord({ date: '2026-03-02', claudeMinutes: 2, tokens, sessions: [session({ project: null, claudeMinutes: 2 }), session({ sessionId: 'v', project: 'x\u001b[31m', claudeMinutes: 1 })] });
    expect(draft.text).toContain('  - task: "Session 09:12–09:31: say what was done"\n    claude: 2m # ');
    // The first task has no project: it shows the field commented out; the second has one.
    expect(draft.text).toContain('    # project: Website\n  - task: ');
    expect(draft.text).toMatch(/\n {4}claude: 1m\n {4}human:\n---/);
    expect(draft.text).not.toContain('\u001b');
  });
});
