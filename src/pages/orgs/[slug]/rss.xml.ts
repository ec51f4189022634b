// /orgs/<slug>/rss.xml: RSS 2.0 of one organisation's papers, newest first, at most FEED_LIMIT items.
import type { APIContext } from 'astro';
import { orgFeedPaths, orgFeedResponse, type OrgFeedProps } from '../../../feeds/site-feeds.ts';
import { siteOf } from '../../../site/site-url.ts';

export const getStaticPaths = orgFeedPaths;

export const GET = (context: APIContext) => orgFeedResponse('rss', context.props as OrgFeedProps, siteOf(context));
