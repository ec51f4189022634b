// /topics/<name>/rss.xml: RSS 2.0 of one topic's papers, newest first, at most FEED_LIMIT items.
import type { APIContext } from 'astro';
import type { Topic } from '../../../utils/topics.ts';
import { siteOf, topicFeedPaths, topicFeedResponse } from '../../../utils/site-feeds.ts';

export const getStaticPaths = topicFeedPaths;

export const GET = (context: APIContext) => topicFeedResponse('rss', (context.props as { topic: Topic }).topic, siteOf(context));
