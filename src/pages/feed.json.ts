// /feed.json: JSON Feed 1.1, the same items as /rss.xml.
import type { APIContext } from 'astro';
import { mainFeedResponse } from '../feeds/site-feeds.ts';
import { siteOf } from '../site/site-url.ts';

export const GET = (context: APIContext) => mainFeedResponse('json', siteOf(context));
