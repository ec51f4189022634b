// Feature: topics. The topics of topics.json (a name, a label, terms), the papers that match
// each one, their pages and feeds. Depends on archive/, cache/ and src/schema.ts.
//
// Each topic's papers over the whole archive, newest first, matched once per build. Which
// topics a paper matches is kept between builds by the paper file's digest, so a rebuild
// matches only new and changed papers.
import { allAbstracts } from '../archive/abstract.ts';
import { derivePerPaper } from '../cache/derived-cache-fs.ts';
import { loadArchive } from '../archive/load-archive.ts';
import { compileTopics, groupByTopic, topicPattern, topicsOf } from './topics.ts';
import { loadTopics } from './topics-fs.ts';

let cached: Promise<Map<string, string[]>> | undefined;
export function topicPapers(): Promise<Map<string, string[]>> {
  return (cached ??= (async () => {
    const [archive, abstracts] = await Promise.all([loadArchive(), allAbstracts()]);
    const topics = loadTopics();
    const compiled = compileTopics(topics);
    const matched = derivePerPaper(archive.paperBySlug.values(), {
      kind: 'topics',
      // The terms and the matching code decide the answer besides the file itself.
      salt: JSON.stringify([topics, String(topicPattern), String(topicsOf)]),
      derive: (slug) => {
        const p = archive.paperBySlug.get(slug)!;
        return topicsOf(compiled, { title: p.data.title, abstract: abstracts.get(slug)! });
      },
    });
    return groupByTopic(topics, archive.newestFirst, (slug) => matched.get(slug)!);
  })());
}
