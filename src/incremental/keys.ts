/**
 * Page keys: a page whose key is unchanged since the last build shows the same thing and
 * need not be rendered again. A key covers the page's whole model, with each record's
 * content stood in for by the hash of its file (the content is a function of that file, the
 * config and the generator, which the build's global key covers).
 */
import { createHash } from 'node:crypto';
import type { Page, RecordContent } from '../site/types.js';

export function pageKey(page: Page, contentKeys: Map<RecordContent, string>, globalKey: string): string {
  const json = JSON.stringify(page, (name, value: unknown) => {
    // What a page depends on is not what it shows (and is long on a tag's pages).
    if (name === 'dependsOn') return undefined;
    if (typeof value === 'object' && value !== null && contentKeys.has(value as RecordContent)) {
      return contentKeys.get(value as RecordContent);
    }
    return value;
  });
  return createHash('sha1').update(globalKey).update('\0').update(json).digest('hex');
}
