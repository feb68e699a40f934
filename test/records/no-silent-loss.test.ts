/** Issue 19: no word of a record is lost without a report. */
import { describe, expect, it } from 'vitest';
import { lines, oneTask, parse } from './helpers.js';

const FILE = 'records/a.md';

describe('a comment that cuts a text field short', () => {
  it('is an error at the # of its line and column, with the value quoted in the fix', () => {
    const text = lines('---', 'date: 2026-03-02', 'tasks:', '  - task: Fix bug #123 in parser', '    human: 4h', '    claude: 19m', '---');
    const { record, seen } = parse(FILE, text);
    expect(record).toBeNull();
    expect(seen).toEqual([
      'records/a.md:4:19: task is cut short: YAML reads "#123 in parser" as a comment (quote the value: task: "Fix bug #123 in parser")',
    ]);
  });

  it('in title, model, summary and project too', () => {
    const text = lines(
      '---', 'date: 2026-03-02', 'title: Day #2', 'model: Opus # latest', 'summary: C # and more',
      'tasks:', '  - task: a', '    human: 4h', '    claude: 19m', '    project: web #1',
      '---',
    );
    expect(parse(FILE, text).seen).toEqual([
      'records/a.md:3:12: title is cut short: YAML reads "#2" as a comment (quote the value: title: "Day #2")',
      'records/a.md:4:13: model is cut short: YAML reads "# latest" as a comment (quote the value: model: "Opus # latest")',
      'records/a.md:5:12: summary is cut short: YAML reads "# and more" as a comment (quote the value: summary: "C # and more")',
      'records/a.md:10:18: project is cut short: YAML reads "#1" as a comment (quote the value: project: "web #1")',
    ]);
  });

  it('a quoted value, a # inside a word, a comment line and a comment after a duration are fine', () => {
    const text = lines(
      '---', '# the day', 'date: 2026-03-02', 'title: "Fix bug #123"', 'model: C#', 'tasks:',
      '  - task: Fix C# parser', '    human: 4h # a guess', '    claude: 19m', '---',
    );
    const { record, seen } = parse(FILE, text);
    expect(seen).toEqual([]);
    expect(record).toMatchObject({ title: 'Fix bug #123', model: 'C#', tasks: [{ task: 'Fix C# parser', humanMinutes: 240 }] });
  });
});

describe('a Markdown file under records/ that is not a record', () => {
  it('is an error whose hint says how to keep it out', () => {
    const { record, seen } = parse('records/README.md', '# Notes\n\nHow I write records.\n');
    expect(record).toBeNull();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^records\/README\.md:1:1: the file has no front matter \(.*a name starting with _, e.g\. _README\.md\)$/);
  });

  it('while a record is read', () => {
    expect(parse(FILE, oneTask()).seen).toEqual([]);
  });
});
