// /rss.xml: RSS 2.0, one item per paper, newest first, at most FEED_LIMIT items (twin: /feed.json).
import type { APIContext } from 'astro';
import { mainFeedResponse } from '../feeds/site-feeds.ts';
import { siteOf } from '../site/site-url.ts';

export const GET = (context: APIContext) => mainFeedResponse('rss', siteOf(context));
