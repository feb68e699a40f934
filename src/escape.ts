/**
 * Escaping, for every text the generator writes into HTML or XML outside the templates (the
 * templates' `{{…}}` escapes by itself, with escapeHtml's rules). Each function is a library's.
 */
import HandlebarsRuntime from 'handlebars/runtime.js';
import { escapeUTF8 } from 'entities';
import { stringifyEntities } from 'stringify-entities';

type HandlebarsApi = typeof import('handlebars');

/**
 * Text for HTML content or a quoted attribute value, escaped as the templates' `{{…}}` escape
 * it (Handlebars' escapeExpression: `& < > " ' \` =`).
 */
export function escapeHtml(text: string): string {
  return (HandlebarsRuntime as unknown as HandlebarsApi).Utils.escapeExpression(text);
}

const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Drops characters that XML 1.0 does not allow (no escape can write them). */
export function stripInvalidXml(text: string): string {
  return text.replace(INVALID_XML, '');
}

/** Text for XML content or a quoted attribute value (feeds, sitemaps, SVG): `& < > " '` escaped, after stripInvalidXml. */
export function escapeXml(text: string): string {
  return escapeUTF8(stripInvalidXml(text));
}

const PIPELINE_TEXT_SUBSET = ['<', '&'];

/**
 * Text as the Markdown pipeline's rehype-stringify writes it (hast-util-to-html: only `<` and
 * `&`, as `&#x3C;` and `&#x26;`), for the fast path, whose output must be the pipeline's bytes.
 */
export function escapeAsPipeline(text: string): string {
  return stringifyEntities(text, { subset: PIPELINE_TEXT_SUBSET });
}
