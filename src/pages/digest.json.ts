// /digest.json: JSON Feed 1.1, the same items as /digest.xml.
import type { APIContext } from 'astro';
import { digestFeedResponse } from '../feeds/site-feeds.ts';
import { siteOf } from '../site/site-url.ts';

export const GET = (context: APIContext) => digestFeedResponse('json', siteOf(context));
