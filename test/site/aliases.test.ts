import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAliases, compileAliases, matchCase, urlSpans } from '../../src/site/aliases.js';

const LEARN = { 'Acme Learn': 'an education platform' };
const CLIENT = { Acme: 'Client' };

describe('case', () => {
  it('the configured spelling gets the replacement as written', () => {
    expect(applyAliases('Acme Learn shipped.', LEARN)).toBe('an education platform shipped.');
    expect(applyAliases('Acme shipped.', CLIENT)).toBe('Client shipped.');
  });

  it('capitals get capitals', () => {
    expect(applyAliases('ACME LEARN', LEARN)).toBe('AN EDUCATION PLATFORM');
    expect(applyAliases('ACME', CLIENT)).toBe('CLIENT');
  });

  it('otherwise the first letter follows the matched text', () => {
    expect(applyAliases('acme learn', LEARN)).toBe('an education platform');
    expect(applyAliases('Acme learn', LEARN)).toBe('An education platform');
    expect(applyAliases('acme', CLIENT)).toBe('client');
    expect(applyAliases('Acme at the start.', { acme: 'client' })).toBe('Client at the start.');
    expect(applyAliases('aCME', CLIENT)).toBe('client');
    expect(applyAliases('AcMe', { acme: 'BigCo' })).toBe('BigCo');
    expect(applyAliases('acme', { Acme: 'BigCo' })).toBe('bigCo');
  });

  it('matchCase on its own', () => {
    expect(matchCase('X', 'x', 'widget')).toBe('Widget'); // one letter: not "capitals"
    expect(matchCase('42', '42', 'forty-two')).toBe('forty-two');
    expect(matchCase('R2', 'r2', 'robot')).toBe('Robot');
    expect(matchCase('ÉCOLE', 'école', 'la société')).toBe('LA SOCIÉTÉ');
    expect(matchCase('école', 'École', 'Société')).toBe('société');
    expect(matchCase('Acme\nLearn', 'Acme Learn', 'x y')).toBe('x y');
  });
});

describe('whole words', () => {
  it('does not touch names inside other words', () => {
    expect(applyAliases('Acmes, MegaAcme, Acme2, 2Acme, Acmé', CLIENT)).toBe('Acmes, MegaAcme, Acme2, 2Acme, Acmé');
  });

  it('matches next to punctuation and Markdown syntax', () => {
    expect(applyAliases("Acme's (Acme) **Acme** _Acme_ `Acme` acme-api acme_corp Acme.", CLIENT)).toBe(
      "Client's (Client) **Client** _Client_ `Client` client-api client_corp Client.",
    );
  });

  it('is Unicode-aware at the edges', () => {
    expect(applyAliases('éAcme Acmeé Acme\u0301 Acme', CLIENT)).toBe('éAcme Acmeé Acme\u0301 Client');
    expect(applyAliases('Zürich und Zürichsee', { Zürich: 'Stadt' })).toBe('Stadt und Zürichsee');
    expect(applyAliases('ZÜRICH', { Zürich: 'Stadt' })).toBe('STADT');
  });

  it('a space in a name matches any run of white space', () => {
    expect(applyAliases('Acme\n  Learn and Acme\tLearn', LEARN)).toBe('an education platform and an education platform');
    expect(applyAliases('AcmeLearn', LEARN)).toBe('AcmeLearn');
  });
});

describe('several aliases', () => {
  it('the longest name wins', () => {
    const aliases = { Acme: 'Client', 'Acme Learn': 'an education platform' };
    expect(applyAliases('Acme Learn, by Acme.', aliases)).toBe('an education platform, by Client.');
    expect(applyAliases('Acme Learner', aliases)).toBe('Client Learner');
  });

  it('does not replace inside a replacement (one pass)', () => {
    expect(applyAliases('Acme and Beta', { Acme: 'Beta Corp', Beta: 'Gamma' })).toBe('Beta Corp and Gamma');
  });

  it('prefers the exact spelling among names that differ only in case', () => {
    const aliases = { Acme: 'Client', ACME: 'THE CLIENT' };
    expect(applyAliases('Acme ACME acme', aliases)).toBe('Client THE CLIENT client');
  });

  it('ignores empty names, trims names', () => {
    expect(applyAliases('a b', { '': 'x', '  ': 'y' })).toBe('a b');
    expect(applyAliases('Acme', { ' Acme ': 'Client' })).toBe('Client');
  });

  it('no aliases: the text unchanged', () => {
    expect(applyAliases('Anything at all.', {})).toBe('Anything at all.');
  });
});

