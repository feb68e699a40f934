/**
 * Tags whose names differ only in case or punctuation (`AI`, `ai`, `A.I.`) have one slug and
 * share one tag page. The page and every link use the spelling most records use (the
 * earliest of equals); a warning names every spelling, so the author can make them one.
 */
import { warning } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';
import { tagSlug } from '../site/slug.js';
import { tagUrl } from '../site/urls.js';
import type { RecordContent } from '../site/types.js';
import type { LeverageRecord } from './types.js';

/** Each tag spelling that is not its page's → the page's spelling. */
export type TagSpellings = ReadonlyMap<string, string>;

interface Spelling {
  name: string;
  records: number;
  /** The first record (in site order) that uses it. */
  file: string;
}

/** `records` in site order (by date), each tag written in its page's spelling; a warning for each page with several. */
export function canonicalTags<R extends Pick<LeverageRecord, 'tags' | 'file'>>(
  records: readonly R[],
): { records: R[]; diagnostics: Diagnostic[]; spellings: TagSpellings } {
  const bySlug = new Map<string, Map<string, Spelling>>();
  const slugs = new Map<string, string>();
  for (const record of records) {
    const { tags } = record;
    for (let i = 0; i < tags.length; i++) {
      const name = tags[i]!;
      if (tags.indexOf(name) < i) continue; // a tag written twice counts once
      let slug = slugs.get(name);
      if (slug === undefined) slugs.set(name, (slug = tagSlug(name)));
      let spellings = bySlug.get(slug);
      if (!spellings) bySlug.set(slug, (spellings = new Map()));
      const spelling = spellings.get(name);
      if (spelling) spelling.records++;
      else spellings.set(name, { name, records: 1, file: record.file });
    }
  }
  const canonical = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const [slug, spellings] of bySlug) {
    if (spellings.size < 2) continue;
    // Map order is first use: the earliest spelling wins a tie.
    const all = [...spellings.values()];
    const chosen = all.reduce((best, s) => (s.records > best.records ? s : best));
    for (const s of all) if (s !== chosen) canonical.set(s.name, chosen.name);
    const listed = all.map((s) => `"${s.name}" (${s.records} ${s.records === 1 ? 'record' : 'records'})`);
    const others = all.filter((s) => s !== chosen);
    diagnostics.push(
      warning(
        others[0]!.file,
        0,
        0,
        `the tags ${listed.slice(0, -1).join(', ')} and ${listed.at(-1)} share the page ${decodeURI(tagUrl(slug))}, shown as "${chosen.name}", the spelling most records use`,
        `write one spelling in every record, e.g. ${others.map((s) => `"${s.name}"`).join(', ')} as "${chosen.name}"; tags that are different things need letters that differ, e.g. C-sharp and C-plus-plus`,
      ),
    );
  }
  if (canonical.size === 0) return { records: [...records], diagnostics, spellings: canonical };
  const renamed = records.map((record) =>
    record.tags.some((name) => canonical.has(name))
      ? { ...record, tags: [...new Set(record.tags.map((name) => canonical.get(name) ?? name))] }
      : record,
  );
  return { records: renamed, diagnostics, spellings: canonical };
}

/** A record's rendered content with its tags in their pages' spellings (the links stay: a page's slug is the same for every spelling). */
export function respellTags(content: RecordContent, spellings: TagSpellings): RecordContent {
  const tags = respellTagLinks(content.tags, spellings);
  return tags === content.tags ? content : { ...content, tags: [...tags] };
}

/** Tag links in their pages' spellings; the same array when none changes. */
export function respellTagLinks<L extends { text: string }>(tags: readonly L[], spellings: TagSpellings): readonly L[] {
  if (spellings.size === 0 || !tags.some((tag) => spellings.has(tag.text))) return tags;
  const seen = new Set<string>();
  return tags
    .map((tag) => ({ ...tag, text: spellings.get(tag.text) ?? tag.text }))
    .filter((tag) => !seen.has(tag.text) && seen.add(tag.text));
}
