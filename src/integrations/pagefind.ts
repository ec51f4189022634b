// Astro integration: index the built paper pages with Pagefind's Node API after every build.
//
// Why shards: Pagefind's writeFiles holds the whole index in memory (~3.7 GB for 30,000
// papers, on top of Astro's ~1.4 GB). Indexing papers in shards of PAGEFIND_SHARD_SIZE
// (default 2,500), each in a fresh Pagefind process, caps Pagefind at ~0.5 GB; the search
// page merges the shards in the browser (`mergeIndex`) using `pagefind/shards.json`.
import type { AstroIntegration, HookParameters } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { planShards, SHARDS_FILE } from './pagefind-shards.ts';

type BuildDone = HookParameters<'astro:build:done'>;
type Logger = BuildDone['logger'];

/** Parallel file reads per shard: enough to keep Pagefind busy, few enough to stay lean. */
const CONCURRENCY = 200;

/** Run Pagefind over the paper pages of the build, writing bundles under `<outDir>/pagefind/`. */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'archive:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, pages, logger }) => {
        const papers = pages.map((p) => p.pathname).filter((p) => p.startsWith('papers/'));
        await indexSite(dir, papers, logger);
      },
    },
  };
}

async function indexSite(dir: URL, paperPaths: string[], logger: Logger): Promise<void> {
  const started = performance.now();
  const shards = planShards(paperPaths, process.env.PAGEFIND_SHARD_SIZE);
  for (const shard of shards) {
    try {
      const { index } = check(await pagefind.createIndex({ forceLanguage: 'en' }), logger);
      if (!index) throw new Error('Pagefind returned no index.');
      for (let i = 0; i < shard.pages.length; i += CONCURRENCY) {
        const batch = shard.pages.slice(i, i + CONCURRENCY);
        const added = await Promise.all(batch.map(async (pathname) => index.addHTMLFile({
          url: `/${pathname}`, // site-relative; the search page adds the base (`baseUrl`)
          content: indexable(await readFile(fileURLToPath(new URL(`${pathname}index.html`, dir)), 'utf8')),
        })));
        added.forEach((r) => check(r, logger));
      }
      check(await index.writeFiles({ outputPath: fileURLToPath(new URL(shard.folder, dir)) }), logger);
    } finally {
      // A fresh Pagefind process per shard: memory from the last shard goes back to the OS.
      await pagefind.close();
    }
  }
  const extra = shards.slice(1).map((s) => s.folder.replace(/^pagefind\//, ''));
  await writeFile(fileURLToPath(new URL(`pagefind/${SHARDS_FILE}`, dir)), JSON.stringify(extra));
  logger.info(`Indexed ${paperPaths.length} paper pages in ${shards.length} shard(s), ${Math.round(performance.now() - started)} ms.`);
}

/**
 * Only the paper's <article data-pagefind-body> matters to Pagefind; sending just that
 * (with the page language) halves what crosses the pipe. Falls back to the whole page.
 */
function indexable(html: string): string {
  const start = html.indexOf('<article data-pagefind-body');
  const end = html.indexOf('</article>', start);
  if (start < 0 || end < 0) return html;
  return `<html lang="en"><body>${html.slice(start, end + '</article>'.length)}</body></html>`;
}

function check<T extends { errors: string[] }>(response: T, logger: Logger): T {
  if (response.errors.length > 0) {
    for (const error of response.errors) logger.error(`Pagefind: ${error}`);
    throw new Error('Pagefind failed; see the errors above.');
  }
  return response;
}