describe('regular expression characters in names', () => {
  it('are literal', () => {
    expect(applyAliases('We used C++ and C#.', { 'C++': 'a language', 'C#': 'another' })).toBe('We used a language and another.');
    expect(applyAliases('a.b axb', { 'a.b': 'dot' })).toBe('dot axb');
    expect(applyAliases('(Acme) [x] {y} ^$|?* /z\\', { '(Acme)': 'P', '[x]': 'Q', '{y}': 'R', '^$|?*': 'S', '/z\\': 'T' })).toBe('P Q R S T');
    expect(applyAliases('Acme-Learn x', { 'Acme-Learn': 'AL' })).toBe('AL x');
  });
});

describe('Markdown', () => {
  it('replaces link text and link destinations, keeping the link one link', () => {
    expect(applyAliases('[Acme](https://acme.com/acme-learn)', CLIENT)).toBe('[Client](https://client.com/client-learn)');
    expect(applyAliases('[the site](https://acme.com)', { acme: 'an education platform' })).toBe(
      '[the site](https://an-education-platform.com)',
    );
    expect(applyAliases('[x](/acme/page "Acme page")', { acme: 'big client' })).toBe('[x](/big-client/page "Big client page")');
  });

  it('replaces in bare URLs, autolinks, reference definitions and e-mail addresses', () => {
    const aliases = { acme: 'big client' };
    expect(applyAliases('See https://www.acme.com/x or www.acme.com.', aliases)).toBe(
      'See https://www.big-client.com/x or www.big-client.com.',
    );
    expect(applyAliases('<https://acme.com>', aliases)).toBe('<https://big-client.com>');
    expect(applyAliases('[ref]: https://acme.com/docs\n\nAcme rocks', aliases)).toBe(
      '[ref]: https://big-client.com/docs\n\nBig client rocks',
    );
    expect(applyAliases('mail bob@acme.com or mailto:bob@acme.com', aliases)).toBe(
      'mail bob@big-client.com or mailto:bob@big-client.com',
    );
  });

  it('keeps tables, lists and code intact (names in code are replaced too)', () => {
    const md = '| Acme | x |\n| --- | --- |\n- Acme task\n\n```\nconst acme = 1;\n```\n';
    expect(applyAliases(md, CLIENT)).toBe('| Client | x |\n| --- | --- |\n- Client task\n\n```\nconst client = 1;\n```\n');
  });

  it('urlSpans finds the URL parts', () => {
    const text = 'a [b](/c) https://d.e f@g.h';
    const spans = urlSpans(text).map(([s, e]) => text.slice(s, e));
    expect(spans).toEqual(expect.arrayContaining(['/c', 'https://d.e', 'f@g.h']));
  });
});

describe('compileAliases', () => {
  it('gives each text its aliases however often it is used, and after whatever text', () => {
    const alias = compileAliases(LEARN);
    const texts = ['Acme Learn', 'Acme Learn', 'ACME LEARN', 'nothing', 'acme learn, Acme Learn', 'Acme Learn'];
    expect(texts.map(alias)).toEqual([
      'an education platform',
      'an education platform',
      'AN EDUCATION PLATFORM',
      'nothing',
      'an education platform, an education platform',
      'an education platform',
    ]);
  });

  it('no name survives in any text, and texts without names are unchanged (property)', () => {
    const alias = compileAliases({ Acme: 'Client', 'Acme Learn': 'an education platform' });
    const word = fc.constantFrom('Acme', 'ACME', 'acme', 'Acme Learn', 'acme  learn', 'Acmes', 'x', ' ', '.', '(', 'é', '\n', '_', 'https://');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (words) => {
        const text = words.join('');
        const out = alias(text);
        expect(out).not.toMatch(/(?<![\p{L}\p{M}\p{N}])acme(?![\p{L}\p{M}\p{N}])/iu);
        if (!/acme/i.test(text)) expect(out).toBe(text);
      }),
    );
  });
});
