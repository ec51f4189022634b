// /feeds.opml: every feed of the site by kind (all papers, digest, topics, organisations), as
// /feeds/ lists them, for a feed reader's one-step import. Small, so written on every build.
import type { APIContext } from 'astro';
import { SITE_TITLE } from '../consts.ts';
import { loadArchive } from '../archive/load-archive.ts';
import { feedGroups } from '../feeds/feed-catalog.ts';
import { lastBuildDate } from '../feeds/feed-items.ts';
import { OPML_TYPE, opml } from '../feeds/opml.ts';
import { orgIndex } from '../orgs/orgs-fs.ts';
import { siteOf } from '../site/site-url.ts';
import { loadTopics } from '../topics/topics-fs.ts';

export async function GET(context: APIContext): Promise<Response> {
  const [archive, { orgs }] = await Promise.all([loadArchive(), orgIndex()]);
  const body = opml({ title: `${SITE_TITLE}: every feed`, dateModified: lastBuildDate(archive.days) }, feedGroups(loadTopics(), orgs), siteOf(context));
  return new Response(body, { headers: { 'Content-Type': `${OPML_TYPE}; charset=utf-8` } });
}
