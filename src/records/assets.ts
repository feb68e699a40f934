/**
 * Relative links of a record's Markdown (`![the diagram](diagram.png)`) and whether what they
 * point to is published beside its page: only the files in the folder of a record written as
 * `index.md` are (records/files.ts). A link to a file that does not exist, or that is not
 * copied, is a warning at its place in the record file.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { warning, type Diagnostic } from '../diagnostics.js';
import { relativeLinkTargets } from '../markdown/render.js';
import { BUNDLE_RECORD } from './files.js';

/** A relative link of a record, where it is in the record file (1-based). */
export interface LocalLink {
  url: string;
  line: number;
  column: number;
}

/** The relative links of a body that starts on line `bodyLine` of its file. */
export function localLinks(body: string, bodyLine: number): LocalLink[] {
  return relativeLinkTargets(body).map((target) => ({ ...target, line: target.line + bodyLine - 1 }));
}

/** Warnings for the links of each record that lead to no file, or to one not published with the record. */
export function localLinkWarnings(root: string, records: readonly { file: string; links: readonly LocalLink[] }[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { file, links } of records) {
    const folder = path.posix.dirname(file);
    const bundle = path.posix.basename(file) === BUNDLE_RECORD;
    for (const link of links) {
      const target = path.posix.normalize(path.posix.join(folder, filePart(link.url)));
      if (!existsSync(path.join(root, ...target.split('/')))) {
        diagnostics.push(
          warning(file, link.line, link.column, `${link.url} leads to ${target}, which does not exist`, 'fix the path, or put the file beside the record'),
        );
      } else if (!bundle || !target.startsWith(`${folder}/`)) {
        diagnostics.push(
          warning(
            file,
            link.line,
            link.column,
            `${link.url} leads to ${target}, which is not published with the record`,
            `only the files in the folder of a record written as ${BUNDLE_RECORD} are copied next to its page`,
          ),
        );
      }
    }
  }
  return diagnostics;
}

/** `img/a%20b.png?v=2#top` → `img/a b.png`. */
function filePart(url: string): string {
  const bare = url.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(bare);
  } catch {
    return bare;
  }
}
