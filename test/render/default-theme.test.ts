/**
 * The default theme compiled with the package (src/render/default-theme.ts): a build with no
 * cache uses it instead of compiling the theme, so it must be exactly what compiling gives,
 * and only for the theme it was compiled from.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { precompiledTheme } from '../../src/render/default-theme.js';
import { compileTheme } from '../../src/render/render.js';
import { loadTheme, PACKAGE_ROOT } from '../../src/render/theme.js';
import { siteInfo } from '../../src/site/pages.js';
import { makeRoot, removeRoot } from '../support/site.js';

let root: string | null = null;
afterEach(async () => {
  if (root) await removeRoot(root);
  root = null;
});

describe('the default theme compiled with the package', () => {
  it('is what compiling the default theme gives', async () => {
    const theme = await loadTheme(PACKAGE_ROOT);
    const shipped = precompiledTheme(theme.hash);
    expect(shipped).not.toBeNull();
    expect(shipped).toEqual(await compileTheme(theme, siteInfo(DEFAULT_CONFIG)));
  });

  it('is not used for a root whose templates override the default ones', async () => {
    root = await makeRoot({ 'templates/partials/layout.hbs': '<main>{{> @partial-block}}</main>\n' });
    const theme = await loadTheme(root);
    expect(precompiledTheme(theme.hash)).toBeNull();
  });
});
