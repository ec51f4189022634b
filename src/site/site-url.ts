// The site the pages are written for: Astro's `site` (from SITE_URL), or the development
// server's address when none is set. Every page, feed and data file that writes an absolute
// URL takes its site from here.
import type { APIContext } from 'astro';
import { DEFAULT_SITE_URL } from '../config.ts';

/** The site absolute URLs are written for. */
export function siteOf(context: Pick<APIContext, 'site'>): URL {
  return context.site ?? new URL(DEFAULT_SITE_URL);
}
