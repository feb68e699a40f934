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
    expect(draft.text).toContain('  - task: "a: b #c 09:12–09:31: say what was done"\n    project: "a: b #c"\n    claude: 19.4m\n    human:\n');
    const parsed = parseRecord('records/2026-03-02.md', draft.text, DEFAULT_CONFIG);
    expect(parsed.diagnostics.map((d) => d.message)).toEqual(['human of task 1 is empty']);
  });

  it('writes a session without a working folder as a task without project, and no control characters', () => {
    const draft = draftRecord({ date: '2026-03-02', claudeMinutes: 2, tokens, sessions: [session({ project: null, claudeMinutes: 2 }), session({ sessionId: 'v', project: 'x\u001b[31m', claudeMinutes: 1 })] });
    expect(draft.text).toContain('  - task: "Session 09:12–09:31: say what was done"\n    claude: 2m\n    human:\n');
    expect(draft.text).not.toContain('\u001b');
  });
});
