/**
 * The hash of each part of a record (site/types.ts `RecordPart`): what pages declare they
 * depend on. Parts are hashed from the record as read and its content as rendered, so
 * whatever a page can show of a record is in one of them; anything not named as wording or
 * analysis counts as `numbers`, the part nearly every page depends on.
 *
 * JSON, not V8 serialization: equal values give equal JSON however they are held in memory.
 */
import type { LeverageRecord } from '../records/types.js';
import type { PartHashes, RecordContent, RecordSet, RecordSummary } from './types.js';
import type { SiteConfig } from '../config/types.js';
import { hashBytes } from '../incremental/fingerprint.js';
import { recordContent } from './content.js';

export function recordParts(record: LeverageRecord, content: RecordContent): PartHashes {
  const { title, summaryHtml, summaryText, bodyHtml, readingMinutes, rows, ...contentFacts } = content;
  const { title: _title, summary, body, tasks, ...recordFacts } = record;
  const text = {
    title,
    summary,
    summaryHtml,
    summaryText,
    tasks: tasks.map((task) => task.task),
    rows: rows.map((row) => [row.taskHtml, row.taskText, row.truncated]),
  };
  const numbers = {
    recordFacts,
    contentFacts,
    tasks: tasks.map(({ task: _task, ...facts }) => facts),
    rows: rows.map(({ taskHtml: _html, taskText: _text, truncated: _truncated, ...facts }) => facts),
  };
  return {
    numbers: hashBytes(JSON.stringify(numbers)),
    text: hashBytes(JSON.stringify(text)),
    body: hashBytes(JSON.stringify({ body, bodyHtml, readingMinutes })),
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
    parts: recordParts(record, content),
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
