// /robots.txt: everything may be crawled; the sitemap is named with its absolute URL.
import type { APIContext } from 'astro';
import { absoluteUrl, sitemapPath } from '../site/paths.ts';
import { siteOf } from '../site/site-url.ts';

export function GET(context: APIContext) {
  const site = siteOf(context);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(sitemapPath(), site)}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
