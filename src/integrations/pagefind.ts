// Astro integration: the Pagefind search bundle, indexed from the paper files while Astro
// syncs content, bundles and renders pages (in a worker thread driving Pagefind's own process:
// the other core), in shards cached between builds, then placed under `<outDir>/pagefind/`
// when pages are done.
import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configuredContent } from '../content-dir.ts';
import type { IndexResult } from '../search/index-fs.ts';
import { placeShards } from '../search/place-fs.ts';
import { buildSearchIndexInWorker } from '../search/index-in-worker.ts';
import { shardSize } from '../search/plan.ts';
import { PAGEFIND_DIR } from '../site/paths.ts';

export default function pagefindIntegration(): AstroIntegration {
  let cacheDir = '';
  let placedFile = '';
  let job: Promise<IndexResult> | undefined;
  let started = 0;
  let building = false;
  return {
    name: 'archive:pagefind',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      // As early as a build is known to be a build and where its cache is, before content sync:
      // the index reads the paper files itself, and in a daily rebuild it is what the build
      // waits for last. (A build that fails later exits the process, and the worker with it.)
      'astro:config:done': ({ config, logger }) => {
        cacheDir = path.join(fileURLToPath(config.cacheDir), 'search-shards');
        placedFile = path.join(fileURLToPath(config.cacheDir), 'search-placed.json');
        if (!building) return;
        started = performance.now();
        const papersCache = path.join(fileURLToPath(config.cacheDir), 'search-papers.json');
        job = buildSearchIndexInWorker({ papersDir: configuredContent().papers, cacheDir, papersCache, shardSize: shardSize(), log: (m) => logger.info(m) });
        job.catch(() => {}); // reported when awaited in astro:build:done
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!job) throw new Error('the search index was never started');
        const result = await job;
        const placed = placeShards(result, path.join(fileURLToPath(dir), PAGEFIND_DIR), placedFile);
        logger.info(
          `search: ${result.papers} papers in ${result.shards.length} shard(s), ` +
            `${result.built} indexed now, ${result.shards.length - result.built} from cache, ` +
            `${placed.replaced} placed in the output, the others kept ` +
            `(${Math.round(performance.now() - started)} ms since the build started)`,
        );
      },
    },
  };
}
