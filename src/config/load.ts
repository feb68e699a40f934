/** `site.yaml`: every key optional, each checked and located; defaults for the rest. */

import { access } from 'node:fs/promises';
import path from 'node:path';
import { hasErrors, sortDiagnostics, warning } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';
import { Fields } from './fields.js';
import type { FieldSpec } from './fields.js';
import { parseLocatedYaml, plainValues, topMap } from './located-yaml.js';
import { readTextFile } from './text-file.js';
import { isTimeZone } from '../sessions/zone.js';
import { aliaserOf } from '../site/apply-aliases.js';
import { CONFIG_KEYS, DEFAULT_CONFIG } from './types.js';
import type { AuthorConfig, SiteConfig } from './types.js';

export interface LoadedConfig {
  config: SiteConfig;
  diagnostics: Diagnostic[];
  /** `site.yaml` when it exists, else null. */
  file: string | null;
  /** Its text, for code frames. */
  source: string | null;
}

export const CONFIG_FILE = 'site.yaml';

const HINTS: Record<keyof SiteConfig, string> = {
  title: 'e.g. title: My Leverage Record',
  description: 'one sentence, e.g. description: What I built with an AI assistant',
  url: 'the absolute address of the site, e.g. url: https://example.com',
  basePath: 'the path the site is served under, e.g. basePath: /blog',
  language: 'a language tag, e.g. language: en',
  author: 'a name, or a map, e.g. author: { name: Ada Lovelace, bio: "Writes compilers." }',
  aboutRecords: 'Markdown text',
  callToAction: 'Markdown text',
  defaultTags: 'a list of tags, e.g. defaultTags: [AI, Time Record]',
  defaultModel: 'e.g. defaultModel: Claude Opus 4.6',
  workWeekHours: 'hours in a work week, e.g. workWeekHours: 40',
  titlePattern: 'e.g. titlePattern: "Leverage Record: {date}"',
  allowHtml: 'allowHtml: true or allowHtml: false',
  pageSize: 'records per tag page, e.g. pageSize: 30',
  homeRecords: 'records on the home page, e.g. homeRecords: 10',
  feedRecords: 'records in the feeds, e.g. feedRecords: 20',
  recordTag: 'e.g. recordTag: Time Record',
  rowOrder: 'rowOrder: written or rowOrder: leverage',
  weeksColumn: 'weeksColumn: true or weeksColumn: false',
  truncateTitles: 'a number of characters, 0 for never, e.g. truncateTitles: 80',
  aliases: 'private name → public name, e.g. aliases: { Acme: a client }',
  timeZone: 'an IANA time zone name, e.g. timeZone: Europe/Berlin',
  tokensCount: 'tokensCount: default (no cache reads) or tokensCount: all',
  search: 'search: true or search: false',
  socialCards: 'socialCards: true or socialCards: false',
};

const CONFIG_SPEC: FieldSpec = { noun: 'key', known: CONFIG_KEYS, hints: HINTS };

const AUTHOR_SPEC: FieldSpec = {
  noun: 'author key',
  known: ['name', 'bio'],
  hints: { name: 'e.g. name: Ada Lovelace', bio: 'Markdown text about the author' },
};

/** Reads one key; `config` holds the keys read before it (the aliases are read first). */
type Reader<K extends keyof SiteConfig> = (fields: Fields, key: K, config: SiteConfig) => SiteConfig[K] | undefined;

const text = (f: Fields, key: string) => f.string(key);
const optionalText = (f: Fields, key: string) => f.string(key, { allowEmpty: true });
const flag = (f: Fields, key: string) => f.boolean(key);
const count = (min: number) => (f: Fields, key: string) => f.number(key, { whole: true, min });

