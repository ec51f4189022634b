// /sitemaps/N.xml: one part of the sitemap (at most SITEMAP_PART_SIZE URLs).
import type { APIContext } from 'astro';
import { loadArchive } from '../../archive/load-archive.ts';
import { absoluteUrl } from '../../site/paths.ts';
import { sitePages } from '../../site/site-pages.ts';
import { sitemapParts, urlsetXml } from '../../site/sitemap.ts';
import { siteOf } from '../../site/site-url.ts';

export async function getStaticPaths() {
  const parts = sitemapParts(sitePages(await loadArchive()));
  return parts.map((pages, i) => ({ params: { part: String(i) }, props: { pages } }));
}

export function GET(context: APIContext) {
  const site = siteOf(context);
  const { pages } = context.props as { pages: { path: string; lastmod?: string }[] };
  return new Response(urlsetXml(pages.map((p) => ({ loc: absoluteUrl(p.path, site), lastmod: p.lastmod }))), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
}
