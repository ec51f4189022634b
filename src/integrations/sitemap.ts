// Astro integration: the sitemap (/sitemap.xml and its parts), written when the pages are
// done from Astro's list of every HTML page the build wrote, rendered or kept from the last
// build (src/site/site-pages.ts), so no route can be left out of it.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SITE_URL } from '../config.ts';
import { sharedArchive } from '../archive/load-archive.ts';
import { sitemapPages } from '../site/site-pages.ts';
import { sitemapFiles } from '../site/sitemap.ts';
import { writeSitemap } from '../site/sitemap-fs.ts';

export default function sitemap(): AstroIntegration {
  let site = DEFAULT_SITE_URL;
  let base = '/';
  return {
    name: 'archive:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? DEFAULT_SITE_URL;
        base = config.base;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const archive = await sharedArchive();
        const listed = sitemapPages(pages.map((p) => p.pathname), archive);
        const files = sitemapFiles(listed, { site, base }, archive.latest);
        const removed = writeSitemap(fileURLToPath(dir), files);
        logger.info(`sitemap: ${listed.length} pages in ${files.size - 1} part(s)${removed.length ? `; removed ${removed.join(', ')}` : ''}`);
      },
    },
  };
}
