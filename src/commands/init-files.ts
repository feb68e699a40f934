/** The files `leverage init` writes into a new blog. */

/** `site.yaml`: every key, commented out with its default, except the title and the url to fill in. */
export const SITE_YAML = `# The settings of your blog. Every key is optional: a commented one shows its default.
# leverage check reports a mistyped key with the nearest known one.

title: My Leverage Record
# description: Daily records of work done with an AI coding assistant, measured against a senior engineer.

# The address the site is published at, e.g. https://example.org or https://USER.github.io/REPO.
# The feeds, the sitemap and social links need it. A path (https://example.org/blog) makes every
# link of the site start with that path; basePath is only needed when the links need another one.
url:
# basePath: /blog

# language: en
# author:
#   name: Your Name
#   bio: One or two sentences about you, in Markdown.
# aboutRecords: Markdown shown under "About These Records" on every record page.
# callToAction: Subscribe to [the feed](/feed.xml).

# Records that do not give their own tags or model get these.
# defaultTags: [AI, Time Record]
# defaultModel: Claude
# The tag record pages link to ("See all records under the Time Record tag").
# recordTag: Time Record

# workWeekHours: 40
# titlePattern: "Leverage Record: {date}"
# allowHtml: false
# pageSize: 30
# homeRecords: 10
# feedRecords: 20
# rowOrder: written
# weeksColumn: false
# truncateTitles: 0
# A /search/ page and a search field in the header (Pagefind, from npm: npm install pagefind).
# search: false
# A 1200×630 image per record, shown when a page is shared (it needs url).
# socialCards: false
# What leverage sessions, new --from-sessions and check --sessions read from Claude Code's logs:
# the zone whose days the sessions are counted in, and whether tokens include cache reads (all).
# timeZone: Europe/Berlin # default: this machine's zone
# tokensCount: default
# Private names and the public ones shown instead, on every page, feed and export.
# aliases:
#   Acme Corp: a client
`;

/** What `.gitignore` must hold: the output, the build cache, and what npm installs. */
export const GITIGNORE_LINES = ['dist/', '.leverage-cache/', 'node_modules/'];

/** The npm scripts of a blog. */
export const SCRIPTS: Readonly<Record<string, string>> = {
  build: 'leverage build',
  dev: 'leverage dev',
  check: 'leverage check',
  preview: 'leverage preview',
  new: 'leverage new',
};

export const WORKFLOW_FILE = '.github/workflows/deploy.yml';

/** A GitHub Actions workflow: builds the site and deploys it to GitHub Pages on every push to main. */
export const WORKFLOW = `# Builds the blog and publishes it on GitHub Pages on every push to main.
# Once: in the repository's Settings → Pages, set Source to "GitHub Actions", and set url in
# site.yaml to the address Pages gives (https://USER.github.io/REPO: its path becomes basePath).
name: Deploy to GitHub Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - run: npx leverage check
      - run: npx leverage build
      - uses: actions/configure-pages@v5
      - uses: actions/upload-pages-artifact@v3
        with:
          path: dist

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;
