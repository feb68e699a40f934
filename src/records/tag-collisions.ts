/**
 * Tags whose names differ but whose slugs are the same share one tag page, named by the
 * first spelling. That is right for spelling variants (`AI` and `ai`, `Time Record` and
 * `time-record`) but hides a real difference when letters or signs differ (`C++` and `C#`
 * both become `/tags/c/`): those get a warning at each record that uses the later spelling.
 */
import { warning } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';
import { tagSlug } from '../site/slug.js';
import type { LeverageRecord } from './types.js';

/** Case, spaces, dashes and underscores do not make a different tag. */
const variantKey = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, ' ').trim();

/** `records` in site order (by date): the first spelling of a slug names its page. */
export function tagCollisions(records: readonly Pick<LeverageRecord, 'tags' | 'file'>[]): Diagnostic[] {
  const first = new Map<string, { name: string; file: string }>();
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const record of records) {
    for (const name of record.tags) {
      const slug = tagSlug(name);
      const owner = first.get(slug);
      if (!owner) {
        first.set(slug, { name, file: record.file });
        continue;
      }
      if (variantKey(owner.name) === variantKey(name) || reported.has(`${record.file}\n${name}`)) continue;
      reported.add(`${record.file}\n${name}`);
      diagnostics.push(
        warning(
          record.file,
          0,
          0,
          `tag "${name}" shares the page /tags/${slug}/ with tag "${owner.name}" (${owner.file}), so both are shown as one tag, "${owner.name}"`,
          'rename one of them so that their letters or digits differ, e.g. C-sharp and C-plus-plus',
        ),
      );
    }
  }
  return diagnostics;
}
