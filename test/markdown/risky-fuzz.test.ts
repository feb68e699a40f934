/**
 * A differential fuzz of the fast path against the pipeline on text made of the pieces where
 * Markdown's rules are subtle: pipes, colons and dashes (tables, setext underlines, thematic
 * breaks), `*` and `_` (emphasis, lists), backticks, brackets, `<`, `&`, list markers, digits
 * followed by `.` or `)`, URLs and `www.` in any case, and blank lines. Whenever the fast path
 * answers, its HTML must be the pipeline's. The grammar is deliberately junk-like: the subset
 * grammar of fast-path.test.ts generates what authors write, this one what they might.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fastMarkdown } from '../../src/markdown/fast-path.js';
import {
  loadMarkdownPipeline,
  readInline,
  readInlineWithPipeline,
  renderMarkdownWithPipeline,
} from '../../src/markdown/render.js';

beforeAll(loadMarkdownPipeline);

const SAFE = { allowHtml: false };
const RAW = { allowHtml: true };

const risky = fc.constantFrom(
  '|', '| ', ' |', ':', ':-', ':--', ':-:', '--:', '-', '--', '---', '*', '**', '_', '__', '`', '``',
  '[', ']', '(', ')', '](', '<', '&', '- ', '* ', '+ ', '1. ', '2. ', '10. ', '1) ', '3)', '7.', '#', '# ',
  '>', '=', '~', 'http://a.io', 'HTTPS://A.IO', 'www.a.io', 'WWW.A.IO', 'Www.a.io', 'a@b.io', ' ', '  ',
);
const plain = fc.constantFrom('a', 'Time', 'next', 'x y', 'snake_case', 'done.', '42', 'é', 'it’s');
const piece = fc.oneof({ weight: 3, arbitrary: risky }, { weight: 2, arbitrary: plain });
const line = fc.array(piece, { minLength: 1, maxLength: 5 }).map((pieces) => pieces.join(''));
/** Lines joined by line breaks, with now and then a blank line between them. */
const riskyMarkdown = fc
  .array(fc.tuple(line, fc.constantFrom('\n', '\n', '\n', '\n\n')), { minLength: 1, maxLength: 5 })
  .map((lines) => lines.map(([text, gap]) => text + gap).join('').trimEnd());

/** FAST_PATH_SCALE=20 runs twenty times as many generated cases, to hunt for rare mismatches. */
const SCALE = Number(process.env.FAST_PATH_SCALE ?? 1);
const RUNS = 4_000 * SCALE;
/** Every inline case goes through the pipeline, which is slow: fewer of them. */
const INLINE_RUNS = 1_500 * SCALE;

describe('the fast path against the pipeline on risky Markdown', () => {
  it('writes what the pipeline writes whenever it answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(riskyMarkdown, (markdown) => {
        const fast = fastMarkdown(markdown);
        if (fast === null) return;
        answered++;
        // In the fast path's subset both modes give the same HTML (see fast-path.ts).
        for (const options of [SAFE, RAW]) {
          expect(fast, JSON.stringify(markdown)).toBe(renderMarkdownWithPipeline(markdown, options));
        }
      }),
      { numRuns: RUNS },
    );
    // The generator is meant to reach the fast path's edge, not only what it refuses.
    expect(answered).toBeGreaterThan(RUNS / 20);
  }, 60_000 * SCALE);

  it('renders and reads inline Markdown (titles, summaries) as the pipeline does', () => {
    fc.assert(
      fc.property(line, fc.constantFrom(SAFE, RAW), (text, options) => {
        expect(readInline(text, options), JSON.stringify(text)).toEqual(readInlineWithPipeline(text, options));
      }),
      { numRuns: INLINE_RUNS },
    );
  }, 60_000 * SCALE);
});
