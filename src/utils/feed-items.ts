// The RSS items: one per paper, newest first, pubDate = the day it was first listed.
import { dayToDate } from './format-day.ts';

export interface FeedPaper {
  slug: string;
  title: string;
  /** Every day the paper was listed, ascending. */
  days: readonly string[];
  /** The abstract as HTML (feed readers render descriptions as HTML). */
  html: string;
}

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
}

/** Items for the first `limit` of `newestFirst`, linked with `linkOf(slug)`. */
export function feedItems(
  newestFirst: readonly string[],
  paperOf: (slug: string) => FeedPaper,
  linkOf: (slug: string) => string,
  limit: number,
): FeedItem[] {
  return newestFirst.slice(0, limit).map((slug) => {
    const paper = paperOf(slug);
    return {
      title: paper.title,
      link: linkOf(slug),
      // Midnight UTC of the first day: a fixed time, so rebuilding never changes it.
      pubDate: dayToDate(paper.days[0]),
      description: paper.html,
    };
  });
}

/**
 * The channel's lastBuildDate: midnight UTC of the newest listed day (RFC 822), not the clock,
 * so rebuilding the same archive writes the same bytes. Undefined for an empty archive.
 */
export function lastBuildDate(daysAscending: readonly string[]): string | undefined {
  const newest = daysAscending.at(-1);
  return newest === undefined ? undefined : dayToDate(newest).toUTCString();
}
