// /feeds.opml: every feed of the site as OPML 2.0 (http://opml.org/spec2.opml), one outline per
// kind holding one outline per feed, so a reader subscribes to them all with one import. Each
// feed is listed once, by its RSS URL: a reader importing both formats would show every item
// twice. Pure: the route gives the groups (feed-catalog.ts) and the site.
import { escapeHtml } from '../format/escape-html.ts';
import { absoluteUrl } from '../site/paths.ts';
import type { FeedGroup } from './feed-catalog.ts';

/** The MIME type OPML files are served with. */
export const OPML_TYPE = 'text/x-opml';

export interface OpmlHead {
  title: string;
  /** RFC 822 (the newest listed day, never the clock), or undefined. */
  dateModified: string | undefined;
}

/** The OPML document listing `groups`' feeds with absolute URLs on `site`. */
export function opml(head: OpmlHead, groups: readonly FeedGroup[], site: URL | string): string {
  const attr = (name: string, value: string) => ` ${name}="${escapeHtml(value)}"`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeHtml(head.title)}</title>`,
    ...(head.dateModified ? [`    <dateModified>${head.dateModified}</dateModified>`] : []),
    '    <docs>http://opml.org/spec2.opml</docs>',
    '  </head>',
    '  <body>',
  ];
  for (const group of groups) {
    if (group.feeds.length === 0) continue;
    lines.push(`    <outline${attr('text', group.label)}>`);
    for (const feed of group.feeds) {
      lines.push(
        `      <outline type="rss" version="RSS2"${attr('text', feed.name)}${attr('title', feed.title)}${attr('description', feed.description)}` +
          `${attr('xmlUrl', absoluteUrl(feed.rssPath, site))}${attr('htmlUrl', absoluteUrl(feed.pagePath, site))}/>`,
      );
    }
    lines.push('    </outline>');
  }
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}
