// The items of every feed, whatever its format: built once here, then written as RSS
// (rss-feed.ts) or JSON Feed (json-feed.ts), so the two twins always carry the same items in
// the same order. Pure: the caller looks papers and days up.
import { escapeHtml } from '../format/escape-html.ts';
import { dayToDate } from '../format/dates.ts';
import { formatDay } from '../format/format-day.ts';
import { countOf } from '../format/plural.ts';

/** One item of a feed. */
export interface FeedItem {
  /** Absolute URL of the page the item is about: RSS link and guid, JSON Feed id and url. */
  url: string;
  title: string;
  /** Midnight UTC of a day: a fixed time, so rebuilding never changes it. */
  published: Date;
  /** The content as HTML (RSS description, JSON Feed content_html). */
  html: string;
  /** Plain text, a sentence or two (JSON Feed summary); may be empty. */
  summary: string;
}

/** What a paper item needs of a paper. */
export interface FeedPaper {
  title: string;
  /** Every day the paper was listed, ascending. */
  days: readonly string[];
  /** The abstract as HTML. */
  html: string;
  /** The abstract's opening, plain text. */
  excerpt: string;
}

/** Paper items for the first `limit` of `newestFirst`: pubDate = the day first listed. */
export function paperItems(
  newestFirst: readonly string[],
  paperOf: (slug: string) => FeedPaper,
  linkOf: (slug: string) => string,
  limit: number,
): FeedItem[] {
  return newestFirst.slice(0, limit).map((slug) => {
    const paper = paperOf(slug);
    return { url: linkOf(slug), title: paper.title, published: dayToDate(paper.days[0]), html: paper.html, summary: paper.excerpt };
  });
}

/** What a digest item needs of a listed paper. */
export interface DigestPaper {
  title: string;
  url: string;
}

/**
 * Digest items, one per day, newest first, for the newest `limit` of `daysAscending`: the
 * day's papers as an ordered list of links, in listed order.
 */
export function digestItems(
  daysAscending: readonly string[],
  papersOf: (day: string) => readonly DigestPaper[],
  linkOf: (day: string) => string,
  limit: number,
): FeedItem[] {
  return daysAscending
    .slice(-limit)
    .reverse()
    .map((day) => {
      const papers = papersOf(day);
      const when = formatDay(day);
      return {
        url: linkOf(day),
        title: `Papers of ${when}`,
        published: dayToDate(day),
        html: `<ol>${papers.map((p) => `<li><a href="${escapeHtml(p.url)}">${escapeHtml(p.title)}</a></li>`).join('')}</ol>`,
        summary: `${countOf(papers.length, 'paper')} listed on ${when}.`,
      };
    });
}

/**
 * RSS lastBuildDate: midnight UTC of the newest listed day (RFC 822), not the clock, so
 * rebuilding the same archive writes the same bytes. Undefined for an empty archive.
 */
export function lastBuildDate(daysAscending: readonly string[]): string | undefined {
  const newest = daysAscending.at(-1);
  return newest === undefined ? undefined : dayToDate(newest).toUTCString();
}
