/** The files of a site that are not pages: data exports (and feeds, sitemap). */
import type { SiteConfig } from '../config/types.js';
import type { LeverageRecord } from '../records/types.js';
import type { SiteModel } from '../site/types.js';
import { recordsJson, tasksCsv } from './exports.js';
import type { OutputFiles } from './write.js';

/** @param sources the records the model was made from, oldest first */
export function siteFiles(model: SiteModel, sources: LeverageRecord[], config: SiteConfig): OutputFiles {
  const items = sources.map((record, i) => ({ record, content: model.records[i]! }));
  return new Map([
    ['data/records.json', recordsJson(items, config.basePath)],
    ['data/tasks.csv', tasksCsv(items)],
  ]);
}
