// @ts-check
// Astro config: where the site lives (SITE_URL, BASE_PATH from the environment, so hosting
// under a sub-folder needs no code change; `--site`/`--base` on the CLI still override).
import { defineConfig } from 'astro/config';
import { readConfig } from './src/config.ts';
import buildGuard from './src/integrations/build-guard.ts';
import buildMemory from './src/integrations/build-memory.ts';
import derivedCache from './src/integrations/derived-cache.ts';
import openData from './src/integrations/open-data.ts';
import pagefind from './src/integrations/pagefind.ts';
import pruneDist from './src/integrations/prune-dist.ts';
import sitemap from './src/integrations/sitemap.ts';
import { favourMemory } from './src/favour-memory.ts';
import { OPEN_DATA_OUTPUTS } from './src/open-data/open-data-fs.ts';
import { PAGEFIND_DIR } from './src/site/paths.ts';
import { SITEMAP_OUTPUTS } from './src/site/sitemap.ts';

const config = readConfig();
// ARCHIVE_LOW_MEMORY=1: a smaller peak for a slower build (README, Configuration).
if (config.lowMemory) favourMemory();

export default defineConfig({
  site: config.siteUrl,
  base: config.basePath,
  // Astro's content cache; a folder per archive (tests, benchmarks) keeps one build from
  // reusing or overwriting another's. (Builds of one checkout still share .astro/: run them
  // one at a time.)
  ...(config.cacheDir ? { cacheDir: config.cacheDir } : {}),
  // Permanent URLs end in `/` and are folders (`/days/2025-01-01/index.html`).
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One small shared stylesheet, inlined: no extra request, nothing render-blocking.
    inlineStylesheets: 'always',
  },
  // Pages whose data (their getStaticPaths cacheKey) and code are unchanged since the last
  // build are kept rather than rendered again: a daily update renders only what a new day
  // touched. The record and a copy of each page live in cacheDir; `--force` renders all.
  // prune-dist keeps dist/ in place between builds and removes only what is stale.
  experimental: { incrementalBuild: true },
  // open-data and the sitemap go before pagefind: they write while the search index may still
  // be finishing.
  integrations: [
    buildGuard(),
    buildMemory(),
    derivedCache(),
    openData(),
    sitemap(),
    pagefind(),
    pruneDist({ owned: [PAGEFIND_DIR, ...OPEN_DATA_OUTPUTS, ...SITEMAP_OUTPUTS] }),
  ],
});
