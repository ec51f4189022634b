// /sitemap.xml: the sitemap index, naming each part (/sitemaps/N.xml).
import type { APIContext } from 'astro';
import { loadArchive } from '../archive/load-archive.ts';
import { absoluteUrl, sitemapPartPath } from '../site/paths.ts';
import { sitePages } from '../site/site-pages.ts';
import { sitemapIndexXml, sitemapParts } from '../site/sitemap.ts';
import { siteOf } from '../site/site-url.ts';

export async function GET(context: APIContext) {
  const site = siteOf(context);
  const archive = await loadArchive();
  const parts = sitemapParts(sitePages(archive));
  return new Response(sitemapIndexXml(parts.map((_, i) => absoluteUrl(sitemapPartPath(i), site)), archive.latest), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
}
