// /orgs/<slug>/feed.json: JSON Feed 1.1, the same items as the organisation's rss.xml.
import type { APIContext } from 'astro';
import { orgFeedPaths, orgFeedResponse, type OrgFeedProps } from '../../../feeds/site-feeds.ts';
import { siteOf } from '../../../site/site-url.ts';

export const getStaticPaths = orgFeedPaths;

export const GET = (context: APIContext) => orgFeedResponse('json', context.props as OrgFeedProps, siteOf(context));
