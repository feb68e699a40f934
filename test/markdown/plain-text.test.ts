/**
 * countWords' fast path (ASCII text without a Unicode regular expression) gives exactly what
 * the general rule gives; readInline gives the text of the pipeline's parsed tree, whichever
 * path it takes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countWords, firstParagraphText, loadMarkdownPipeline, readInline, readInlineWithPipeline } from '../../src/markdown/render.js';

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

  it("readInline gives the text of the pipeline's tree, for any text", () => {
    fc.assert(fc.property(fc.oneof(texty, fc.string()), fc.constantFrom(SAFE, RAW), (text, options) => {
      expect(readInline(text, options).text).toBe(readInlineWithPipeline(text, options).text);
    }), { numRuns: 3000 });
  });

  it('examples', () => {
    expect(countWords("Don't re-run the 2 tests — it’s done")).toBe(7);
    expect(countWords('-- 42 --')).toBe(1);
    expect(readInline('Fix  the\n`parser` and **all** [docs](x)', SAFE).text).toBe('Fix the parser and all docs');
    expect(readInline('  plain   words ', SAFE).text).toBe('plain words');
    // Underscores inside words are text; `__init__` is strong emphasis, as on the page.
    expect(readInline('Renamed snake_case_name and __init__ helpers', SAFE).text).toBe('Renamed snake_case_name and init helpers');
    expect(readInline('fish &amp; chips, `a*b*c`, \\*not em\\*', SAFE).text).toBe('fish & chips, a*b*c, *not em*');
    expect(readInline('10. Fix the cache', SAFE).text).toBe('10. Fix the cache');
    expect(readInline('a <b>bold</b> move', SAFE).text).toBe('a <b>bold</b> move');
    expect(readInline('a <b>bold</b> move', RAW).text).toBe('a bold move');
  });
});

// A record without summary is described by its analysis's first paragraph (issue 18).
describe("the plain text of a body's first paragraph", () => {
  it.each([
    ['First *para* with [a link](x) and `code`.\n\nSecond.', 'First para with a link and code.'],
    ['### Heading\n\n- a list\n\n```\ncode\n```\n\nThe  opening\nparagraph.\n', 'The opening paragraph.'],
    ['> quoted\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nAfter the table.', 'After the table.'],
    ['### Only a heading\n', ''],
    ['', ''],
  ])('%j → %j', (body, text) => expect(firstParagraphText(body, SAFE)).toBe(text));

  it('raw HTML is text where the site shows it as text, and left out where it is markup', () => {
    expect(firstParagraphText('Keep <b>this</b> bold.', SAFE)).toBe('Keep <b>this</b> bold.');
    expect(firstParagraphText('Keep <b>this</b> bold.', RAW)).toBe('Keep this bold.');
  });
});
