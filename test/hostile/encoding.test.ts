/** Bytes that are not plain UTF-8 text with LF line ends: errors at the exact place, or a correct page. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHtml, tableAfterHeading, tableRows, text } from '../support/site.js';
import { expectBuilt, expectRejected, hostileBuild, plainRecord } from './helpers.js';
import { ONLY_NO_URL_WARNING } from '../support/cli.js';

const record = (eol: string) =>
  ['---', 'date: 2026-03-02', 'summary: Café *déjà vu*', 'tasks:', '  - task: Crème brûlée', '    human: 2h', '    claude: 10m', '---', '', '# Analysis heading', '', 'Line one', 'line two.', ''].join(eol);

describe('text encodings', () => {
  it('Latin-1 bytes: "not valid UTF-8" at the line and column of the first bad byte', async () => {
    const bytes = Buffer.from(record('\n').replace('Crème', 'Cr\u0000me'), 'utf8');
    bytes[bytes.indexOf(0)] = 0xe8; // è in Latin-1, alone: not UTF-8
    const result = await hostileBuild({ 'records/2026-03-02.md': bytes, 'records/2026-03-03.md': plainRecord('2026-03-03') });
    try {
      expectRejected(result, /records\/2026-03-02\.md:5:13: the file is not valid UTF-8 text \(save it as UTF-8\)/);
    } finally {
      await result.cleanup();
    }
  });

  it('UTF-16 (with its byte-order mark): not valid UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(record('\n'), 'utf16le')]);
    const result = await hostileBuild({ 'records/2026-03-02.md': bytes });
    try {
      expectRejected(result, /records\/2026-03-02\.md:1:1: the file is not valid UTF-8 text/);
    } finally {
      await result.cleanup();
    }
  });

  it('NUL bytes: "not text", located', async () => {
    const result = await hostileBuild({ 'records/2026-03-02.md': record('\n').replace('Line one', 'Line\u0000one') });
    try {
      expectRejected(result, /records\/2026-03-02\.md:12:5: the file contains a NUL character/);
    } finally {
      await result.cleanup();
    }
  });

  it('a site.yaml that is not UTF-8 or holds NUL: located errors', async () => {
    for (const bytes of [Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xe9, 0x0a]), Buffer.from('title: a\u0000b\n')]) {
      const result = await hostileBuild({ 'site.yaml': bytes, 'records/2026-03-02.md': plainRecord('2026-03-02') });
      try {
        expectRejected(result, /site\.yaml:1:(8|9): the file (is not valid UTF-8 text|contains a NUL character)/);
      } finally {
        await result.cleanup();
      }
    }
  });

  it.each([
    ['a byte-order mark', '\uFEFF', '\n'],
    ['CRLF line ends', '', '\r\n'],
    ['a byte-order mark and CRLF', '\uFEFF', '\r\n'],
    ['old Mac CR line ends in the body', '', '\n'],
  ])('%s: the same page as plain UTF-8 with LF', async (name, bom, eol) => {
    let source = bom + record(eol);
    if (name.startsWith('old Mac')) source = source.replace('Line one\nline two.', 'Line one\rline two.');
    const plain = await hostileBuild({ 'records/2026-03-02.md': record('\n') });
    const odd = await hostileBuild({ 'records/2026-03-02.md': source });
    try {
      expectBuilt(plain);
      expectBuilt(odd);
      const page = await readHtml(join(odd.out, 'records/2026-03-02/index.html'));
      expect(text(page, 'h1')).toBe('Leverage Record: March 2, 2026');
      expect(text(page, '.summary')).toBe('Café déjà vu');
      expect(tableRows(tableAfterHeading(page, 'The Numbers'))[0]).toEqual(['1', 'Crème brûlée', '2 hours', '10 min', '12x']);
      const html = await readFile(join(odd.out, 'records/2026-03-02/index.html'), 'utf8');
      expect(html).not.toMatch(/\uFEFF|\r/);
      expect(html).toBe(await readFile(join(plain.out, 'records/2026-03-02/index.html'), 'utf8'));
    } finally {
      await plain.cleanup();
      await odd.cleanup();
    }
  });

  it('CRLF: errors are reported at the right line and column', async () => {
    const result = await hostileBuild({ 'records/2026-03-02.md': record('\r\n').replace('claude: 10m', 'claude: soon') });
    try {
      expectRejected(result, /records\/2026-03-02\.md:7:13: claude must be a duration, got "soon"/);
      expect(result.stderr).toContain('  > 7 |     claude: soon\n      |             ^');
    } finally {
      await result.cleanup();
    }
  });

  it('a BOM and CRLF in site.yaml are fine', async () => {
    const result = await hostileBuild({
      'site.yaml': '\uFEFFtitle: Ünïcödé Site\r\nworkWeekHours: 35\r\n',
      'records/2026-03-02.md': plainRecord('2026-03-02'),
    });
    try {
      expectBuilt(result);
      expect(result.stderr).toMatch(ONLY_NO_URL_WARNING);
      const home = await readHtml(join(result.out, 'index.html'));
      expect(text(home, 'h1')).toBe('Ünïcödé Site');
    } finally {
      await result.cleanup();
    }
  });
});

describe('line ends in located errors of undecodable files', () => {
  it.each([['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']])('%s: the bad byte is on line 3', async (_name, eol) => {
    const bytes = Buffer.from(['---', 'date: 2026-03-02', 'title: Caf\u0000', '---', ''].join(eol), 'utf8');
    bytes[bytes.indexOf(0)] = 0xe9;
    const result = await hostileBuild({ 'records/2026-03-02.md': bytes });
    try {
      expectRejected(result, /records\/2026-03-02\.md:3:11: the file is not valid UTF-8 text/);
    } finally {
      await result.cleanup();
    }
  });
});
