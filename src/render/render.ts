/**
 * Page models → HTML through the theme's Handlebars templates. Templates only lay out what
 * the models computed; `{{…}}` escapes, and `{{{…}}}` is used only for HTML this generator
 * made (rendered and sanitised Markdown, SVG charts).
 */
import Handlebars from 'handlebars';
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

export function createRenderer(theme: ThemeSources, site: SiteInfo, options: RenderOptions = {}): Renderer {
  const hbs = Handlebars.create();
  registerHelpers(hbs, site);
  for (const partial of theme.partials.values()) {
    hbs.registerPartial(partial.name, compile(hbs, partial.source, partial.displayPath, false));
  }
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const template of theme.templates.values()) {
    compiled.set(template.name, compile(hbs, template.source, template.displayPath, true));
  }
  return {
    render(page) {
      const template = compiled.get(page.template);
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

function compile(
  hbs: typeof Handlebars,
  source: string,
  displayPath: string,
  tryNow: boolean,
): Handlebars.TemplateDelegate {
  try {
    hbs.parse(source);
    const template = hbs.compile(source, { strict: false, preventIndent: true });
    // Compile now (Handlebars compiles lazily), so a syntax error or a missing partial is
    // reported once with its file, not once per page.
    if (tryNow) template({});
    return template;
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
