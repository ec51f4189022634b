// /rss.xml: RSS 2.0, one item per paper, newest first, at most FEED_LIMIT items.
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { FEED_LIMIT, SITE_DESCRIPTION, SITE_TITLE } from '../consts.ts';
import { feedItems, lastBuildDate } from '../utils/feed-items.ts';
import { loadArchive } from '../utils/load-archive.ts';
import { abstractHtml } from '../utils/abstract.ts';
import { absoluteUrl, feedPath, homePath, paperPath } from '../utils/paths.ts';
import { escapeHtml } from '../utils/escape-html.ts';

const ATOM = 'http://www.w3.org/2005/Atom';

export async function GET(context: APIContext) {
  const site = context.site ?? new URL('http://localhost:4321');
  const archive = await loadArchive();
  const items = feedItems(
    archive.newestFirst,
    (slug) => {
      const p = archive.paperBySlug.get(slug)!;
      return { slug, title: p.data.title, days: p.data.days, html: abstractHtml(p) };
    },
    (slug) => absoluteUrl(paperPath(slug), site),
    FEED_LIMIT,
  );
  const built = lastBuildDate(archive.days);
  return rss({
    title: SITE_TITLE,
    description: SITE_DESCRIPTION,
    site: absoluteUrl(homePath(), site),
    xmlns: { atom: ATOM },
    customData: `<atom:link href="${escapeHtml(absoluteUrl(feedPath(), site))}" rel="self" type="application/rss+xml"/><language>en</language>${built ? `<lastBuildDate>${built}</lastBuildDate>` : ''}`,
    items,
  });
}
