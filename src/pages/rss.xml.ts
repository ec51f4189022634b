// /rss.xml: RSS 2.0, one item per paper, newest first, at most FEED_LIMIT items.
import type { APIContext } from 'astro';
import { SITE_DESCRIPTION, SITE_TITLE } from '../consts.ts';
import { loadArchive } from '../utils/load-archive.ts';
import { paperFeed } from '../utils/paper-feed.ts';
import { feedPath, homePath } from '../utils/paths.ts';

export async function GET(context: APIContext) {
  const archive = await loadArchive();
  return paperFeed(
    archive,
    { title: SITE_TITLE, description: SITE_DESCRIPTION, pagePath: homePath(), feedPath: feedPath(), slugs: archive.newestFirst },
    context.site ?? new URL('http://localhost:4321'),
  );
}
