/**
 * The theme: Handlebars templates and partials. A file in the root's `templates/` overrides
 * the package's default of the same name; everything else comes from the default theme.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

/** The package's own folder (holds the default `templates/` and `public/`). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ThemeFile {
  /** `record` for templates/record.hbs, `layout` for templates/partials/layout.hbs. */
  name: string;
  /** Path shown in messages, relative to the root or marked as the default theme. */
  displayPath: string;
  source: string;
}

export interface ThemeSources {
  templates: Map<string, ThemeFile>;
  partials: Map<string, ThemeFile>;
  /** Hash of every file, for caches. */
  hash: string;
}

/**
 * Where a site's theme files come from, in order: the package's folder, then the root, whose
 * file replaces the package's of the same name (templates, partials, public files, card fonts).
 */
export function themeRoots(root: string): string[] {
  return root === PACKAGE_ROOT ? [PACKAGE_ROOT] : [PACKAGE_ROOT, root];
}

// Read with synchronous calls: a dozen small files through the thread pool took 5-8 ms, each
// read four round trips; every build, a quick rebuild too, reads the theme.
function listHbs(dir: string): string[] {
  try {
    const entries = readdirSync(dir, { withFileTypes: true });
    return entries.filter((e) => e.isFile() && e.name.endsWith('.hbs')).map((e) => e.name).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

function loadFolder(root: string, sub: string, into: Map<string, ThemeFile>): void {
  const dir = join(root, sub);
  for (const file of listHbs(dir)) {
    const path = join(dir, file);
    const isDefault = root === PACKAGE_ROOT;
    into.set(file.replace(/\.hbs$/, ''), {
      name: file.replace(/\.hbs$/, ''),
      displayPath: isDefault ? `(default theme) ${sub}/${file}` : relative(process.cwd(), path) || path,
      source: readFileSync(path, 'utf8'),
    });
  }
}

export async function loadTheme(root: string): Promise<ThemeSources> {
  const templates = new Map<string, ThemeFile>();
  const partials = new Map<string, ThemeFile>();
  for (const base of themeRoots(root)) {
    loadFolder(base, 'templates', templates);
    loadFolder(base, 'templates/partials', partials);
  }
  const hash = createHash('sha256');
  for (const [kind, files] of [['t', templates], ['p', partials]] as const) {
    for (const [name, file] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      hash.update(`${kind}\0${name}\0${file.source}\0`);
    }
  }
  return { templates, partials, hash: hash.digest('hex') };
}
