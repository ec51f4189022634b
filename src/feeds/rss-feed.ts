// A feed as RSS 2.0 (with @astrojs/rss): the feed's own URL as atom:link rel=self, its
// language, and lastBuildDate from the newest listed day. The guid of each item is its link.
import rss from '@astrojs/rss';
import { escapeHtml } from '../format/escape-html.ts';
import type { FeedItem } from './feed-items.ts';

const ATOM = 'http://www.w3.org/2005/Atom';

/** What the channel says about itself; URLs absolute. */
export interface RssHead {
  title: string;
  description: string;
  homePageUrl: string;
  feedUrl: string;
  language: string;
  /** RFC 822, or undefined (an empty archive). */
  lastBuildDate: string | undefined;
}

/** The RSS response for `items` (already limited and ordered). */
export function rssResponse(head: RssHead, items: readonly FeedItem[]): Promise<Response> {
  return rss({
    title: head.title,
    description: head.description,
    site: head.homePageUrl,
    xmlns: { atom: ATOM },
    customData:
      `<atom:link href="${escapeHtml(head.feedUrl)}" rel="self" type="application/rss+xml"/><language>${escapeHtml(head.language)}</language>` +
      (head.lastBuildDate ? `<lastBuildDate>${head.lastBuildDate}</lastBuildDate>` : ''),
    items: items.map((item) => ({ title: item.title, link: item.url, pubDate: item.published, description: item.html })),
  });
}
