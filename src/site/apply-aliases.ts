/**
 * Aliases applied to whole records and to the site's own texts (site.yaml `aliases`), as pure
 * transforms. Every later stage — content, pages, feeds, exports — starts from the aliased
 * values, so no output can contain a private name that a record or the config held.
 *
 * Applied once per input object: results are cached by identity (per `aliases` object), so
 * `recordContent`, `buildSiteModel` and `siteFiles` can each ask for the aliased record and get
 * the same object — and a replacement is never aliased a second time.
 */
import type { SiteConfig } from '../config/types.js';
import type { LeverageRecord } from '../records/types.js';
import { compileAliases, type Aliaser } from './aliases.js';

const aliasers = new WeakMap<Readonly<Record<string, string>>, Aliaser | null>();
const results = new WeakMap<Aliaser, WeakMap<object, object>>();
/** Results, so that asking again with an already aliased object returns it unchanged. */
const aliasedObjects = new WeakSet<object>();

/** `make(value, alias)`, once per value and aliaser; the value itself when there is nothing to alias. */
function aliasedOnce<T extends object>(value: T, alias: Aliaser | null, make: (value: T, alias: Aliaser) => T): T {
  if (!alias || aliasedObjects.has(value)) return value;
  let cache = results.get(alias);
  if (!cache) {
    cache = new WeakMap();
    results.set(alias, cache);
  }
  let aliased = cache.get(value) as T | undefined;
  if (!aliased) {
    aliased = make(value, alias);
    cache.set(value, aliased);
    aliasedObjects.add(aliased);
  }
  return aliased;
}

/** The compiled aliases of a config, or null when it has none. */
export function aliaserOf(config: Pick<SiteConfig, 'aliases'>): Aliaser | null {
  const aliases = config.aliases ?? {};
  let aliaser = aliasers.get(aliases);
  if (aliaser === undefined) {
    aliaser = Object.keys(aliases).some((name) => name.trim() !== '') ? compileAliases(aliases) : null;
    aliasers.set(aliases, aliaser);
  }
  return aliaser;
}

/** The record with every text aliased: title, model, tags, summary, body, task titles and projects. */
export function aliasRecordWith(record: LeverageRecord, alias: Aliaser): LeverageRecord {
  return {
    ...record,
    title: alias(record.title),
    model: alias(record.model),
    tags: record.tags.map(alias),
    summary: record.summary === null ? null : alias(record.summary),
    body: alias(record.body),
    tasks: record.tasks.map((task) => ({
      ...task,
      task: alias(task.task),
      project: task.project === null ? null : alias(task.project),
    })),
  };
}

/** The record as published: aliased when the config has aliases, else the record itself. */
export function aliasRecord(record: LeverageRecord, config: Pick<SiteConfig, 'aliases'>): LeverageRecord {
  return aliasedOnce(record, aliaserOf(config), aliasRecordWith);
}

/**
 * The config with its published texts aliased: title, description, author name and bio,
 * aboutRecords, callToAction, and the tag names (default tags and the record tag, so they
 * still match the aliased tags of records).
 */
export function aliasConfig(config: SiteConfig): SiteConfig {
  return aliasedOnce(config, aliaserOf(config), (c, alias) => ({
    ...c,
    title: alias(c.title),
    description: alias(c.description),
    author: c.author ? { name: alias(c.author.name), bio: alias(c.author.bio) } : null,
    aboutRecords: alias(c.aboutRecords),
    callToAction: alias(c.callToAction),
    defaultTags: c.defaultTags.map(alias),
    defaultModel: alias(c.defaultModel),
    recordTag: alias(c.recordTag),
  }));
}
