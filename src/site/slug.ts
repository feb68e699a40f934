/**
 * URL slugs. A tag's slug is its name lower-cased, accents taken off Latin letters, with
 * every run of characters other than letters and digits (of any script) turned into one `-`:
 * `Time Record` → `time-record`, `Café` → `cafe`, `日本語` → `日本語`. Slugs hold only letters,
 * digits and `-`, so no tag can make a path that leaves the output folder; links
 * percent-encode them (urls.ts).
 */
export function tagSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/(?<=[a-z])\p{M}+/gu, '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug !== '') return slug;
  // A name with no letters or digits (an emoji) still needs a stable page.
  return `tag-${[...name].map((c) => c.codePointAt(0)!.toString(16)).join('-')}`;
}
