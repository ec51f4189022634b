// One RSS feed of papers (the main feed and each topic's): items newest first, at most
// FEED_LIMIT, the feed's own URL as atom:link rel=self, lastBuildDate from the newest day.
import rss from '@astrojs/rss';
import { FEED_LIMIT } from '../consts.ts';
import { abstractHtml } from './abstract.ts';
import { escapeHtml } from './escape-html.ts';
import { feedItems, lastBuildDate } from './feed-items.ts';
import type { Archive } from './load-archive.ts';
import { absoluteUrl, paperPath } from './paths.ts';

const ATOM = 'http://www.w3.org/2005/Atom';

export interface PaperFeed {
  title: string;
  description: string;
  /** Site-relative paths (from paths.ts) of the page the feed follows and of the feed itself. */
  pagePath: string;
  feedPath: string;
  /** Paper slugs, newest first. */
  slugs: readonly string[];
}

/** The RSS response for `feed` over `archive`, with absolute URLs on `site`. */
export function paperFeed(archive: Archive, feed: PaperFeed, site: URL): Promise<Response> {
  const items = feedItems(
    feed.slugs,
    (slug) => {
      const p = archive.paperBySlug.get(slug)!;
      return { slug, title: p.data.title, days: p.data.days, html: abstractHtml(p) };
    },
    (slug) => absoluteUrl(paperPath(slug), site),
    FEED_LIMIT,
  );
  const built = lastBuildDate(archive.days);
  return rss({
    title: feed.title,
    description: feed.description,
    site: absoluteUrl(feed.pagePath, site),
    xmlns: { atom: ATOM },
    customData:
      `<atom:link href="${escapeHtml(absoluteUrl(feed.feedPath, site))}" rel="self" type="application/rss+xml"/><language>en</language>` +
      (built ? `<lastBuildDate>${built}</lastBuildDate>` : ''),
    items,
  });
}
