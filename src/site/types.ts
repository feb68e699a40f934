/**
 * Page models: everything a template shows, already computed and formatted. Templates only
 * lay them out. Each page is declared before it is made (PageSpec): its URL and what it
 * depends on, so a build makes again only the pages a change touches (incremental/plan.ts).
 */
import type { LocalLink } from '../records/assets.js';
import type { RecordTotals, SeriesTotals, TaskNumbers } from '../leverage/numbers.js';
import type { SeriesContext } from './series.js';
import type { LeverageRecord } from '../records/types.js';
import type { CalendarWeek } from './calendar.js';
import type { PageCard } from '../output/social-card.js';

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
  /** The optional columns The Numbers shows: the same object for every row of a record. */
  columns: TableColumns;
}

/**
 * The optional columns of a record's table, as each row sees them: templates test
 * `columns.project` inside `{{#each rows}}`. Reaching the record's flags through `@root`
 * instead makes Handlebars carry its data frame through every block of the page, which cost
 * a fifth of the time of rendering the record pages.
 */
export interface TableColumns {
  project: boolean;
  supervision: boolean;
  weeks: boolean;
  supervisoryFactor: boolean;
}

export interface AggregateRow {
  label: string;
  value: string;
}

/** One record's own content, independent of the rest of the series (cacheable per record). */
export interface RecordContent {
  date: string;
  /** Marked `draft: true` (shown only by a build with `--drafts`, with a banner). */
  draft: boolean;
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
  /** The Numbers shows a Project column: some task of the record names a project. */
  projectColumn: boolean;
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
  /** site.yaml `search`: the header has a search field and the site a /search/ page. */
  search: boolean;
}

export interface PageMeta {
  /** Site-relative URL of the page. */
  url: string;
  /** Path of the file under the output folder, `records/2026-03-02/index.html`. */
  outputPath: string;
  title: string;
  description: string;
  /** Its social card (`og:image`), with site.yaml `socialCards`. */
  card?: PageCard | null;
}

export interface RecordPage extends PageMeta {
  template: 'record';
  record: RecordContent;
  highlights: string[];
  milestones: string[];
  previous: Link | null;
  next: Link | null;
  recordTag: Link | null;
  /** The record's month in the archive. */
  month: Link;
}

/**
 * A record as a list shows it (tag and home pages): everything but its analysis, which those
 * pages do not depend on (their keys would not change with it).
 */
export type ListedRecord = Omit<RecordContent, 'bodyHtml' | 'readingMinutes'>;

export interface Pagination {
  page: number;
  pages: number;
  previous: string | null;
  next: string | null;
}

/** The Atom and JSON feeds a page announces (site-relative URLs). */
export interface PageFeeds {
  title: string;
  atom: string;
  json: string;
}

export interface TagPage extends PageMeta {
  template: 'tag';
  tag: Link & { slug: string; count: number };
  feeds: PageFeeds;
  records: ListedRecord[];
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
  records: ListedRecord[];
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

/** The search page: the search runs in the browser, on the index of output/search-index.ts. */
export interface SearchPage extends PageMeta {
  template: 'search';
}

/** A month or a year in the archive's tables: a link to its page and its figures. */
export interface PeriodRow {
  link: Link;
  records: string;
  human: string;
  claude: string;
  leverage: string;
}

export interface ArchiveYear {
  /** The year's row (its link is the year page). */
  total: PeriodRow;
  /** Newest first. */
  months: PeriodRow[];
}

export interface ArchivePage extends PageMeta {
  template: 'archive';
  /** Newest first. */
  years: ArchiveYear[];
}

export interface YearPage extends PageMeta {
  template: 'year';
  year: ArchiveYear;
  totals: FormattedTotals;
  previous: Link | null;
  next: Link | null;
}

export interface MonthPage extends PageMeta {
  template: 'month';
  /** `2026-03` */
  month: string;
  year: Link;
  totals: FormattedTotals;
  calendar: { weekdays: { name: string; short: string }[]; weeks: CalendarWeek[] };
  /** Oldest first, as the calendar reads. */
  records: ListedRecord[];
  previous: Link | null;
  next: Link | null;
}

export type Page =
  | RecordPage
  | TagPage
  | TagsPage
  | HomePage
  | StatsPage
  | NotFoundPage
  | SearchPage
  | ArchivePage
  | YearPage
  | MonthPage;

/** All-time or per-tag figures, exact and formatted. */
export interface FormattedTotals {
  exact: SeriesTotals;
  rows: AggregateRow[];
}

/**
 * The parts of a record a page can show:
 * - `numbers`: its figures and facts (date, tags, model, projects, every duration and total);
 * - `text`: its wording (title, summary, task titles);
 * - `body`: its analysis (the Markdown body).
 */
export type RecordPart = 'numbers' | 'text' | 'body';
export const RECORD_PARTS: readonly RecordPart[] = ['numbers', 'text', 'body'];

/**
 * What an output file shows besides the site's config and theme (which every file depends
 * on): parts of some records, or any other value (compared as it is).
 */
export type Dependency =
  | { records: RecordSelection; parts: readonly RecordPart[] }
  | { value: string };

/** Records by date: a list, every record up to a date (included), or all of them. */
export type RecordSelection = readonly string[] | { upTo: string } | 'all';

/** A page declared: where it goes and what it depends on; its model is made only when it must be rendered. */
export interface PageSpec {
  template: Page['template'];
  url: string;
  outputPath: string;
  dependsOn: readonly Dependency[];
  /** The newest day the page shows (the sitemap's lastmod), or null. */
  lastmod: string | null;
  model(): Page;
}

/** The hash of each part of a record (incremental/parts.ts). */
export type PartHashes = Record<RecordPart, string>;

/**
 * What the site model needs of every record to declare the pages: small, so that a rebuild
 * of thousands of records reads only this of most of them.
 */
export interface RecordSummary {
  file: string;
  date: string;
  dateLong: string;
  url: string;
  draft: boolean;
  /** The tags as written (for the records stage's checks). */
  sourceTags: string[];
  /** The tags as published, with their pages. */
  tags: Link[];
  totals: RecordTotals;
  parts: PartHashes;
  /** The relative links of its analysis, checked against the files beside it (records/assets.ts). */
  links: LocalLink[];
}

/** The records of a build, oldest first: each one's summary, and the rest when a page needs it. */
export interface RecordSet {
  summaries: readonly RecordSummary[];
  /** The record as read (the site's aliases not applied). */
  record(index: number): LeverageRecord;
  content(index: number): RecordContent;
}

export interface SiteModel {
  site: SiteInfo;
  pages: PageSpec[];
  records: RecordSet;
  /** Highlights and milestones of each record (its page's and its feed entry's). */
  series: SeriesContext;
  /** The tags with a page, by slug. */
  tags: TagGroup[];
}

/** A tag's records (tags differing only in case share one page). */
export interface TagGroup {
  slug: string;
  /** The spelling of the tag's first use. */
  name: string;
  /** Oldest first. */
  records: RecordSummary[];
  /** Their places in the record set. */
  indexes: number[];
}
