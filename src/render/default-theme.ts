/**
 * The default theme, compiled when the package is compiled (`npm run compile` runs
 * write-default-theme.ts, which writes lib/default-theme.json): a build with no cache and no
 * theme of its own then need not compile it (0.1–0.26 s of a cold build of 4000 records here).
 * It is used only for the very theme it was compiled from, by the hash of its sources.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CompiledTheme } from './render.js';

export interface PrecompiledTheme {
  /** ThemeSources.hash of the theme compiled. */
  hash: string;
  compiled: CompiledTheme;
}

/** lib/default-theme.json: beside lib/render/ and lib/bundle/ alike; from the sources (tests), the compiled package's. */
export const PRECOMPILED_FILE = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? '../../lib/default-theme.json' : '../default-theme.json', import.meta.url),
);

let loaded: PrecompiledTheme | null | undefined;

/** The default theme as compiled with the package, when `hash` is its hash; else null. */
export function precompiledTheme(hash: string): CompiledTheme | null {
  if (loaded === undefined) {
    try {
      loaded = existsSync(PRECOMPILED_FILE) ? (JSON.parse(readFileSync(PRECOMPILED_FILE, 'utf8')) as PrecompiledTheme) : null;
    } catch {
      loaded = null; // unreadable: compiled again, as without it
    }
  }
  return loaded?.hash === hash ? loaded.compiled : null;
}
