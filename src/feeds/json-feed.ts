// A feed as JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). Pure: the same items as
// the feed's RSS twin (feed-items.ts), written as JSON. Typed here, from the spec's fields we
// write (@json-feed-types/1_1 ships .ts sources that do not compile under verbatimModuleSyntax).

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** The MIME type the spec asks publishers to serve and readers to discover. */
export const JSON_FEED_TYPE = 'application/feed+json';

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary?: string;
  /** RFC 3339. */
  date_published: string;
}

export interface JsonFeed {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  favicon?: string;
  items: JsonFeedItem[];
}

/** What the feed says about itself; URLs absolute. */
export interface JsonFeedHead {
  title: string;
  description: string;
  homePageUrl: string;
  feedUrl: string;
  language: string;
  faviconUrl?: string;
}

/** `2025-01-01T00:00:00Z`: RFC 3339 without the zero milliseconds. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}

/** The JSON Feed document for `items` (already limited and ordered). */
export function jsonFeed(head: JsonFeedHead, items: readonly { url: string; title: string; published: Date; html: string; summary: string }[]): JsonFeed {
  return {
    version: JSON_FEED_VERSION,
    title: head.title,
    home_page_url: head.homePageUrl,
    feed_url: head.feedUrl,
    description: head.description,
    language: head.language,
    ...(head.faviconUrl ? { favicon: head.faviconUrl } : {}),
    items: items.map((item) => ({
      // The page's permanent URL is the id, as it is the RSS guid.
      id: item.url,
      url: item.url,
      title: item.title,
      content_html: item.html,
      ...(item.summary ? { summary: item.summary } : {}),
      date_published: rfc3339(item.published),
    })),
  };
}