const READERS: { [K in keyof SiteConfig]: Reader<K> } = {
  title: text,
  description: optionalText,
  url: readUrl,
  basePath: readBasePath,
  language: text,
  author: readAuthor,
  aboutRecords: optionalText,
  callToAction: optionalText,
  // Published through the aliases like every record's tags: checked as the site shows them.
  defaultTags: (f, key, config) => f.tagList(key, aliaserOf(config) ?? undefined),
  defaultModel: text,
  workWeekHours: readWorkWeekHours,
  titlePattern: text,
  allowHtml: flag,
  pageSize: count(1),
  homeRecords: count(1),
  feedRecords: count(1),
  recordTag: text,
  rowOrder: (f, key) => f.oneOf(key, ['written', 'leverage'] as const),
  weeksColumn: flag,
  truncateTitles: count(0),
  aliases: (f, key) => f.stringMap(key),
  timeZone: readTimeZone,
  tokensCount: (f, key) => f.oneOf(key, ['default', 'all'] as const),
  search: flag,
  socialCards: flag,
};

/**
 * Reads `<root>/site.yaml` when there is one; the defaults otherwise. Without a url (and no
 * error to fix first), a warning says what needs one.
 */
export async function loadConfig(root: string): Promise<LoadedConfig> {
  const exists = await access(path.join(root, CONFIG_FILE)).then(
    () => true,
    () => false,
  );
  const loaded = await readConfig(root, exists);
  if (!loaded.config.url && !hasErrors(loaded.diagnostics)) loaded.diagnostics.unshift(missingUrlWarning(loaded.file));
  return loaded;
}

async function readConfig(root: string, exists: boolean): Promise<LoadedConfig> {
  if (!exists) return { config: structuredClone(DEFAULT_CONFIG), diagnostics: [], file: null, source: null };
  const read = await readTextFile(root, CONFIG_FILE);
  if (!read.ok) {
    return { config: structuredClone(DEFAULT_CONFIG), diagnostics: [read.diagnostic], file: CONFIG_FILE, source: null };
  }
  return parseConfig(CONFIG_FILE, read.text);
}

/** Checks a config text; keys that are wrong keep their default. */
export function parseConfig(file: string, source: string): LoadedConfig {
  const config = structuredClone(DEFAULT_CONFIG);
  const { yaml, diagnostics } = parseLocatedYaml(file, source.replace(/^\uFEFF/, ''));
  if (yaml) {
    const { values, at } = plainValues(yaml);
    const map = topMap(values, at, { line: 1, column: 1 }, file, diagnostics);
    const fields = map && new Fields(map, at, [], CONFIG_SPEC, diagnostics);
    if (fields) {
      readKey(config, fields, 'aliases');
      for (const key of CONFIG_KEYS) if (key !== 'aliases') readKey(config, fields, key);
      servePathOfUrl(config, fields);
      // A url written wrong has its own error already.
      const urlWritten = String(fields.value('url') ?? '').trim() !== '';
      if (config.socialCards && !config.url && !urlWritten) socialCardsWithoutUrl(fields);
    }
  }
  return { config, diagnostics: sortDiagnostics(diagnostics), file, source };
}

/**
 * A url with a path (`https://example.org/blog`) is a site served under that path: it gives
 * basePath `/blog` unless basePath is written. `url` keeps the part before basePath (links are
 * url + basePath + the page's path), so that both ways of writing the same site agree.
 */
