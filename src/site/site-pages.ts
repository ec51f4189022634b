// Which pages the sitemap lists, and the day each last changed. The list is the build's own:
// every HTML page Astro wrote (rendered or kept from the last build), so a route added later
// is listed without anyone remembering to; only pages with no URL of their own are left out.
import type { Archive } from '../archive/load-archive.ts';
import type { SitemapPage } from './sitemap.ts';
import { dayPath, monthPath, paperPath, searchPath, weekPath } from './paths.ts';

/** Pages that are not listed, by Astro's page name: the 404 page (served for any missing URL). */
export const UNLISTED_PAGES: ReadonlySet<string> = new Set(['404/']);

/** What the last-change days are read from. */
export type SitemapArchive = Pick<Archive, 'days' | 'latest' | 'weeks' | 'months' | 'paperBySlug'>;

/**
 * The sitemap's pages, sorted by path, from Astro's page names (`days/2025-01-01/`, `` for the
 * home page; no base). A day, week, month or paper page changed last on its newest day; the
 * search page has no date (what it shows does not follow the archive's days); every other page
 * (lists, topics, feeds, statistics, the open data's page) on the archive's newest day.
 */
export function sitemapPages(pageNames: Iterable<string>, archive: SitemapArchive): SitemapPage[] {
  const known = new Map<string, string | undefined>();
  for (const id of archive.days) known.set(dayPath(id, '/'), id);
  for (const w of archive.weeks) known.set(weekPath(w.id, '/'), w.days.at(-1));
  for (const m of archive.months) known.set(monthPath(m.id, '/'), m.days.at(-1));
  for (const p of archive.paperBySlug.values()) known.set(paperPath(p.id, '/'), p.data.days.at(-1));
  known.set(searchPath('', '/'), undefined);
  const paths = new Set<string>();
  for (const name of pageNames) if (!UNLISTED_PAGES.has(name)) paths.add(`/${name}`);
  return [...paths]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((path) => {
      const lastmod = known.has(path) ? known.get(path) : archive.latest;
      return lastmod ? { path, lastmod } : { path };
    });
}
