// Feature: feeds. Every RSS 2.0 and JSON Feed 1.1 feed of the site (all papers, the daily
// digest, one per topic, one per organisation): the catalogue, their items, the two writers,
// and the OPML list of them all. Depends on archive/, site/ (URLs), format/, topics/ and orgs/;
// the routes in src/pages/ are one line each.
//
// Every feed the site publishes, each in two formats (RSS 2.0 and JSON Feed 1.1): its title,
// description and URLs, in one place for the endpoints, the /feeds/ page, /feeds.opml and the
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
  orgFeedPath,
  orgJsonFeedPath,
  orgPath,
  topicFeedPath,
  topicJsonFeedPath,
  topicPath,
} from '../site/paths.ts';

export interface FeedSpec {
  /** What it follows, short: `Daily digest`, a topic's label, an organisation's name. */
  name: string;
  title: string;
  description: string;
  /** Site paths (from paths.ts): the HTML page the feed follows, and the feed in each format. */
  pagePath: string;
  rssPath: string;
  jsonPath: string;
}

/** Every paper, newest first. */
export function mainFeed(): FeedSpec {
  return { name: 'Every paper', title: SITE_TITLE, description: SITE_DESCRIPTION, pagePath: homePath(), rssPath: feedPath(), jsonPath: jsonFeedPath() };
}

/** One item per archived day, newest first. */
export function digestFeed(): FeedSpec {
  return {
    name: 'Daily digest',
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
    name: topic.label,
    title: `${SITE_TITLE}: ${topic.label}`,
    description: `Papers about ${topic.label}.`,
    pagePath: topicPath(topic.name),
    rssPath: topicFeedPath(topic.name),
    jsonPath: topicJsonFeedPath(topic.name),
  };
}

/** One organisation's papers, newest first. */
export function orgFeed(org: { slug: string; name: string }): FeedSpec {
  return {
    name: org.name,
    title: `${SITE_TITLE}: ${org.name}`,
    description: `Papers listed under ${org.name}.`,
    pagePath: orgPath(org.slug),
    rssPath: orgFeedPath(org.slug),
    jsonPath: orgJsonFeedPath(org.slug),
  };
}

/** A kind of feed and every feed of it. */
export interface FeedGroup {
  kind: 'papers' | 'digest' | 'topics' | 'orgs';
  /** The kind, for people: `Topics`. */
  label: string;
  feeds: FeedSpec[];
}

/** Every feed of the site by kind, in the order /feeds/ and /feeds.opml list them. */
export function feedGroups(topics: readonly Pick<Topic, 'name' | 'label'>[], orgs: readonly { slug: string; name: string }[]): FeedGroup[] {
  return [
    { kind: 'papers', label: 'All papers', feeds: [mainFeed()] },
    { kind: 'digest', label: 'Daily digest', feeds: [digestFeed()] },
    { kind: 'topics', label: 'Topics', feeds: topics.map(topicFeed) },
    { kind: 'orgs', label: 'Organisations', feeds: orgs.map(orgFeed) },
  ];
}
