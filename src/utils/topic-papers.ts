// Each topic's papers over the whole archive, newest first, matched once per build.
import { abstractText } from './abstract.ts';
import { loadArchive } from './load-archive.ts';
import { matchTopics } from './topics.ts';
import { loadTopics } from './topics-fs.ts';

let cached: Promise<Map<string, string[]>> | undefined;
export function topicPapers(): Promise<Map<string, string[]>> {
  return (cached ??= (async () => {
    const archive = await loadArchive();
    const papers = archive.newestFirst.map((slug) => {
      const p = archive.paperBySlug.get(slug)!;
      return { slug, title: p.data.title, abstract: abstractText(p) };
    });
    return matchTopics(loadTopics(), papers);
  })());
}
