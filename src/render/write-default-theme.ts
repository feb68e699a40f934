/**
 * `node lib/render/write-default-theme.js` (run by `npm run compile`): compiles the package's
 * default theme into lib/default-theme.json (see default-theme.ts).
 */
import { writeFileSync } from 'node:fs';
import { parseConfig } from '../config/load.js';
import { siteInfo } from '../site/pages.js';
import { withMarkdown } from '../markdown/render.js';
import { PRECOMPILED_FILE, type PrecompiledTheme } from './default-theme.js';
import { compileTheme } from './render.js';
import { loadTheme, PACKAGE_ROOT } from './theme.js';

const theme = await loadTheme(PACKAGE_ROOT);
const precompiled: PrecompiledTheme = { hash: theme.hash, compiled: await compileTheme(theme, await withMarkdown(() => siteInfo(parseConfig('site.yaml', '').config))) };
writeFileSync(PRECOMPILED_FILE, `${JSON.stringify(precompiled)}\n`);
