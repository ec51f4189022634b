// Astro integration: the Pagefind search bundle, indexed from the paper collection while
// Astro renders pages (in a worker thread driving Pagefind's own process: the other core),
// in shards cached between builds, then placed under `<outDir>/pagefind/` when pages are done.
import type { AstroIntegration, AstroIntegrationLogger, AstroUserConfig } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDir } from '../content-dir.ts';
import { placeShards, type IndexResult } from '../search/index-fs.ts';
import { buildSearchIndexInWorker } from '../search/index-in-worker.ts';
import { shardSize } from '../search/plan.ts';
import { PAGEFIND_DIR } from '../utils/paths.ts';

/** A Vite plugin as Astro's config takes it (Vite is Astro's, not a dependency of ours). */
type VitePlugin = NonNullable<NonNullable<AstroUserConfig['vite']>['plugins']>[number];

export default function pagefindIntegration(): AstroIntegration {
  let cacheDir = '';
  let job: Promise<IndexResult> | undefined;
  let started = 0;
  let logger: AstroIntegrationLogger | undefined;
  /** Starts indexing once; the result is awaited in astro:build:done. */
  const start = () => {
    if (job || !logger) return;
    const log = logger;
    job = buildSearchIndexInWorker({
      papersDir: contentDir('papers'),
      cacheDir,
      shardSize: shardSize(),
      log: (m) => log.info(m),
    });
    job.catch(() => {}); // reported when awaited in astro:build:done
  };
  return {
    name: 'archive:pagefind',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // Indexing starts when Vite has bundled the pages, as rendering begins: bundling
        // inlines the whole content store and is Astro's memory peak (~2 GB at 30,000
        // papers), which a Pagefind process beside it would add to. Rendering takes longer
        // than indexing, so the index is still ready when the pages are.
        const plugin: VitePlugin & object = {
          name: 'archive:pagefind-start',
          apply: 'build',
          closeBundle() {
            if (this.environment?.name === 'prerender') start();
          },
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = path.join(fileURLToPath(config.cacheDir), 'search-shards');
      },
      'astro:build:start': ({ logger: l }) => {
        started = performance.now();
        logger = l;
      },
      // In case no prerender bundle announced the start.
      'astro:build:generated': () => start(),
      'astro:build:done': async ({ dir, logger }) => {
        if (!job) throw new Error('the search index was never started');
        const result = await job;
        placeShards(result, path.join(fileURLToPath(dir), PAGEFIND_DIR));
        logger.info(
          `search: ${result.papers} papers in ${result.shards.length} shard(s), ` +
            `${result.built} indexed now, ${result.shards.length - result.built} from cache ` +
            `(${Math.round(performance.now() - started)} ms since the build started)`,
        );
      },
    },
  };
}
