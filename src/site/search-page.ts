/** The /search/ page (site.yaml `search: true`): the same for every set of records, the index holds them. */
import { outputPathFor } from './urls.js';
import type { PageSpec, SearchPage } from './types.js';

export const SEARCH_URL = '/search/';

export function searchPage(): PageSpec {
  const page: SearchPage = {
    template: 'search',
    url: SEARCH_URL,
    outputPath: outputPathFor(SEARCH_URL),
    title: 'Search',
    description: 'Find a record by the words of its tasks, summary, analysis, tags and projects.',
  };
  return { template: 'search', url: page.url, outputPath: page.outputPath, dependsOn: [], lastmod: null, model: () => page };
}
