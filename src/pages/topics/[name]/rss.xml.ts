// /topics/<name>/rss.xml: RSS 2.0 of one topic's papers, newest first, at most FEED_LIMIT items.
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { FEED_LIMIT, SITE_TITLE } from '../../../consts.ts';
import { feedItems, lastBuildDate } from '../../../utils/feed-items.ts';
import { loadArchive } from '../../../utils/load-archive.ts';
import { abstractHtml } from '../../../utils/abstract.ts';
import { absoluteUrl, paperPath, topicFeedPath, topicPath } from '../../../utils/paths.ts';
import { escapeHtml } from '../../../utils/escape-html.ts';
import { topicPapers } from '../../../utils/topic-papers.ts';
import { loadTopics } from '../../../utils/topics-fs.ts';

const ATOM = 'http://www.w3.org/2005/Atom';

export function getStaticPaths() {
  return loadTopics().map((topic) => ({ params: { name: topic.name }, props: { label: topic.label } }));
}

export async function GET(context: APIContext) {
  const name = context.params.name!;
  const { label } = context.props as { label: string };
  const site = context.site ?? new URL('http://localhost:4321');
  const archive = await loadArchive();
  const slugs = (await topicPapers()).get(name)!;
  const items = feedItems(
    slugs,
    (slug) => {
      const p = archive.paperBySlug.get(slug)!;
      return { slug, title: p.data.title, days: p.data.days, html: abstractHtml(p) };
    },
    (slug) => absoluteUrl(paperPath(slug), site),
    FEED_LIMIT,
  );
  const built = lastBuildDate(archive.days);
  return rss({
    title: `${SITE_TITLE}: ${label}`,
    description: `Papers about ${label}.`,
    site: absoluteUrl(topicPath(name), site),
    xmlns: { atom: ATOM },
    customData: `<atom:link href="${escapeHtml(absoluteUrl(topicFeedPath(name), site))}" rel="self" type="application/rss+xml"/><language>en</language>${built ? `<lastBuildDate>${built}</lastBuildDate>` : ''}`,
    items,
  });
}
