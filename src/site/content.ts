/**
 * One record's own content: its numbers formatted as records.md says and its Markdown
 * rendered. Depends on nothing but the record and the config, so it can be cached per record.
 */
import type { SiteConfig } from '../config/types.js';
import type { LeverageRecord } from '../records/types.js';
import { recordTotals, taskNumbers, type TaskNumbers } from '../leverage/numbers.js';
import { formatFactor, formatHumanTime, formatMinutes, formatWeeks } from '../leverage/format.js';
import { formatLongDate } from '../leverage/dates.js';
import { countWords, firstParagraphText, readInline, renderMarkdown } from '../markdown/render.js';
import { escapeHtml } from '../escape.js';
import type { RecordContent, RowView, TableColumns } from './types.js';
import { aggregateRows, listFigures } from './aggregate.js';
import { tagSlug } from './slug.js';
import { recordUrl, tagUrl, withBasePathInHtml } from './urls.js';
import { aliasRecord } from './apply-aliases.js';

const WORDS_PER_MINUTE = 230;

/**
 * @param source the record as read; the site's aliases are applied here (apply-aliases.ts), so
 *   every text of the content is the published one.
 */
export function recordContent(source: LeverageRecord, config: SiteConfig): RecordContent {
  const record = aliasRecord(source, config);
  const markdown = { allowHtml: config.allowHtml };
  const html = (rendered: string): string => withBasePathInHtml(rendered, config.basePath);
  const tasks = record.tasks.map(taskNumbers);
  const totals = recordTotals(record);
  const hasSupervision = totals.supervisionMinutes !== null;
  const columns: TableColumns = {
    project: record.tasks.some((task) => task.project !== null),
    supervision: hasSupervision && !config.weeksColumn,
    weeks: config.weeksColumn,
    supervisoryFactor: hasSupervision,
  };
  const rows = orderRows(record, tasks, config).map(({ task, numbers }): RowView => {
    const { html: titleHtml, text } = readInline(task.task, markdown);
    const truncated = config.truncateTitles > 0 && text.length > config.truncateTitles;
    return {
      n: task.n,
      // Cut, a title's text is only text: what was Markdown in it is gone with the cut.
      taskHtml: truncated ? escapeHtml(truncate(text, config.truncateTitles)) : html(titleHtml),
      taskText: text,
      truncated,
      human: formatHumanTime(numbers.humanMinutes),
      claude: formatMinutes(numbers.claudeMinutes),
      supervision: numbers.supervisionMinutes === null ? null : formatMinutes(numbers.supervisionMinutes),
      weeks: config.weeksColumn ? formatWeeks(numbers.humanMinutes, config.workWeekHours) : null,
      leverage: formatFactor(numbers.leverage),
      supervisoryLeverage:
        numbers.supervisoryLeverage === null ? null : formatFactor(numbers.supervisoryLeverage),
      project: task.project,
      columns,
    };
  });
  const summary = record.summary ?? '';
  const summaryRead = readInline(summary, markdown);
  const words = countWords(record.body) + countWords(summary) + record.tasks.reduce((n, t) => n + countWords(t.task), 0);
  return {
    date: record.date,
    draft: record.draft,
    dateLong: formatLongDate(record.date),
    url: recordUrl(record.date),
    title: record.title,
    model: record.model,
    tags: record.tags.map((name) => ({ text: name, url: tagUrl(tagSlug(name)) })),
    summaryHtml: summary ? html(summaryRead.html) : '',
    // Without a summary, the analysis's first paragraph describes the record (meta description,
    // feed summary); the page itself does not repeat it under the title.
    summaryText: summary ? summaryRead.text : firstParagraphText(record.body, markdown),
    readingMinutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
    hasSupervision,
    showWeeks: columns.weeks,
    supervisionColumn: columns.supervision,
    projectColumn: columns.project,
    rows,
    aggregate: aggregateRows(totals, config),
    bodyHtml: html(renderMarkdown(record.body, markdown)),
    tasks,
    totals,
    list: listFigures(totals),
  };
}

function orderRows(record: LeverageRecord, tasks: TaskNumbers[], config: SiteConfig) {
  const rows = record.tasks.map((task, i) => ({ task, numbers: tasks[i]! }));
  if (config.rowOrder === 'leverage') {
    // Stable: equal factors keep the author's order.
    rows.sort((a, b) => b.numbers.leverage - a.numbers.leverage || a.task.n - b.task.n);
  }
  return rows;
}

function truncate(text: string, length: number): string {
  const cut = text.slice(0, length);
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${(atWord.length > length / 2 ? atWord : cut).trimEnd()}…`;
}
