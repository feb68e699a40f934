/** The relative links of a record's analysis, at their places in the record file (records/assets.ts). */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { linkTargetsWithPipeline } from '../../src/markdown/pipeline.js';
import { localLinks } from '../../src/records/assets.js';
import { loadMarkdownPipeline } from '../../src/markdown/render.js';
import { parseRecord } from '../../src/records/parse.js';
import { DEFAULT_CONFIG } from '../../src/config/types.js';

beforeAll(loadMarkdownPipeline);

describe('localLinks', () => {
  it('finds relative links, images and definitions, and leaves out the rest', () => {
    const body = [
      'An ![image](img/a.png) and [a file](notes.txt "title").',
      '',
      '[absolute](https://example.com/x.png), [root](/feed.xml), [fragment](#top), [mail](mailto:a@b.co)',
      '',
      '![by reference][pic]',
      '',
      '[pic]: <../shared/b.svg>',
    ].join('\n');
    expect(localLinks(body, 10)).toEqual([
      { url: 'img/a.png', line: 10, column: 4 },
      { url: 'notes.txt', line: 10, column: 28 },
      { url: '../shared/b.svg', line: 16, column: 1 },
    ]);
  });

  it('is empty for a body without a relative link candidate', () => {
    expect(localLinks('Plain text with [a link](https://example.com) and `code`.', 1)).toEqual([]);
  });

  it("counts lines from the record file's first line, CRLF or not", () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['---', 'date: 2026-03-02', 'tasks:', '  - task: Work', '    human: 2h', '    claude: 10m', '---', '', 'See [it](x.png).', ''].join(eol);
      const record = parseRecord('records/2026-03-02.md', text, DEFAULT_CONFIG)!.record!;
      expect(localLinks(record.body, record.bodyLine!)).toEqual([{ url: 'x.png', line: 9, column: 5 }]);
    }
  });
});

describe('the quick test for a relative link candidate', () => {
  it('misses no relative link the parsed tree has', () => {
    const piece = fc.constantFrom('[a](', '](', ']: ', '[r]: ', 'x.png', 'd/e f.svg', ')', ' ', '\n', '\n\n', '<', '>', 'http://x.y/', 'mailto:a',
      '/', '#', '?', '!', '[', ']', '[r]', 'b', ' "t"', '\\', '`', '*', '    ', '- ', '> ');
    fc.assert(fc.property(fc.array(piece, { maxLength: 24 }).map((parts) => parts.join('')), (markdown) => {
      const all = linkTargetsWithPipeline(markdown).filter(({ url }) => url !== '' && !/^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|[/#?])/.test(url));
      expect(localLinks(markdown, 1), JSON.stringify(markdown)).toEqual(all);
    }), { numRuns: 3000 });
  });
});
