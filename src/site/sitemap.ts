// The sitemap's files: the pages' absolute URLs split into parts of at most SITEMAP_PART_SIZE
// URLs (the protocol allows 50,000), each part's XML and the index naming them. Pure.
import { escapeHtml } from '../format/escape-html.ts';
import { absoluteUrl, sitemapPartPath, sitemapPath, withBase } from './paths.ts';

export const SITEMAP_PART_SIZE = 10_000;
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** What the sitemap writes into the output folder: the index and the parts' folder. */
export const SITEMAP_OUTPUTS = [sitemapPath('/').slice(1), sitemapPartPath(0, '/').slice(1).split('/')[0]];

/** A page of the sitemap: its path without the base (`/days/2025-01-01/`), and its last change. */
export interface SitemapPage {
  path: string;
  lastmod?: string;
}

/** `items` split into parts of `size`. */
export function sitemapParts<T>(items: readonly T[], size = SITEMAP_PART_SIZE): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  return parts.length ? parts : [[]];
}

/** A `<urlset>` of absolute URLs, each with its last modification day when known. */
export function urlsetXml(urls: readonly { loc: string; lastmod?: string }[]): string {
  const body = urls.map((u) => `<url><loc>${escapeHtml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}">${body}</urlset>\n`;
}

/** A `<sitemapindex>` of the parts' absolute URLs. */
export function sitemapIndexXml(parts: readonly string[], lastmod?: string): string {
  const body = parts.map((loc) => `<sitemap><loc>${escapeHtml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${NS}">${body}</sitemapindex>\n`;
}

/**
 * Every file of the sitemap, by its path in the output folder (`sitemap.xml`,
 * `sitemaps/0.xml`, …) in order: the index (dated `lastmod`, the archive's newest day) first.
 */
export function sitemapFiles(pages: readonly SitemapPage[], at: { site: URL | string; base: string }, lastmod?: string, size = SITEMAP_PART_SIZE): Map<string, string> {
  const parts = sitemapParts(pages, size);
  const files = new Map<string, string>();
  files.set(sitemapPath('/').slice(1), sitemapIndexXml(parts.map((_, i) => absoluteUrl(sitemapPartPath(i, at.base), at.site)), lastmod));
  parts.forEach((part, i) => {
    files.set(sitemapPartPath(i, '/').slice(1), urlsetXml(part.map((p) => ({ loc: absoluteUrl(withBase(p.path, at.base), at.site), lastmod: p.lastmod }))));
  });
  return files;
}
