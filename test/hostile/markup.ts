/**
 * What in a piece of HTML would run or load something a reader did not ask for: script-like
 * elements, event-handler attributes, and URLs with a scheme other than http(s), mailto or a
 * relative path. Parsed as a browser would (hast-util-from-html), so escaped text is text.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';

const ACTIVE_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'base', 'form', 'meta', 'link', 'style', 'svg', 'math']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formAction', 'poster', 'srcSet', 'xLinkHref', 'background', 'cite', 'data', 'ping']);

/** Schemes a link or resource may use. */
const SAFE_URL = /^(?:https?:|mailto:|#|\/|\.\/|\.\.\/|[^:/?#]*(?:[/?#]|$))/i;

export interface LiveMarkup {
  /** Elements the theme itself uses on purpose (e.g. `svg` charts, `link`/`meta` in <head>). */
  allowElements?: string[];
}

/** Problems found, as readable strings; empty when the HTML is inert. */
export function liveMarkup(html: string, options: LiveMarkup = {}): string[] {
  const tree: Root = fromHtml(html, { fragment: !/^\s*<!doctype/i.test(html) });
  const allowed = new Set(options.allowElements ?? []);
  const problems: string[] = [];
  const visit = (node: Root | RootContent, inSvg: boolean) => {
    if (node.type === 'element') {
      const el = node as Element;
      const svg = inSvg || el.tagName === 'svg';
      if (ACTIVE_ELEMENTS.has(el.tagName) && !allowed.has(el.tagName)) problems.push(`<${el.tagName}> element: ${textOf(el).slice(0, 60)}`);
      if (svg && ['script', 'foreignObject', 'animate', 'set', 'use'].includes(el.tagName)) problems.push(`<${el.tagName}> in svg`);
      for (const [name, value] of Object.entries(el.properties ?? {})) {
        if (/^on/i.test(name)) problems.push(`<${el.tagName} ${name}="${String(value).slice(0, 60)}"> event handler`);
        if (URL_ATTRIBUTES.has(name) && value !== null && value !== undefined) {
          const url = String(Array.isArray(value) ? value.join(' ') : value).replace(/[\u0000-\u0020]/g, '');
          if (!SAFE_URL.test(url)) problems.push(`<${el.tagName} ${name}="${url.slice(0, 60)}">`);
        }
        if (name === 'style' && /url\(|expression\(/i.test(String(value))) problems.push(`<${el.tagName} style="${String(value).slice(0, 60)}">`);
      }
      if (el.tagName === 'meta' && String(el.properties?.httpEquiv ?? '').toLowerCase() === 'refresh') problems.push('<meta http-equiv=refresh>');
    }
    if ('children' in node) for (const child of node.children) visit(child, inSvg || (node.type === 'element' && node.tagName === 'svg'));
    if (node.type === 'element' && node.tagName === 'template' && node.content) visit(node.content, inSvg);
  };
  visit(tree, false);
  return problems;
}

function textOf(node: Element | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}
