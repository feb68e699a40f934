/** Token counts as authors write them: `1450000`, `1,450,000`, `1_450_000`, `1450k`, `1.45M`, `2M`. */

const GROUPED = /^\d{1,3}(?:(,)\d{3}(?:,\d{3})*|(_)\d{3}(?:_\d{3})*)$/;
const SCALED = /^(\d+(?:\.\d+)?)\s*([kKmM]?)$/;
const SCALE: Record<string, number> = { '': 1, k: 1e3, m: 1e6 };

export const TOKENS_HINT = 'a whole number, e.g. tokens: 1450000, 1,450,000, 1_450_000, 1450k, 1.45M or 2M';

/** The whole number a token count stands for; undefined when it is not one. */
export function parseTokens(text: string): number | undefined {
  const trimmed = text.trim();
  if (GROUPED.test(trimmed)) return Number(trimmed.replace(/[,_]/g, ''));
  const match = SCALED.exec(trimmed);
  if (!match) return undefined;
  const [whole, fraction = ''] = match[1]!.split('.');
  const scale = SCALE[match[2]!.toLowerCase()]!;
  // Exact in decimal: 1.45M is 1450000, not 1450000.0000000002.
  const digits = Math.log10(scale);
  if (fraction.length > digits) return undefined;
  return Number(whole! + fraction.padEnd(digits, '0'));
}