function servePathOfUrl(config: SiteConfig, fields: Fields): void {
  if (!config.url || !URL.canParse(config.url)) return;
  const url = new URL(config.url);
  // The path as the URL parser gives it, percent-encoded; the few characters it leaves that a
  // basePath may not hold (it goes into every link's attribute) encoded too: the same address.
  const path = url.pathname
    .replace(/\/+$/, '')
    .replace(/[^A-Za-z0-9\-._~%/]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  if (path === '') return;
  if (fields.value('basePath') === undefined) {
    config.basePath = path;
    config.url = url.origin;
  } else if (config.basePath !== '' && path.endsWith(config.basePath)) {
    config.url = `${url.origin}${path.slice(0, path.length - config.basePath.length)}`;
  }
}

/** Pages name their card by its absolute address (og:image): without the site's url there is none. */
function socialCardsWithoutUrl(fields: Fields): void {
  fields.error(
    'socialCards',
    "socialCards needs the site's url: a page names its card by an absolute address",
    'add e.g. url: https://example.com to site.yaml, or socialCards: false',
  );
}

/** The first character a basePath may not hold (it is written into every link's attribute), or null. */
function basePathProblem(path: string): string | null {
  return /[^A-Za-z0-9\-._~%/]/.exec(path)?.[0] ?? null;
}

/** The warning a build without url gives: once, about what needs it. */
export function missingUrlWarning(file: string | null): Diagnostic {
  const fix = file ? 'add e.g. url: https://example.com to site.yaml' : 'write site.yaml with e.g. url: https://example.com';
  return warning(
    CONFIG_FILE,
    0,
    0,
    "url is not set: the feeds, the sitemap and social links need the site's absolute address",
    fix,
  );
}

function readKey<K extends keyof SiteConfig>(config: SiteConfig, fields: Fields, key: K): void {
  const value = READERS[key](fields, key, config);
  if (value !== undefined) config[key] = value;
}

/** A week has 168 hours; under one hour a work week is a typo, and "work weeks" would be astronomical. */
function readWorkWeekHours(fields: Fields, key: 'workWeekHours'): number | undefined {
  const value = fields.number(key, { above: 0, max: 168 });
  if (value === undefined || value >= 1) return value;
  return fields.error(key, `${key} must be at least 1, got ${fields.shown(key)}`);
}

function readTimeZone(fields: Fields, key: 'timeZone'): string | undefined {
  const value = fields.string(key)?.trim();
  if (value === undefined || isTimeZone(value)) return value;
  return fields.error(key, `timeZone must be an IANA time zone name, got ${fields.shown(key)}`);
}

function readUrl(fields: Fields, key: 'url'): string | undefined {
  const value = fields.string(key, { allowEmpty: true })?.trim();
  if (!value) return value;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    return fields.error(key, `url must be an absolute http or https address, got ${fields.shown(key)}`);
  }
  if (url.search || url.hash) {
    return fields.error(key, `url must be the site's address without ? or #, got ${fields.shown(key)}`);
  }
  return value.replace(/\/+$/, '');
}

function readBasePath(fields: Fields, key: 'basePath'): string | undefined {
  const value = fields.string(key, { allowEmpty: true })?.trim();
  if (value === undefined) return undefined;
  if (/[\s?#]|:\/\//.test(value)) {
    return fields.error(key, `basePath must be a path like /blog, got ${fields.shown(key)}`, `${HINTS.basePath}; the host belongs in url`);
  }
  // It is written into every link, also into the HTML of the author's Markdown: a quote or an
  // angle bracket would end the attribute and let markup in.
  const bad = basePathProblem(value);
  if (bad) {
    return fields.error(
      key,
      `basePath must be a path of letters, digits and - . _ ~ / %, got ${JSON.stringify(bad)} in ${fields.shown(key)}`,
      `${HINTS.basePath}; write other characters percent-encoded, e.g. %20`,
    );
  }
  const trimmed = value.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '' : `/${trimmed}`;
}

function readAuthor(fields: Fields, key: 'author'): AuthorConfig | undefined {
  if (typeof fields.value(key) === 'string') {
    const name = fields.string(key);
    return name === undefined ? undefined : { name: name.trim(), bio: '' };
  }
  const author = fields.map(key, AUTHOR_SPEC);
  if (!author) return undefined;
  if (author.value('name') === undefined) {
    return fields.error(key, 'author has no name', 'add name: inside author, e.g. author: { name: Ada Lovelace }');
  }
  const name = author.string('name');
  const bio = author.string('bio', { allowEmpty: true }) ?? '';
  return name === undefined ? undefined : { name: name.trim(), bio };
}
