/**
 * Page models → HTML through the theme's Handlebars templates. Templates only lay out what
 * the models computed; `{{…}}` escapes, and `{{{…}}}` is used only for HTML this generator
 * made (rendered and sanitised Markdown, SVG charts).
 */
// The runtime alone: most builds reuse a compiled theme (the cache's, or the default theme's
// shipped with the package), and the compiler with its source maps is three times its size to load.
import HandlebarsRuntime from 'handlebars/runtime.js';
import { error, BuildError } from '../diagnostics.js';
import type { Page, SiteInfo } from '../site/types.js';
import { absoluteUrl, withBasePath } from '../site/urls.js';
import type { ThemeSources } from './theme.js';

export interface RenderOptions {
  /** HTML put before `</body>` (the dev server's reload script); never set by `build`. */
  injectBeforeBodyEnd?: string;
}

export interface Renderer {
  render(page: Page): string;
}

/**
 * The theme's templates and partials compiled by Handlebars into JavaScript source (its
 * precompiled form): the cache keeps them, since compiling takes longer than rendering a
 * page of a rebuild.
 */
export interface CompiledTheme {
  templates: Record<string, string>;
  partials: Record<string, string>;
}

type HandlebarsApi = typeof import('handlebars');
const Handlebars = HandlebarsRuntime as unknown as HandlebarsApi;

/** Compiles the theme, and runs each template once, so an error is reported once with its file, not once per page. */
export async function compileTheme(theme: ThemeSources, site: SiteInfo): Promise<CompiledTheme> {
  const { default: compiler } = await import('handlebars');
  const precompile = (source: string, displayPath: string): string => {
    try {
      return compiler.precompile(source, { strict: false, preventIndent: true }) as string;
    } catch (err) {
      throw compileError(displayPath, err);
    }
  };
  const compiled: CompiledTheme = { templates: {}, partials: {} };
  for (const partial of theme.partials.values()) compiled.partials[partial.name] = precompile(partial.source, partial.displayPath);
  for (const template of theme.templates.values()) compiled.templates[template.name] = precompile(template.source, template.displayPath);
  const runtime = instantiate(compiled, site);
  for (const template of theme.templates.values()) {
    try {
      runtime.templates.get(template.name)!({});
    } catch (err) {
      throw compileError(template.displayPath, err);
    }
  }
  return compiled;
}

export function createRenderer(compiled: CompiledTheme, site: SiteInfo, options: RenderOptions = {}): Renderer {
  const { templates } = instantiate(compiled, site);
  return {
    render(page) {
      const template = templates.get(page.template);
      if (!template) {
        throw new BuildError([
          error('templates', 0, 0, `no template for ${page.template} pages`, `add templates/${page.template}.hbs`),
        ]);
      }
      const canonical = absoluteUrl(site.url, site.basePath, page.url);
      let html: string;
      try {
        html = template({ site, page, canonical }, { allowProtoPropertiesByDefault: false });
      } catch (err) {
        throw new BuildError([
          error(`templates/${page.template}.hbs`, 0, 0, `template failed while rendering ${page.url}: ${(err as Error).message}`),
        ]);
      }
      if (options.injectBeforeBodyEnd) {
        html = html.replace(/<\/body>/i, `${options.injectBeforeBodyEnd}</body>`);
      }
      return html;
    },
  };
}

function compileError(displayPath: string, err: unknown): BuildError {
  const message = (err as Error).message;
  const line = /line (\d+)/.exec(message);
  return new BuildError([
    error(displayPath, line ? Number(line[1]) : 0, 0, `template does not compile: ${message.split('\n')[0]}`),
  ]);
}

/** The compiled theme made into functions, with this site's helpers. */
function instantiate(compiled: CompiledTheme, site: SiteInfo) {
  const hbs = Handlebars.create();
  registerHelpers(hbs, site);
  // The source is what Handlebars.precompile made, from this generator's cache or just now.
  const revive = (source: string) => hbs.template(new Function(`return ${source}`)() as Parameters<typeof hbs.template>[0]);
  for (const [name, source] of Object.entries(compiled.partials)) hbs.registerPartial(name, revive(source));
  const templates = new Map(Object.entries(compiled.templates).map(([name, source]) => [name, revive(source)]));
  return { templates };
}

function registerHelpers(hbs: HandlebarsApi, site: SiteInfo): void {
  /** `{{url "/tags/"}}` → the URL with the site's base path. */
  hbs.registerHelper('url', (url: unknown) => withBasePath(site.basePath, String(url ?? '')));
  /** `{{absUrl page.url}}` → absolute URL (site-relative when no `url` is configured). */
  hbs.registerHelper('absUrl', (url: unknown) => absoluteUrl(site.url, site.basePath, String(url ?? '')));
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('isLink', (value: unknown) => typeof value === 'object' && value !== null && 'url' in value);
  hbs.registerHelper('plural', (count: unknown, singular: unknown, plural: unknown) =>
    count === 1 ? singular : plural,
  );
}
