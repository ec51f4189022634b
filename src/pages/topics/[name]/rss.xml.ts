// /topics/<name>/rss.xml: RSS 2.0 of one topic's papers, newest first, at most FEED_LIMIT items.
import type { APIContext } from 'astro';
import { SITE_TITLE } from '../../../consts.ts';
import { loadArchive } from '../../../utils/load-archive.ts';
import { paperFeed } from '../../../utils/paper-feed.ts';
import { topicFeedPath, topicPath } from '../../../utils/paths.ts';
import { topicPapers } from '../../../utils/topic-papers.ts';
import { loadTopics } from '../../../utils/topics-fs.ts';

export function getStaticPaths() {
  return loadTopics().map((topic) => ({ params: { name: topic.name }, props: { label: topic.label } }));
}

export async function GET(context: APIContext) {
  const name = context.params.name!;
  const { label } = context.props as { label: string };
  const slugs = (await topicPapers()).get(name)!;
  return paperFeed(
    await loadArchive(),
    { title: `${SITE_TITLE}: ${label}`, description: `Papers about ${label}.`, pagePath: topicPath(name), feedPath: topicFeedPath(name), slugs },
    context.site ?? new URL('http://localhost:4321'),
  );
}
