/**
 * countWords' fast path (ASCII text without a Unicode regular expression) gives exactly what
 * the general rule gives; inlineToText gives the text of the pipeline's parsed tree, whichever
 * path it takes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countWords, inlineToText, inlineToTextWithPipeline, loadMarkdownPipeline } from '../../src/markdown/render.js';

beforeAll(loadMarkdownPipeline);

const SAFE = { allowHtml: false };
const RAW = { allowHtml: true };

/** The general rules, as they were before the fast paths. */
const wordsByRegex = (text: string) => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
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

  it("inlineToText is the text of the pipeline's tree, for any text", () => {
    fc.assert(fc.property(fc.oneof(texty, fc.string()), fc.constantFrom(SAFE, RAW), (text, options) => {
      expect(inlineToText(text, options)).toBe(inlineToTextWithPipeline(text, options));
    }), { numRuns: 3000 });
  });

  it('examples', () => {
    expect(countWords("Don't re-run the 2 tests — it’s done")).toBe(7);
    expect(countWords('-- 42 --')).toBe(1);
    expect(inlineToText('Fix  the\n`parser` and **all** [docs](x)', SAFE)).toBe('Fix the parser and all docs');
    expect(inlineToText('  plain   words ', SAFE)).toBe('plain words');
    // Underscores inside words are text; `__init__` is strong emphasis, as on the page.
    expect(inlineToText('Renamed snake_case_name and __init__ helpers', SAFE)).toBe('Renamed snake_case_name and init helpers');
    expect(inlineToText('fish &amp; chips, `a*b*c`, \\*not em\\*', SAFE)).toBe('fish & chips, a*b*c, *not em*');
    expect(inlineToText('10. Fix the cache', SAFE)).toBe('10. Fix the cache');
    expect(inlineToText('a <b>bold</b> move', SAFE)).toBe('a <b>bold</b> move');
    expect(inlineToText('a <b>bold</b> move', RAW)).toBe('a bold move');
  });
});
