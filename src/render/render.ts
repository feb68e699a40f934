/**
 * Page models → HTML through the theme's Handlebars templates. Templates only lay out what
 * the models computed; `{{…}}` escapes, and `{{{…}}}` is used only for HTML this generator
 * made (rendered and sanitised Markdown, SVG charts).
 */
import { error, BuildError } from '../diagnostics.js';
import type { Page, SiteInfo } from '../site/types.js';
import { absoluteUrl, withBasePath } from '../site/urls.js';
import type { ThemeFile, ThemeSources } from './theme.js';

export interface RenderOptions {
  /** HTML put before `</body>` (the dev server's reload script); never set by `build`. */
  injectBeforeBodyEnd?: string;
}

export interface Renderer {
  render(page: Page): string;
}

type HandlebarsApi = typeof import('handlebars');
type Template = ReturnType<HandlebarsApi['compile']>;

/**
 * The theme ready to render, with this site's helpers. Each template is compiled when a page
 * first needs it (a rebuild that makes a few pages compiles a few templates), and a template
 * that does not compile fails the build with its file named.
 */
export async function compileTheme(theme: ThemeSources, site: SiteInfo, options: RenderOptions = {}): Promise<Renderer> {
  // `leverage dev` builds again and again in one process: the same theme is compiled once.
  const key = JSON.stringify([theme.hash, site, options]);
  if (lastCompiled?.key !== key) lastCompiled = { key, renderer: await compile(theme, site, options) };
  return lastCompiled.renderer;
}

let lastCompiled: { key: string; renderer: Renderer } | null = null;

async function compile(theme: ThemeSources, site: SiteInfo, options: RenderOptions): Promise<Renderer> {
  const { default: handlebars } = await import('handlebars');
  const hbs = handlebars.create();
  registerHelpers(hbs, site);
  const compiled = new Map<string, Template>();
  const compileOptions = { strict: false, preventIndent: true };
  /** Parsed once: a source that does not parse fails the build with its file named; the tree is what is compiled. */
  const parsed = (file: ThemeFile) => {
    try {
      return hbs.parse(file.source);
    } catch (err) {
      throw compileError(file.displayPath, err);
    }
  };
  const compile = (name: string): Template | undefined => {
    let template = compiled.get(name);
    if (template) return template;
    const file = theme.templates.get(name);
    if (!file) return undefined;
    // Every partial a template may use is made ready before its first run.
    for (const partial of theme.partials.values()) {
      if (!hbs.partials[partial.name]) hbs.registerPartial(partial.name, hbs.compile(parsed(partial), compileOptions));
    }
    template = hbs.compile(parsed(file), compileOptions);
    compiled.set(name, template);
    return template;
  };
  return {
    render(page) {
      const template = compile(page.template);
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

function registerHelpers(hbs: HandlebarsApi, site: SiteInfo): void {
  /** `{{url "/tags/"}}` → the URL with the site's base path. */
  hbs.registerHelper('url', (url: unknown) => withBasePath(site.basePath, String(url ?? '')));
  /** `{{absUrl page.url}}` → absolute URL (site-relative when no `url` is configured). */
  hbs.registerHelper('absUrl', (url: unknown) => absoluteUrl(site.url, site.basePath, String(url ?? '')));
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('or', (a: unknown, b: unknown) => Boolean(a) || Boolean(b));
  hbs.registerHelper('isLink', (value: unknown) => typeof value === 'object' && value !== null && 'url' in value);
  hbs.registerHelper('plural', (count: unknown, singular: unknown, plural: unknown) =>
    count === 1 ? singular : plural,
  );
}
