/**
 * A small, strict XML 1.0 parser for tests of the feeds and the sitemap: the XML declaration,
 * elements, attributes, text, comments-free content, the five named entities and character
 * references. Anything else (a bad tag, an unbalanced or unclosed element, a raw `<` or `&`,
 * a second root, text outside the root, a character XML forbids) throws.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (children's text not included), entities decoded. */
  text: string;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, where: string): string {
  if (/<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) {
    throw new Error(`raw < or & in ${where}: ${text.slice(0, 80)}`);
  }
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    return NAMED[ref]!;
  });
}

/** @param options.declaration whether the document must start with `<?xml …?>` (an inline SVG does not) */
export function parseXml(xml: string, options: { declaration?: boolean } = {}): XmlElement {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) throw new Error('character not allowed in XML 1.0');
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(xml)) throw new Error('lone surrogate');
  const declaration = /^<\?xml version="1\.0" encoding="(?:utf-8|UTF-8)"\?>\n?/.exec(xml);
  if (!declaration && options.declaration !== false) throw new Error('no XML declaration');
  const body = xml.slice(declaration?.[0].length ?? 0);
  const name = String.raw`[A-Za-z_][\w:.-]*`;
  const attr = new RegExp(String.raw`\s+(${name})="([^"]*)"`, 'g');
  const tag = new RegExp(String.raw`^<(/)?(${name})((?:\s+${name}="[^"]*")*)\s*(/)?>$`);
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  for (const part of body.split(/(<[^>]*>)/)) {
    if (part === '') continue;
    if (!part.startsWith('<')) {
      const text = decode(part, 'text');
      const parent = stack[stack.length - 1];
      if (!parent) {
        if (text.trim()) throw new Error(`text outside the root: ${text.slice(0, 40)}`);
      } else {
        parent.text += text;
      }
      continue;
    }
    const m = tag.exec(part);
    if (!m) throw new Error(`bad tag: ${part}`);
    const [, closing, tagName, attrs, selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open?.name !== tagName) throw new Error(`unbalanced </${tagName}>`);
      continue;
    }
    const element: XmlElement = { name: tagName!, attributes: {}, children: [], text: '' };
    for (const a of attrs!.matchAll(attr)) {
      if (a[1]! in element.attributes) throw new Error(`repeated attribute ${a[1]}`);
      element.attributes[a[1]!] = decode(a[2]!, `attribute ${a[1]}`);
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root) throw new Error('more than one root');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length) throw new Error(`unclosed: ${stack.map((e) => e.name).join(', ')}`);
  if (!root) throw new Error('no root');
  return root;
}

/** Direct children with this name. */
export function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** The one direct child with this name (throws when there is not exactly one). */
export function only(element: XmlElement, name: string): XmlElement {
  const found = children(element, name);
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${name}>, expected exactly one`);
  return found[0]!;
}

/** Every element's name, in document order. */
export function elementNames(element: XmlElement): string[] {
  return [element.name, ...element.children.flatMap(elementNames)];
}
