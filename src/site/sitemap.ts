// The sitemap's contents: every page's path, split into parts of at most SITEMAP_PART_SIZE
// URLs (the protocol allows 50,000), and the XML of a part and of the index. Pure.
import { escapeHtml } from '../format/escape-html.ts';

export const SITEMAP_PART_SIZE = 10_000;
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

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
