/**
 * build(): the whole pipeline, stage by stage, each timed.
 *
 *   files ─▶ records ─▶ numbers & content ─▶ page models ─▶ HTML ─▶ dist/
 */
import { join, resolve } from 'node:path';
import { BuildError, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { loadConfig } from './config/load.js';
import { readRecords } from './records/read.js';
import { recordContent } from './site/content.js';
import { buildSiteModel } from './site/pages.js';
import type { SiteModel } from './site/types.js';
import { loadTheme, PACKAGE_ROOT } from './render/theme.js';
import { createRenderer, type RenderOptions } from './render/render.js';
import { siteFiles } from './output/site-files.js';
import { checkOutputFolder, writeSiteAtomically, type OutputFiles } from './output/write.js';

export interface BuildOptions {
  /** The folder with `records/` (and optionally `site.yaml`, `templates/`, `public/`). */
  root: string;
  /** Output folder; default `<root>/dist`. */
  out?: string;
  /** Include records marked `draft: true`. */
  drafts?: boolean;
  /** For the dev server: HTML injected into every page. */
  render?: RenderOptions;
  /** Progress lines for long builds. */
  onProgress?: (message: string) => void;
}

export interface StageTiming {
  stage: string;
  ms: number;
}

export interface BuildSummary {
  out: string;
  records: number;
  pages: number;
  files: number;
  warnings: Diagnostic[];
  timings: StageTiming[];
  ms: number;
}

/** Bad input: every diagnostic, plus the sources so the CLI can show code frames. */
export class BuildFailed extends BuildError {
  constructor(diagnostics: Diagnostic[], readonly sources: Map<string, string>) {
    super(sortDiagnostics(diagnostics));
  }
}

export async function build(options: BuildOptions): Promise<BuildSummary> {
  const root = resolve(options.root);
  const out = resolve(options.out ?? join(root, 'dist'));
  const timer = stageTimer();
  checkOutputFolder(root, out);

  const { config, diagnostics: configDiagnostics, source: configSource, file: configFile } =
    await timer.time('config', () => loadConfig(root));
  const read = await timer.time('records', () => readRecords(root, config, { drafts: options.drafts ?? false }));
  const diagnostics = [...configDiagnostics, ...read.diagnostics];
  if (hasErrors(diagnostics)) {
    const sources = new Map(read.sources);
    if (configFile && configSource !== null) sources.set(configFile, configSource);
    throw new BuildFailed(diagnostics, sources);
  }
  options.onProgress?.(`read ${read.records.length} records`);

  const contents = timer.time('content', () => read.records.map((r) => recordContent(r, config)));
  const model = timer.time('pages', () => buildSiteModel(read.records, contents, config));
  const theme = await timer.time('theme', () => loadTheme(root));
  const files = timer.time('render', () => renderPages(model, theme, options.render));
  options.onProgress?.(`rendered ${model.pages.length} pages`);
  timer.time('exports', () => {
    for (const [path, content] of siteFiles(model, read.records, config)) files.set(path, content);
  });
  const written = await timer.time('write', () =>
    writeSiteAtomically(out, files, [join(PACKAGE_ROOT, 'public'), join(root, 'public')]),
  );

  return {
    out,
    records: read.records.length,
    pages: model.pages.length,
    files: written.files,
    warnings: sortDiagnostics(diagnostics.filter((d) => d.severity === 'warning')),
    timings: timer.timings,
    ms: timer.total(),
  };
}

function renderPages(model: SiteModel, theme: Awaited<ReturnType<typeof loadTheme>>, options?: RenderOptions): OutputFiles {
  const renderer = createRenderer(theme, model.site, options);
  const files: OutputFiles = new Map();
  for (const page of model.pages) files.set(page.outputPath, renderer.render(page));
  return files;
}

function stageTimer() {
  const timings: StageTiming[] = [];
  const started = performance.now();
  function time<T>(stage: string, run: () => T): T {
    const start = performance.now();
    const result = run();
    if (result instanceof Promise) {
      return result.finally(() => timings.push({ stage, ms: performance.now() - start })) as T;
    }
    timings.push({ stage, ms: performance.now() - start });
    return result;
  }
  return { timings, time, total: () => performance.now() - started };
}
