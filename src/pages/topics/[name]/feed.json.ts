// /topics/<name>/feed.json: JSON Feed 1.1, the same items as the topic's rss.xml.
import type { APIContext } from 'astro';
import type { Topic } from '../../../topics/topics.ts';
import { topicFeedPaths, topicFeedResponse } from '../../../feeds/site-feeds.ts';
import { siteOf } from '../../../site/site-url.ts';

export const getStaticPaths = topicFeedPaths;

export const GET = (context: APIContext) => topicFeedResponse('json', (context.props as { topic: Topic }).topic, siteOf(context));
