/** The site's settings (`site.yaml`), every key optional; see DEFAULT_CONFIG. */

export interface AuthorConfig {
  name: string;
  /** Markdown, shown as "About the author" on record pages. */
  bio: string;
}

export interface SiteConfig {
  title: string;
  description: string;
  /** Absolute site URL without trailing slash (for feeds, sitemap, canonical links); '' when unset. */
  url: string;
  /** Path prefix the site is served under: '' or '/blog' (leading slash, no trailing slash). */
  basePath: string;
  language: string;
  author: AuthorConfig | null;
  /** Markdown shown under "About These Records" on every record page. */
  aboutRecords: string;
  /** Markdown shown at the end of every record page. */
  callToAction: string;
  defaultTags: string[];
  defaultModel: string;
  workWeekHours: number;
  /** `{date}` is replaced by the long date (`March 2, 2026`), `{isoDate}` by `2026-03-02`. */
  titlePattern: string;
  /** When true, raw HTML in records passes through to pages. */
  allowHtml: boolean;
  /** Records per tag page before pagination. */
  pageSize: number;
  /** Records on the home page. */
  homeRecords: number;
  /** Records in the feeds. */
  feedRecords: number;
  /** The tag whose page record pages link to ("See all records under the … tag"). */
  recordTag: string;
  /** Order of The Numbers rows. */
  rowOrder: 'written' | 'leverage';
  /** Show a Weeks column (human hours ÷ work week) in place of supervision. */
  weeksColumn: boolean;
  /** Truncate task titles in tables to this many characters (0: never). */
  truncateTitles: number;
  /** Private names → public ones, applied whole-word and case-preserving to every text. */
  aliases: Record<string, string>;
  /** IANA zone whose calendar days the assistant's sessions are counted in; null: the machine's zone. */
  timeZone: string | null;
  /** A record's tokens from the logs: `default` leaves out cache reads, `all` adds them. */
  tokensCount: 'default' | 'all';
  /** A /search/ page and a search field in the header, with a Pagefind index of the records. */
  search: boolean;
  /** A 1200×630 PNG per record and one for the site, named by each page as its `og:image` (needs `url`). */
  socialCards: boolean;
}

export const DEFAULT_CONFIG: SiteConfig = {
  title: 'Leverage Record',
  description: 'Daily records of work done with an AI coding assistant, measured against a senior engineer.',
  url: '',
  basePath: '',
  language: 'en',
  author: null,
  aboutRecords:
    'Each row is a task the assistant completed. **Human Est.** is how long a senior engineer ' +
    'would need for the same work; **Claude** is the assistant\'s wall-clock time. ' +
    'Leverage is their ratio; the weighted factor divides the totals, never averages the rows.',
  callToAction: '',
  defaultTags: ['AI', 'Time Record'],
  defaultModel: 'Claude',
  workWeekHours: 40,
  titlePattern: 'Leverage Record: {date}',
  allowHtml: false,
  pageSize: 30,
  homeRecords: 10,
  feedRecords: 20,
  recordTag: 'Time Record',
  rowOrder: 'written',
  weeksColumn: false,
  truncateTitles: 0,
  aliases: {},
  timeZone: null,
  tokensCount: 'default',
  search: false,
  socialCards: false,
};

export const CONFIG_KEYS = Object.keys(DEFAULT_CONFIG) as (keyof SiteConfig)[];
