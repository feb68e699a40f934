/** A code frame never prints a whole huge line: it shows a window around the column. */
import { describe, expect, it } from 'vitest';
import { error, formatDiagnostic } from '../../src/diagnostics.js';

describe('code frames of very long lines', () => {
  const long = `${'a'.repeat(50_000)}X${'b'.repeat(50_000)}`;
  const source = `first line\n${long}\nthird line`;

  it('show about 120 characters around the column, with the caret under it', () => {
    const frame = formatDiagnostic(error('f.md', 2, 50_001, 'here'), source);
    const lines = frame.split('\n');
    expect(frame.length).toBeLessThan(600);
    expect(lines[1]).toBe('    1 | first line');
    const shown = lines[2]!;
    const caret = lines[3]!;
    expect(shown).toMatch(/^  > 2 \| …a+Xb+…$/);
    expect(caret.indexOf('^')).toBe(shown.indexOf('X'));
    expect(lines[4]).toBe('    3 | third line');
  });

  it('clip a long neighbouring line too', () => {
    const frame = formatDiagnostic(error('f.md', 1, 3, 'here'), `short\n${long}`);
    expect(frame.split('\n')[3]).toBe(`    2 | ${'a'.repeat(120)}…`);
  });

  it('leave ordinary lines as they are', () => {
    const frame = formatDiagnostic(error('f.md', 2, 12, 'bad'), 'tasks:\n    claude: soon\n');
    expect(frame).toBe(['f.md:2:12: bad', '    1 | tasks:', '  > 2 |     claude: soon', '      |            ^', '    3 | '].join('\n'));
  });

  it('put the caret right near the start and the end of a long line', () => {
    for (const column of [1, 100_001]) {
      const [, , shown, caret] = formatDiagnostic(error('f.md', 2, column, 'x'), source).split('\n');
      const at = caret!.indexOf('^') - caret!.indexOf('|') - 2;
      const text = shown!.slice(shown!.indexOf('|') + 2);
      expect(text.length).toBeLessThanOrEqual(122);
      expect(text[at]).toBe(column === 1 ? 'a' : 'b');
    }
  });
});
