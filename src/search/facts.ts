// Pure: a shard's facts (contract.ts `ShardFacts`), the data sorting and filtering need that the
// Pagefind index leaves out, made by the indexer and read by the search page. Browser-safe:
// the search page imports it, so it imports nothing of Node's (plan.ts does).
import { compareText } from '../format/compare.ts';
import type { SearchPaper } from './plan.ts';
import { FILTER_KEYS, type FilterKey, type ShardFacts } from './contract.ts';

/** Filter values of a paper: the year it was published, and every year it was listed. */
export function facetsOf(paper: Pick<SearchPaper, 'published' | 'days'>): { published: string[]; listed: string[] } {
  return {
    published: [paper.published ? paper.published.slice(0, 4) : 'unknown'],
    listed: [...new Set(paper.days.map((d) => d.slice(0, 4)))],
  };
}

/**
 * The facts of a shard's papers; `pageIds` gives Pagefind's page id of each paper by its
 * record URL. Newest first: by the day first listed, then slug.
 */
export function shardFacts(papers: readonly SearchPaper[], url: (p: SearchPaper) => string, pageIds: ReadonlyMap<string, string>): ShardFacts {
  const newestFirst = [...papers].sort((a, b) => compareText(b.days[0], a.days[0]) || compareText(a.slug, b.slug));
  const facts: ShardFacts = { pages: [], comments: [], published: [], listed: [] };
  for (const p of newestFirst) {
    const id = pageIds.get(url(p));
    if (id === undefined) throw new Error(`the search shard holding ${p.slug} has no page for ${url(p)}`);
    const values = facetsOf(p);
    facts.pages.push(id);
    facts.comments.push(p.comments ?? -1);
    facts.published.push(values.published[0]);
    facts.listed.push(values.listed);
  }
  return facts;
}

/** What the page knows of one paper from its shard's facts. */
export interface PaperFacts {
  /** Place in the shard, newest first. */
  rank: number;
  comments: number;
  values: Record<FilterKey, readonly string[]>;
}

/** The facts of a shard by Pagefind page id. */
export function factsById(facts: ShardFacts): Map<string, PaperFacts> {
  return new Map(facts.pages.map((id, rank) => [id, { rank, comments: facts.comments[rank], values: { published: [facts.published[rank]], listed: facts.listed[rank] } }]));
}

/** The filter values of a shard's papers, and the value all of them share, per filter (the plan's `values` and `whole`). */
export function shardValues(papers: readonly Pick<SearchPaper, 'published' | 'days'>[]): { values: Record<FilterKey, string[]>; whole: Partial<Record<FilterKey, string>> } {
  const counts: Record<FilterKey, Map<string, number>> = { published: new Map(), listed: new Map() };
  for (const p of papers) {
    const values = facetsOf(p);
    for (const key of FILTER_KEYS) for (const v of values[key]) counts[key].set(v, (counts[key].get(v) ?? 0) + 1);
  }
  const values = { published: [] as string[], listed: [] as string[] };
  const whole: Partial<Record<FilterKey, string>> = {};
  for (const key of FILTER_KEYS) {
    values[key] = [...counts[key].keys()].sort(compareText);
    const all = [...counts[key]].find(([, n]) => n === papers.length);
    if (all && papers.length) whole[key] = all[0];
  }
  return { values, whole };
}
