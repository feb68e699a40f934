/** Reading social cards back: a PNG's size from its header, the words of a card's SVG drawn as text. */
import { decodeXML } from 'entities';

/** Width and height from the PNG's IHDR chunk (the first, right after the 8-byte signature). */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const png = Buffer.from(bytes);
  expectBytes(png.subarray(0, 8), [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('no IHDR chunk first');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function expectBytes(actual: Uint8Array, expected: number[], what: string): void {
  if (!expected.every((byte, i) => actual[i] === byte)) throw new Error(`not a ${what}`);
}

export interface DrawnWord {
  text: string;
  x: number;
  /** The baseline. */
  y: number;
  width: number;
}

/** Each `<text>` of an SVG that satori drew with text as text (one per word or space), in order. */
export function drawnWords(svg: string): DrawnWord[] {
  return [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map(([, attributes, content]) => {
    const number = (name: string) => Number(new RegExp(`(?:^| )${name}="([^"]*)"`).exec(attributes!)?.[1]);
    return { text: decodeXML(content!), x: number('x'), y: number('y'), width: number('width') };
  });
}

/** The words of the SVG run together: each text of the card reads whole in it. */
export function drawnText(svg: string): string {
  return drawnWords(svg)
    .map((word) => word.text)
    .join('');
}
