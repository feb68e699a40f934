import fc from 'fast-check';
import Handlebars from 'handlebars';
import { unified } from 'unified';
import rehypeStringify from 'rehype-stringify';
import { describe, expect, it } from 'vitest';
import { escapeAsPipeline, escapeHtml, escapeXml, stripInvalidXml } from '../src/escape.js';
import { parseXml } from './support/xml.js';

/** Reads escaped text back as an XML parser does. */
const unescapeXml = (text: string): string => parseXml(`<t>${text}</t>`, { declaration: false }).text;

describe('escapeHtml', () => {
  it("escapes as the templates' {{…}} do, for any text", () => {
    const template = Handlebars.compile('{{text}}');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(escapeHtml(text)).toBe(template({ text }));
      }),
    );
  });

  it('leaves no markup', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href&#x3D;&quot;x&quot; title&#x3D;&#x27;y&#x27;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
  });
});

describe('escapeXml', () => {
  it('escapes the five characters', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
  });

  it('strips characters XML 1.0 forbids, keeps tab, newline, CR and astral characters', () => {
    expect(stripInvalidXml('a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFF')).toBe('abcdefg');
    expect(stripInvalidXml('t\tn\nr\r😀é')).toBe('t\tn\nr\r😀é');
    expect(stripInvalidXml('lone \uD800 high, lone \uDC00 low')).toBe('lone  high, lone  low');
    expect(escapeXml('bell\u0007 nul\u0000 tab\t ok')).toBe('bell nul tab\t ok');
  });

  it('round-trips any text that has no forbidden characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(unescapeXml(escapeXml(s))).toBe(stripInvalidXml(s));
        expect(escapeXml(s)).not.toMatch(/[<>"']|&(?!(?:amp|lt|gt|quot|apos);)/);
      }),
    );
  });
});

describe('escapeAsPipeline', () => {
  it("writes a text as the Markdown pipeline's rehype-stringify writes it, for any text", () => {
    const stringify = unified().use(rehypeStringify);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        expect(escapeAsPipeline(value)).toBe(stringify.stringify({ type: 'root', children: [{ type: 'text', value }] }));
      }),
    );
  });
});
