/**
 * The fast paths of countWords (ASCII text without a Unicode regular expression) and
 * inlineToText (text without markup characters) give exactly what the general rules give.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countWords, inlineToText } from '../../src/markdown/render.js';

/** The general rules, as they were before the fast paths. */
const wordsByRegex = (text: string) => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
const textByRegexes = (markdown: string) =>
  markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(\*|_)(.*?)\1/g, '$2')
    .replace(/~~(.*?)~~/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();

/** Strings mostly of the characters that matter here. */
const texty = fc
  .array(fc.constantFrom(...'ab Z9 0\'’-_*`~![]()\n\t\r\u00a0\ufeff\u2028.,é中🙂'.split(''), '  ', 'word', 'x-y', "it's"), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('plain text of Markdown', () => {
  it('countWords counts as the Unicode rule does, for any text', () => {
    fc.assert(fc.property(fc.oneof(texty, fc.string(), fc.string({ unit: 'binary' })), (text) => {
      expect(countWords(text)).toBe(wordsByRegex(text));
    }), { numRuns: 3000 });
  });

  it('inlineToText strips markup as the general rules do, for any text', () => {
    fc.assert(fc.property(fc.oneof(texty, fc.string()), (text) => {
      expect(inlineToText(text)).toBe(textByRegexes(text));
    }), { numRuns: 3000 });
  });

  it('examples', () => {
    expect(countWords("Don't re-run the 2 tests — it’s done")).toBe(7);
    expect(countWords('-- 42 --')).toBe(1);
    expect(inlineToText('Fix  the\n`parser` and **all** [docs](x)')).toBe('Fix the parser and all docs');
    expect(inlineToText('  plain   words ')).toBe('plain words');
  });
});
