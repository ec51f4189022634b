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

/** The names of the topics (compiled with `topicPattern`) a paper matches, in topics order. */
export function topicsOf(compiled: readonly { name: string; pattern: RegExp }[], paper: Omit<MatchablePaper, 'slug'>): string[] {
  return compiled.filter(({ pattern }) => pattern.test(paper.title) || pattern.test(paper.abstract)).map((t) => t.name);
}

/** Each topic with its compiled pattern. */
export function compileTopics(topics: readonly Topic[]): { name: string; pattern: RegExp }[] {
  return topics.map((t) => ({ name: t.name, pattern: topicPattern(t.terms) }));
}

/** For each topic name, the slugs of papers matching it (`topicsOfPaper`), in the order given (e.g. newest first). */
export function groupByTopic(topics: readonly Topic[], slugs: Iterable<string>, topicsOfPaper: (slug: string) => readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>(topics.map((t) => [t.name, []]));
  for (const slug of slugs) for (const name of topicsOfPaper(slug)) out.get(name)?.push(slug);
  return out;
}
