// /topics/<name>/rss.xml: RSS 2.0 of one topic's papers, newest first, at most FEED_LIMIT items.
import type { APIContext } from 'astro';
import type { Topic } from '../../../topics/topics.ts';
import { topicFeedPaths, topicFeedResponse } from '../../../feeds/site-feeds.ts';
import { siteOf } from '../../../site/site-url.ts';

export const getStaticPaths = topicFeedPaths;

export const GET = (context: APIContext) => topicFeedResponse('rss', (context.props as { topic: Topic }).topic, siteOf(context));
