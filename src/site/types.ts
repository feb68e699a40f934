/**
 * Page models: everything a template shows, already computed and formatted. Templates only
 * lay them out. Each page says which records it depends on, so an incremental build
 * re-renders only what a change touches.
 */
import type { RecordTotals, SeriesTotals, TaskNumbers } from '../leverage/numbers.js';

export interface Link {
  /** Site-relative URL, `/records/2026-03-02/` (the base path is added when rendering). */
  url: string;
  text: string;
}

export interface RowView {
  n: number;
  /** Inline HTML of the task title (escaped or sanitised). */
  taskHtml: string;
  /** Plain text of the full title (for `title=""` when truncated). */
  taskText: string;
  truncated: boolean;
  human: string;
  claude: string;
  supervision: string | null;
  weeks: string | null;
  leverage: string;
  supervisoryLeverage: string | null;
  project: string | null;
}

export interface AggregateRow {
  label: string;
  value: string;
}

/** One record's own content, independent of the rest of the series (cacheable per record). */
export interface RecordContent {
  date: string;
  dateLong: string;
  url: string;
  title: string;
  model: string;
  tags: Link[];
  summaryHtml: string;
  summaryText: string;
  readingMinutes: number;
  /** The record has supervision (every task has it): Sup. Factor column, supervision aggregates. */
  hasSupervision: boolean;
  /** site.yaml `weeksColumn`: a Weeks column in place of the Supervision column. */
  showWeeks: boolean;
  /** The Numbers shows the Supervision (minutes) column: the record has supervision and no Weeks column replaces it. */
  supervisionColumn: boolean;
  rows: RowView[];
  aggregate: AggregateRow[];
  bodyHtml: string;
  tasks: TaskNumbers[];
  totals: RecordTotals;
  /** Formatted figures for lists: `1,096 hours`, `643 min`, `102.3x`. */
  list: { tasks: string; human: string; claude: string; leverage: string };
}

export interface SiteInfo {
  title: string;
  description: string;
  url: string;
  basePath: string;
  language: string;
  authorName: string | null;
  authorBioHtml: string;
  aboutRecordsHtml: string;
  callToActionHtml: string;
}

export interface PageMeta {
  /** Site-relative URL of the page. */
  url: string;
  /** Path of the file under the output folder, `records/2026-03-02/index.html`. */
  outputPath: string;
  title: string;
  description: string;
  /** Dates of the records this page shows; `'all'` for pages that summarise the series. */
  dependsOn: string[] | 'all';
}

export interface RecordPage extends PageMeta {
  template: 'record';
  record: RecordContent;
  highlights: string[];
  milestones: string[];
  previous: Link | null;
  next: Link | null;
  recordTag: Link | null;
}

export interface ListEntry {
  record: RecordContent;
}

export interface Pagination {
  page: number;
  pages: number;
  previous: string | null;
  next: string | null;
}

export interface TagPage extends PageMeta {
  template: 'tag';
  tag: Link & { slug: string; count: number };
  records: RecordContent[];
  totals: FormattedTotals;
  pagination: Pagination;
  chartSvg: string;
}

export interface TagsPage extends PageMeta {
  template: 'tags';
  tags: (Link & { count: number })[];
}

export interface HomePage extends PageMeta {
  template: 'home';
  records: RecordContent[];
  totals: FormattedTotals;
  chartSvg: string;
}

export interface StatsPage extends PageMeta {
  template: 'stats';
  totals: FormattedTotals;
  /** A sentence under the totals (what the supervision figures cover), or ''. */
  totalsNote?: string;
  sections: StatsSection[];
}

export interface StatsTable {
  caption: string;
  head: string[];
  /** Cells: text, or a link (shown with the base path). The first cell heads the row. */
  rows: (string | Link)[][];
}

export interface StatsSection {
  heading: string;
  /** A chart, already SVG, or '' */
  chartSvg: string;
  table: StatsTable | null;
  /**
   * The table is the chart's text alternative, too long to show open: the template puts it in
   * a `<details>` under the chart.
   */
  collapsed?: boolean;
  note: string;
}

export interface NotFoundPage extends PageMeta {
  template: '404';
}

export type Page = RecordPage | TagPage | TagsPage | HomePage | StatsPage | NotFoundPage;

/** All-time or per-tag figures, exact and formatted. */
export interface FormattedTotals {
  exact: SeriesTotals;
  rows: AggregateRow[];
}

export interface SiteModel {
  site: SiteInfo;
  pages: Page[];
  /** Every record's content, oldest first (for exports and feeds). */
  records: RecordContent[];
}
