/** Records made in code for unit tests: only what a test cares about is given. */
import type { LeverageRecord } from '../../src/records/types.js';

export interface TestTask {
  /** Minutes. */
  human: number;
  /** Minutes. */
  claude: number;
  supervision?: number | null;
  project?: string | null;
}

export function testRecord(date: string, tasks: TestTask[], extra: Partial<LeverageRecord> = {}): LeverageRecord {
  return {
    date,
    file: `records/${date}.md`,
    title: `Day ${date}`,
    model: 'Claude',
    tags: ['AI'],
    summary: null,
    tokens: null,
    tasksCompleted: tasks.length,
    draft: false,
    tasks: tasks.map((t, i) => ({
      n: i + 1,
      task: `Task ${i + 1}`,
      humanMinutes: t.human,
      claudeMinutes: t.claude,
      supervisionMinutes: t.supervision ?? null,
      project: t.project ?? null,
    })),
    body: '',
    ...extra,
  };
}
