// Feature: search. The Pagefind index in shards (indexer, run from src/integrations/pagefind.ts)
// and the search page's own client (ui/). Depends on cache/, format/, site/ and src/config.ts.
//
// The search contract, in one place: what the indexer writes, what the search page reads,
// and what the tests and the bench look for (file names, the shard plan, filter, meta and
// sort keys, URL parameters and element ids). Pure and browser-safe: no Node imports.

/** Shard folders besides the primary (relative to `pagefind/`): merged before (`first`) and right after (`rest`) a first search. */
export const SHARDS_FILE = 'shards.json';
export interface ShardPlan {
  first: string[];
  rest: string[];
  /**
   * Changes with the index: the search page passes it to Pagefind as `metaCacheTag`, so each
   * shard's entry file is cached until the index changes (else Pagefind refetches it always).
   */
  tag: string;
}
/** The filter each shard gets in the browser (`mergeFilter`), so a sorted search can ask one shard. */
export const SHARD_FILTER = 'shard';

/**
 * The vocabulary for "did you mean": every word the index knows from titles and abstracts,
 * most used first, loaded only when a query word matches nothing.
 */
export const VOCAB_FILE = 'vocab.txt';
/** The known words, one a line in the file, most used first (the rank is the only count kept). */
export type Vocabulary = string[];

/** Filter keys of a record (the filter menus and the URL use the same names). */
export const FILTER_KEYS = ['published', 'listed'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Meta keys of a record: what a result shows besides its excerpt. */
export const META = { title: 'title', published: 'published', listed: 'listed', comments: 'comments' } as const;

/** Sort keys of a record, and the orders the page offers (`relevance` is Pagefind's own). */
export const SORT_KEYS = { newest: 'listed', comments: 'comments' } as const;
export const SORTS = ['relevance', 'newest', 'comments'] as const;
export type Sort = (typeof SORTS)[number];
export const SORT_LABELS: Record<Sort, string> = { relevance: 'Relevance', newest: 'Newest listed', comments: 'Most comments' };

/** URL parameters of the search page (plus one per filter key). */
export const PARAMS = { query: 'q', sort: 'sort' } as const;

/** Element ids of the search page. */
export const IDS = {
  form: 'search',
  input: 'q',
  filters: 'filters',
  sort: 'sort',
  status: 'status',
  suggestions: 'suggestions',
  results: 'results',
  more: 'more',
} as const;

/** Results per page ("Show more results" adds as many). */
export const PAGE_SIZE = 10;
