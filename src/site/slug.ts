/**
 * URL slugs. A tag's slug is its name lower-cased with every run of characters other than
 * a-z0-9 turned into one `-` (`Time Record` → `time-record`); slugs only ever hold
 * [a-z0-9-], so no tag can make a path that leaves the output folder.
 */
export function tagSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug !== '') return slug;
  // A name with no ASCII letters or digits (an emoji, a CJK word) still needs a stable page.
  return `tag-${[...name].map((c) => c.codePointAt(0)!.toString(16)).join('-')}`;
}
