// Astro integration: the open data's files (src/open-data/open-data-fs.ts), written into the
// output when pages are done, from the content index and the abstracts the pages derived.
// Runs before the search integration's wait for its index, so the two overlap. The dev
// server makes each file when it is asked for.
import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SITE_URL } from '../config.ts';
import { sharedAbstracts } from '../archive/abstract.ts';
import { sharedArchive } from '../archive/load-archive.ts';
import { openDataFile, writeOpenData, type OpenDataOptions } from '../open-data/open-data-fs.ts';
import { normalizeBase } from '../site/paths.ts';

/**
 * The archive and each paper's abstract: in a build, those the pages had (the build's shared
 * store); in the dev server, read afresh for each request.
 */
async function readSource(): Promise<Pick<OpenDataOptions, 'archive' | 'abstractOf'>> {
  const [archive, abstracts] = await Promise.all([sharedArchive(), sharedAbstracts()]);
  return { archive, abstractOf: (p) => abstracts.get(p.id)! };
}

export default function openData(): AstroIntegration {
  let site = DEFAULT_SITE_URL;
  let base = '/';
  let stateFile = '';
  return {
    name: 'archive:open-data',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? DEFAULT_SITE_URL;
        base = config.base;
        stateFile = path.join(fileURLToPath(config.cacheDir), 'open-data.json');
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          // The whole path: Astro's dev server has taken the base off `req.url` by now.
          const pathname = decodeURIComponent(new URL(req.originalUrl ?? req.url ?? '/', 'http://dev').pathname);
          const prefix = normalizeBase(base);
          if (!pathname.startsWith(`${prefix}data/`)) return next();
          // Content sync has written the content index by the time a page is asked for.
          readSource()
            .then((source) => {
              const file = openDataFile(pathname.slice(prefix.length), { ...source, at: { site, base } });
              if (!file) return next();
              res.setHeader('Content-Type', file.type);
              file.body.on('error', next).pipe(res);
            })
            .catch(next);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const r = await writeOpenData({ ...(await readSource()), outDir: fileURLToPath(dir), at: { site, base }, stateFile });
        const days = r.written.length === r.days ? `all ${r.days} day files` : `${r.written.length} of ${r.days} day files${r.written.length ? ` (${r.written.slice(0, 3).join(', ')}${r.written.length > 3 ? ', …' : ''})` : ''}`;
        logger.info(
          `open data: wrote ${days}${r.wholeWritten ? `, papers.ndjson and papers.csv (${r.parts.made} of ${r.parts.of} months' records made again)` : ''}` +
            `${r.removed.length ? `; removed ${r.removed.length} day file(s) no longer archived` : ''} in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
