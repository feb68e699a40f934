/** Each edit an author makes changes exactly the part of the record that pages showing it declare. */
import { describe, expect, it } from 'vitest';
import { recordParts } from '../../src/site/parts.js';
import type { LeverageRecord } from '../../src/records/types.js';
import type { RecordPart } from '../../src/site/types.js';
import { testRecord } from '../support/records.js';

const base = testRecord('2026-03-02', [{ human: 240, claude: 19 }, { human: 60, claude: 5, project: 'cms' }], {
  summary: 'A day.',
  body: 'The analysis.',
});

const edits: [string, (r: LeverageRecord) => LeverageRecord, RecordPart][] = [
  ['the analysis', (r) => ({ ...r, body: 'Another analysis.' }), 'body'],
  ['the title', (r) => ({ ...r, title: 'Another title' }), 'text'],
  ['the summary', (r) => ({ ...r, summary: 'Another day.' }), 'text'],
  ["a task's wording", (r) => ({ ...r, tasks: r.tasks.map((t, i) => (i ? t : { ...t, task: 'Reworded' })) }), 'text'],
  ["a task's human estimate", (r) => ({ ...r, tasks: r.tasks.map((t, i) => (i ? t : { ...t, humanMinutes: 300 })) }), 'numbers'],
  ["a task's project", (r) => ({ ...r, tasks: r.tasks.map((t, i) => (i ? { ...t, project: 'blog' } : t)) }), 'numbers'],
  ['the tags', (r) => ({ ...r, tags: ['AI', 'Tooling'] }), 'numbers'],
  ['the tokens', (r) => ({ ...r, tokens: 1000 }), 'numbers'],
  ['the model', (r) => ({ ...r, model: 'Other' }), 'numbers'],
  ['the draft flag', (r) => ({ ...r, draft: true }), 'numbers'],
];

describe('recordParts', () => {
  it('does not change when the body moves to another line of the file', () => {
    expect(recordParts({ ...base, bodyLine: 30 })).toEqual(recordParts(base));
  });

  it.each(edits)('an edit of %s changes one part alone', (_name, edit, part) => {
    const before = recordParts(base);
    const after = recordParts(edit(base));
    for (const p of ['numbers', 'text', 'body'] as const) {
      if (p === part) expect(after[p], p).not.toBe(before[p]);
      else expect(after[p], p).toBe(before[p]);
    }
  });
});
