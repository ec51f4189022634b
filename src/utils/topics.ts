// Topic matching: which papers each topic of topics.json covers. Pure; computed once per build.
// A term matches title or abstract as a whole word (no letter or digit either side),
// case-insensitively; inside a term, a space or hyphen matches any run of spaces and hyphens
// ("score-based" matches "score based"), and a trailing "s" or "es" is allowed (simple plurals:
// "agent" matches "agents"). A hyphen outside the term is a word boundary, so "diffusion"
// matches "diffusion-based".
import { topicsSchema, type TopicsData } from '../schema.ts';

export type Topic = TopicsData['topics'][number];

/** Parse and validate topics.json; errors read `file: field: problem`. */
export function parseTopics(text: string, file: string): Topic[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not JSON: ${(e as Error).message}`);
  }
  const result = topicsSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${file}: ${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new Error(issues.join('\n'));
  }
  return result.data.topics;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regular expression for a topic's terms. */
export function topicPattern(terms: readonly string[]): RegExp {
  const alternatives = terms.map((t) =>
    t.trim().split(/[\s-]+/).map(escapeRegExp).join('[\\s-]+'),
  );
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?:e?s)?(?![\\p{L}\\p{N}])`, 'iu');
}

export interface MatchablePaper {
  slug: string;
  title: string;
  abstract: string;
}

/** For each topic name, the slugs of `papers` it matches, in the order given (e.g. newest first). */
export function matchTopics(topics: readonly Topic[], papers: readonly MatchablePaper[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const topic of topics) {
    const re = topicPattern(topic.terms);
    out.set(topic.name, papers.filter((p) => re.test(p.title) || re.test(p.abstract)).map((p) => p.slug));
  }
  return out;
}
