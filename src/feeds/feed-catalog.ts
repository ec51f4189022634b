// Feature: feeds. Every RSS 2.0 and JSON Feed 1.1 feed of the site (all papers, the daily
// digest, one per topic): the catalogue, their items, and the two writers. Depends on archive/,
// site/ (URLs), format/ and topics/ (topic feeds); the routes in src/pages/ are one line each.
//
// Every feed the site publishes, each in two formats (RSS 2.0 and JSON Feed 1.1): its title,
// description and URLs, in one place for the endpoints, the /feeds/ page and the
// autodiscovery links.
import { SITE_DESCRIPTION, SITE_TITLE } from '../consts.ts';
import type { Topic } from '../topics/topics.ts';
import {
  daysPath,
  digestFeedPath,
  digestJsonFeedPath,
  feedPath,
  homePath,
  jsonFeedPath,
  topicFeedPath,
  topicJsonFeedPath,
  topicPath,
} from '../site/paths.ts';

export interface FeedSpec {
  title: string;
  description: string;
  /** Site paths (from paths.ts): the HTML page the feed follows, and the feed in each format. */
  pagePath: string;
  rssPath: string;
  jsonPath: string;
}

/** Every paper, newest first. */
export function mainFeed(): FeedSpec {
  return { title: SITE_TITLE, description: SITE_DESCRIPTION, pagePath: homePath(), rssPath: feedPath(), jsonPath: jsonFeedPath() };
}

/** One item per archived day, newest first. */
export function digestFeed(): FeedSpec {
  return {
    title: `${SITE_TITLE}: daily digest`,
    description: 'One item per archived day, listing that day’s papers in listed order.',
    pagePath: daysPath(),
    rssPath: digestFeedPath(),
    jsonPath: digestJsonFeedPath(),
  };
}

/** One topic's papers, newest first. */
export function topicFeed(topic: Pick<Topic, 'name' | 'label'>): FeedSpec {
  return {
    title: `${SITE_TITLE}: ${topic.label}`,
    description: `Papers about ${topic.label}.`,
    pagePath: topicPath(topic.name),
    rssPath: topicFeedPath(topic.name),
    jsonPath: topicJsonFeedPath(topic.name),
  };
}
