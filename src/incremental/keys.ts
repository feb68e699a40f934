/**
 * Page keys: a page whose key is unchanged since the last build shows the same thing and
 * need not be rendered again. A key covers the page's whole model, with each record's
 * content stood in for by the hash of its file (the content is a function of that file, the
 * config and the generator, which the build's global key covers).
 */
import { hashBytes } from './fingerprint.js';
import type { Page, RecordContent } from '../site/types.js';

export function pageKey(page: Page, contentKeys: Map<RecordContent, string>, globalKey: string): string {
  return hashBytes(`${globalKey}\0${JSON.stringify(keyedModel(page, contentKeys))}`);
}

/**
 * The page as its key covers it: without what it depends on (which is not what it shows, and
 * is long on a tag's pages), each record's content replaced by its key. The contents are
 * substituted where the page types hold them, so that JSON.stringify needs no replacer
 * function (one call per value of every page was most of the cost of the keys); a content
 * without a key stays whole, which still covers everything it shows.
 */
function keyedModel(page: Page, contentKeys: Map<RecordContent, string>): object {
  const keyOf = (content: RecordContent): RecordContent | string => contentKeys.get(content) ?? content;
  const { dependsOn: _, ...shown } = page;
  switch (shown.template) {
    case 'record':
      return { ...shown, record: keyOf(shown.record) };
    case 'tag':
    case 'home':
      return { ...shown, records: shown.records.map(keyOf), chartSvg: { sha1: chartDigest(shown.chartSvg) } };
    default:
      return shown;
  }
}

/** The last chart digested: the pages of a tag, made one after the other, share one chart. */
let lastChart = { svg: '', digest: hashBytes('') };

/**
 * A chart stood in for by its digest (an object where the page has a string, so no chart can
 * pass for another page's digest): each of a tag's pages repeated its chart, kilobytes of
 * SVG escaped into JSON and hashed again.
 */
function chartDigest(svg: string): string {
  if (svg !== lastChart.svg) lastChart = { svg, digest: hashBytes(svg) };
  return lastChart.digest;
}
