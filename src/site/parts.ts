/**
 * The hash of each part of a record (types.ts `RecordPart`): what pages declare they depend
 * on. A record's content is made from the record and the config alone (content.ts), and the
 * config is in every page's key, so the parts are hashed from the record as read: anything
 * not named as wording or analysis counts as `numbers`, the part nearly every page depends on.
 * Where the body starts in the file is no part: no page shows it, and a line added above it
 * would otherwise make every page again.
 *
 * A record without `summary` is described by its body's first paragraph (content.ts
 * `summaryText`), so its description belongs to `body`: only the record's page (meta
 * description) and feed entries show it, and both depend on every part of the record. List
 * pages show `summaryHtml`, which is empty without a summary, and so depend on `text` alone.
 *
 * JSON, not V8 serialization: equal values give equal JSON however they are held in memory.
 */
import type { LeverageRecord } from '../records/types.js';
import type { SiteConfig } from '../config/types.js';
import { hashBytes } from '../incremental/fingerprint.js';
import type { PartHashes, RecordContent, RecordSet, RecordSummary } from './types.js';
import { recordContent } from './content.js';
import { localLinks } from '../records/assets.js';

export function recordParts(record: LeverageRecord): PartHashes {
  const { title, summary, body, bodyLine: _where, tasks, ...facts } = record;
  return {
    numbers: hashBytes(JSON.stringify([facts, tasks.map(({ task: _wording, ...figures }) => figures)])),
    text: hashBytes(JSON.stringify([title, summary, tasks.map((task) => task.task)])),
    body: hashBytes(body),
  };
}

/** What the site model needs of a record to declare its pages. */
export function recordSummary(record: LeverageRecord, content: RecordContent): RecordSummary {
  return {
    file: record.file,
    date: record.date,
    dateLong: content.dateLong,
    url: content.url,
    draft: record.draft,
    sourceTags: record.tags,
    tags: content.tags,
    totals: content.totals,
    parts: recordParts(record),
    links: localLinks(record.body, record.bodyLine ?? 1),
  };
}

/** Records in memory as a record set (for tests and tools; a build reads them through its cache). */
export function recordSetOf(records: readonly LeverageRecord[], config: SiteConfig): RecordSet {
  const contents = records.map((record) => recordContent(record, config));
  return {
    summaries: records.map((record, i) => recordSummary(record, contents[i]!)),
    record: (index) => records[index]!,
    content: (index) => contents[index]!,
  };
}
