/**
 * Page models → HTML through the theme's Handlebars templates. Templates only lay out what
 * the models computed; `{{…}}` escapes, and `{{{…}}}` is used only for HTML this generator
 * made (rendered and sanitised Markdown, SVG charts).
 */
import Handlebars from 'handlebars';
import { error, BuildError } from '../diagnostics.js';
import type { Page, SiteInfo } from '../site/types.js';
import { absoluteUrl, withBasePath } from '../site/urls.js';
import type { ThemeFile, ThemeSources } from './theme.js';

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

export interface RenderOptions {
  /** HTML put before `</body>` (the dev server's reload script); never set by `build`. */
  injectBeforeBodyEnd?: string;
}

export interface Renderer {
  render(page: Page): string;
}

/**
 * The theme's templates compiled to Handlebars' precompiled form: plain strings of code, so
 * a worker thread can be given them instead of compiling every template again.
 */
export interface CompiledTheme {
  templates: CompiledTemplate[];
  partials: CompiledTemplate[];
}

interface CompiledTemplate {
  name: string;
  displayPath: string;
  /** Handlebars.precompile's output: the source of a template object. */
  spec: string;
}

const COMPILE_OPTIONS = { strict: false, preventIndent: true };

export function compileTheme(theme: ThemeSources): CompiledTheme {
  const compileAll = (files: Iterable<ThemeFile>) =>
    [...files].map((file) => ({ name: file.name, displayPath: file.displayPath, spec: precompile(file) }));
  return { templates: compileAll(theme.templates.values()), partials: compileAll(theme.partials.values()) };
}

/**
 * A renderer for the theme (compiled here unless it already is). A syntax error or a missing
 * partial is reported once, with its file, not once per page.
 */
export function createRenderer(theme: ThemeSources | CompiledTheme, site: SiteInfo, options: RenderOptions = {}): Renderer {
  const compiled = 'hash' in theme ? compileTheme(theme) : theme;
  const renderer = rendererFor(compiled, site, options);
  for (const template of compiled.templates) {
    reportingErrorsOf(template.displayPath, () => renderer.templates.get(template.name)!({}));
  }
  return renderer;
}

/** A renderer for an already compiled (and checked) theme. */
export function rendererFor(
  theme: CompiledTheme,
  site: SiteInfo,
  options: RenderOptions = {},
): Renderer & { templates: Map<string, Handlebars.TemplateDelegate> } {
  const hbs = Handlebars.create();
  registerHelpers(hbs, site);
  const load = (template: CompiledTemplate) =>
    hbs.template(new Function(`return ${template.spec}`)() as TemplateSpecification);
  for (const partial of theme.partials) hbs.registerPartial(partial.name, load(partial));
  const templates = new Map(theme.templates.map((template) => [template.name, load(template)]));
  return {
    templates,
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

function precompile(file: ThemeFile): string {
  return reportingErrorsOf(file.displayPath, () => {
    Handlebars.parse(file.source);
    return Handlebars.precompile(file.source, COMPILE_OPTIONS) as string;
  });
}

function reportingErrorsOf<T>(displayPath: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    const message = (err as Error).message;
    const line = /line (\d+)/.exec(message);
    throw new BuildError([
      error(displayPath, line ? Number(line[1]) : 0, 0, `template does not compile: ${message.split('\n')[0]}`),
    ]);
  }
}

function registerHelpers(hbs: typeof Handlebars, site: SiteInfo): void {
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
