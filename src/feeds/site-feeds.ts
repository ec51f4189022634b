// The site's feeds as responses. This module alone decides which items each feed carries
// (papers newest first up to FEED_LIMIT, days newest first up to DIGEST_LIMIT); the RSS and
// JSON Feed writers only format them, so the two twins of a feed always agree.
import type { APIContext } from 'astro';
import { DIGEST_LIMIT, FEED_LIMIT, SITE_LANGUAGE } from '../consts.ts';
import { allAbstracts, excerptOf } from '../archive/abstract.ts';
import type { PaperValues } from '../cache/derived-cache-fs.ts';
import { textToHtml } from '../format/markdown-text.ts';
import { digestFeed, mainFeed, orgFeed, topicFeed, type FeedSpec } from './feed-catalog.ts';
import { digestItems, lastBuildDate, paperItems, type FeedItem } from './feed-items.ts';
import { JSON_FEED_TYPE, jsonFeed } from './json-feed.ts';
import { loadArchive, type Archive } from '../archive/load-archive.ts';
import { cacheKey, paperPageKeyPart } from '../cache/cache-key.ts';
import { orgIndex } from '../orgs/orgs-fs.ts';
import { absoluteUrl, assetPath, dayPath, paperPath } from '../site/paths.ts';
import { rssResponse } from './rss-feed.ts';
import { topicPapers } from '../topics/topic-papers.ts';
import type { Topic } from '../topics/topics.ts';
import { loadTopics } from '../topics/topics-fs.ts';

export type FeedFormat = 'rss' | 'json';

/**
 * Items of a paper feed: the first FEED_LIMIT of `slugs` (newest first). `abstracts` is the
 * build's (allAbstracts): read once for every feed, not once a feed and format.
 */
export function paperFeedItems(archive: Archive, slugs: readonly string[], site: URL, abstracts: PaperValues<string>): FeedItem[] {
  return paperItems(
    slugs,
    (slug) => {
      const p = archive.paperBySlug.get(slug)!;
      return { title: p.data.title, days: p.data.days, html: textToHtml(abstracts.get(slug)!), excerpt: excerptOf(p) };
    },
    (slug) => absoluteUrl(paperPath(slug), site),
    FEED_LIMIT,
  );
}

/** Items of the digest feed: the newest DIGEST_LIMIT days, each with its papers in listed order. */
export function digestFeedItems(archive: Archive, site: URL): FeedItem[] {
  return digestItems(
    archive.days,
    (day) =>
      archive.dayById.get(day)!.data.papers.map((slug) => ({
        title: archive.paperBySlug.get(slug)!.data.title,
        url: absoluteUrl(paperPath(slug), site),
      })),
    (day) => absoluteUrl(dayPath(day), site),
    DIGEST_LIMIT,
  );
}

/**
 * `spec`'s feed with `items`, in `format`, with absolute URLs on `site`; `days` are the days its
 * content comes from, ascending (the newest is the RSS lastBuildDate).
 */
export function feedResponse(format: FeedFormat, spec: FeedSpec, items: readonly FeedItem[], days: readonly string[], site: URL): Promise<Response> {
  const head = {
    title: spec.title,
    description: spec.description,
    homePageUrl: absoluteUrl(spec.pagePath, site),
    language: SITE_LANGUAGE,
  };
  if (format === 'rss') {
    return rssResponse({ ...head, feedUrl: absoluteUrl(spec.rssPath, site), lastBuildDate: lastBuildDate(days) }, items);
  }
  const feed = jsonFeed({ ...head, feedUrl: absoluteUrl(spec.jsonPath, site), faviconUrl: absoluteUrl(assetPath('favicon.svg'), site) }, items);
  return Promise.resolve(new Response(JSON.stringify(feed), { headers: { 'Content-Type': `${JSON_FEED_TYPE}; charset=utf-8` } }));
}

/** /rss.xml and /feed.json: every paper, newest first. */
export async function mainFeedResponse(format: FeedFormat, site: URL): Promise<Response> {
  const [archive, abstracts] = await Promise.all([loadArchive(), allAbstracts()]);
  return feedResponse(format, mainFeed(), paperFeedItems(archive, archive.newestFirst, site, abstracts), archive.days, site);
}

/** /digest.xml and /digest.json: one item per archived day, newest first. */
export async function digestFeedResponse(format: FeedFormat, site: URL): Promise<Response> {
  const archive = await loadArchive();
  return feedResponse(format, digestFeed(), digestFeedItems(archive, site), archive.days, site);
}

/** The topic feed routes' paths: one per topic of topics.json. */
export function topicFeedPaths(): { params: { name: string }; props: { topic: Topic } }[] {
  return loadTopics().map((topic) => ({ params: { name: topic.name }, props: { topic } }));
}

/** /topics/<name>/rss.xml and feed.json: the topic's papers, newest first. */
export async function topicFeedResponse(format: FeedFormat, topic: Topic, site: URL): Promise<Response> {
  const [archive, matched, abstracts] = await Promise.all([loadArchive(), topicPapers(), allAbstracts()]);
  return feedResponse(format, topicFeed(topic), paperFeedItems(archive, matched.get(topic.name)!, site, abstracts), archive.days, site);
}

/** What an organisation's feed routes get: the organisation, and its papers the feed carries. */
export interface OrgFeedProps {
  org: { slug: string; name: string };
  /** Its newest FEED_LIMIT papers' slugs, newest first. */
  papers: string[];
}

/**
 * The organisation feed routes' paths: one per organisation, each keyed by all it writes (its
 * items' papers, files included), so a rebuild writes again only the feeds of organisations
 * with a new or changed paper; their lastBuildDate is their own newest listed day for that.
 */
export async function orgFeedPaths(): Promise<{ params: { slug: string }; props: OrgFeedProps; cacheKey: string }[]> {
  const [archive, { orgs }] = await Promise.all([loadArchive(), orgIndex()]);
  return orgs.map((o) => {
    const props = { org: { slug: o.slug, name: o.name }, papers: o.papers.slice(0, FEED_LIMIT) };
    const papers = props.papers.map((slug) => paperPageKeyPart(archive.paperBySlug.get(slug)!));
    return { params: { slug: o.slug }, props, cacheKey: cacheKey(props, papers) };
  });
}

/** /orgs/<slug>/rss.xml and feed.json: the organisation's papers, newest first. */
export async function orgFeedResponse(format: FeedFormat, { org, papers }: OrgFeedProps, site: URL): Promise<Response> {
  const [archive, abstracts] = await Promise.all([loadArchive(), allAbstracts()]);
  const newest = papers.map((slug) => archive.paperBySlug.get(slug)!.data.days.at(-1)!).sort().slice(-1);
  return feedResponse(format, orgFeed(org), paperFeedItems(archive, papers, site, abstracts), newest, site);
}
