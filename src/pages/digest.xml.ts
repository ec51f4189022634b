// /digest.xml: RSS 2.0, one item per archived day, newest first, at most DIGEST_LIMIT items.
import type { APIContext } from 'astro';
import { digestFeedResponse } from '../feeds/site-feeds.ts';
import { siteOf } from '../site/site-url.ts';

export const GET = (context: APIContext) => digestFeedResponse('rss', siteOf(context));
