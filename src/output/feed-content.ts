/**
 * The full HTML of a record for feeds: summary, The Numbers, Aggregate, the generated
 * highlights and the analysis. Assembled from RecordContent, whose author texts are already
 * rendered and sanitised (or escaped); every generated text is escaped here. Feed readers
 * resolve links against unknown bases, so root-relative links become absolute, and relative
 * ones (a picture beside the record, `diagram.png`) absolute from the record's page.
 */
import { escapeHtml } from '../escape.js';
import type { RecordContent } from '../site/types.js';

/** `href="/blog/x/"` → `href="https://example.com/blog/x/"` (the base path is already in the link). */
export function absoluteLinks(html: string, siteUrl: string): string {
  const origin = siteUrl.replace(/\/+$/, '');
  if (origin === '') return html;
  return html.replace(/\b(href|src)="(\/(?!\/)[^"]*)"/g, (_whole, attr: string, path: string) => `${attr}="${escapeHtml(origin)}${path}"`);
}

/** `src="diagram.png"` → `src="https://example.com/records/2026-03-02/diagram.png"`; links with a scheme, `/`, `#` or `?` left alone. */
export function pageRelativeLinks(html: string, pageUrl: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(pageUrl)) return html;
  return html.replace(/\b(href|src)="(?![a-zA-Z][a-zA-Z0-9+.-]*:|[/#?])([^"]+)"/g, (_whole, attr: string, url: string) => {
    // The attribute's text is HTML-escaped: URL resolution needs the URL itself.
    const resolved = new URL(url.replace(/&amp;/g, '&'), pageUrl).href;
    return `${attr}="${escapeHtml(resolved)}"`;
  });
}

function cell(tag: 'td' | 'th', text: string, numeric = false): string {
  return `<${tag}${numeric ? ' align="right"' : ''}>${text}</${tag}>`;
}

function numbersTable(record: RecordContent): string {
  const head = [
    '#',
    'Task',
    'Human Est.',
    'Claude',
    ...(record.supervisionColumn ? ['Supervision'] : []),
    ...(record.showWeeks ? ['Weeks'] : []),
    'Leverage',
    ...(record.hasSupervision ? ['Sup. Factor'] : []),
  ];
  const rows = record.rows.map((row) => {
    const task = row.truncated ? `<abbr title="${escapeHtml(row.taskText)}">${row.taskHtml}</abbr>` : row.taskHtml;
    const cells = [
      cell('td', String(row.n), true),
      cell('td', task),
      cell('td', escapeHtml(row.human), true),
      cell('td', escapeHtml(row.claude), true),
      ...(record.supervisionColumn ? [cell('td', escapeHtml(row.supervision ?? ''), true)] : []),
      ...(record.showWeeks ? [cell('td', escapeHtml(row.weeks ?? ''), true)] : []),
      cell('td', escapeHtml(row.leverage), true),
      ...(record.hasSupervision ? [cell('td', escapeHtml(row.supervisoryLeverage ?? ''), true)] : []),
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  return (
    `<table>\n<thead><tr>${head.map((h) => cell('th', escapeHtml(h))).join('')}</tr></thead>\n` +
    `<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`
  );
}

function aggregateTable(record: RecordContent): string {
  const rows = record.aggregate.map(
    (row) => `<tr>${cell('th', escapeHtml(row.label))}${cell('td', escapeHtml(row.value), true)}</tr>`,
  );
  return `<table>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

/**
 * @param highlights inline HTML sentences (series.ts: already escaped)
 * @param siteUrl the absolute site URL ('' leaves links root-relative)
 * @param pageUrl the record page's absolute URL, for its relative links ('' leaves them as they are)
 */
export function feedEntryHtml(record: RecordContent, highlights: readonly string[], siteUrl: string, pageUrl = ''): string {
  const parts: string[] = [];
  if (record.summaryHtml) parts.push(`<p>${record.summaryHtml}</p>`);
  parts.push('<h2>The Numbers</h2>', numbersTable(record));
  parts.push('<h2>Aggregate</h2>', aggregateTable(record));
  if (highlights.length) {
    parts.push('<h2>Highlights</h2>', `<ul>\n${highlights.map((h) => `<li>${h}</li>`).join('\n')}\n</ul>`);
  }
  if (record.bodyHtml) parts.push('<h2>Analysis</h2>', record.bodyHtml);
  return pageRelativeLinks(absoluteLinks(parts.join('\n'), siteUrl), pageUrl);
}
