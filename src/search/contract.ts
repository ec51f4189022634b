// The search contract, in one place: what the indexer writes, what the search page reads,
// and what the tests and the bench look for (file names, the plan of shards and its term map,
// display, filter and sort data, URL parameters and element ids). Pure and browser-safe.

/**
 * The plan of the index, beside Pagefind's engine in `pagefind/`: every shard, and the term
 * map's buckets. The page reads it first; everything else it fetches is named from it.
 */
export const PLAN_FILE = 'shards.json';
export interface ShardPlan {
  /** Changes with the whole index: the version of the files named without a digest of their own. */
  tag: string;
  /** Oldest first (a shard's id is its place in this list, so full shards keep theirs as days are added). */
  shards: ShardInfo[];
  /** The term map: `first[i]` is the first key of bucket `i` (`terms/<i>.txt?v=<tag>`). */
  terms: { first: string[] };
}
export interface ShardInfo {
  /** Its folder, `shard-<id>/` (see `shardFolder`). */
  id: number;
  papers: number;
  /** Digest of its Pagefind bundle: Pagefind's `metaCacheTag` for it, so its entry file is cached until it changes. */
  key: string;
  /** Digest of its facts file (`facts/<id>.json?v=<facts>`): comment counts and filter values change without the bundle. */
  facts: string;
  /** Its metadata file's name (the page preloads it with the entry file, a round trip less). */
  meta: string;
  /** Bytes as served: its metadata file, and its index chunks on average (what the page budgets a search with). */
  metaBytes: number;
  chunkBytes: number;
  /** The filter values its papers have, so a filtered search asks only the shards with that value. */
  values: Record<FilterKey, string[]>;
  /** Per filter, the value every one of its papers has, if any: such a shard needs no facts to filter by it. */
  whole: Partial<Record<FilterKey, string>>;
}

/** Pagefind's own files the page loads: from the engine's folder (`pagefind/`), and the entry file of every folder. */
export const ENGINE_FILES = { script: 'pagefind.js', wasm: 'wasm.en.pagefind', entry: 'pagefind-entry.json' } as const;

/** The folder of shard `id` under `pagefind/` (the engine, a Pagefind index of one empty page, is the folder itself). */
export const shardFolder = (id: number): string => `shard-${id}/`;
/** The term map's buckets, under `pagefind/`. */
export const termsFile = (bucket: number): string => `terms/${bucket}.txt`;
/** A shard's facts, under `pagefind/`. */
export const factsFile = (id: number): string => `facts/${id}.json`;

/**
 * What the page needs of a shard's papers that the Pagefind index leaves out: what changes after
 * a paper is listed (its comment count, the years it was listed again) and what only sorting and
 * filtering use. Fetched only for a sorted or filtered search.
 */
export interface ShardFacts {
  /** Pagefind's page id of each paper, newest first (first listed, then slug). */
  pages: string[];
  /** Comment counts, -1 where unknown (below zero comments when sorting). */
  comments: number[];
  /** Filter values, as `FILTER_KEYS`. */
  published: string[];
  listed: string[][];
}

/**
 * The papers of one organisation (src/orgs/), for the organisation filter: its name as shown, and
 * Pagefind's page id of each of its papers by shard. One small file per organisation, fetched only
 * when the filter names it: the plan every search loads carries nothing per organisation, and a
 * filtered search asks only its shards and needs no facts to filter.
 */
export const orgFile = (slug: string): string => `orgs/${slug}.json`;
export interface OrgPapers {
  name: string;
  /** Page ids by shard id. */
  shards: Record<string, string[]>;
}
/** How many organisations (most papers first) the search page's menu lists; any other comes from the URL (an organisation's page links it). */
export const ORG_MENU_SIZE = 40;

/**
 * The vocabulary for "did you mean": every word the index knows from titles and abstracts,
 * most used first, loaded only when a query word matches nothing.
 */
export const VOCAB_FILE = 'vocab.txt';
/** The known words, one a line in the file, most used first (the rank is the only count kept). */
export type Vocabulary = string[];

/** Filter keys (the filter menus and the URL use the same names). */
export const FILTER_KEYS = ['published', 'listed'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/**
 * What a result shows besides its title and excerpt, carried in each result's Pagefind
 * fragment as filter values: Pagefind indexes every meta field as words (since 1.5), so dates
 * as meta would add postings to every page; filter values are kept in the fragment only.
 */
export const SHOWN = { published: 'shown-published', listed: 'shown-listed' } as const;

/** The merge filter that tells shards apart in one Pagefind search (`mergeFilter`). */
export const SHARD_FILTER = 'shard';

/** The orders the page offers (`relevance` is Pagefind's own). */
export const SORTS = ['relevance', 'newest', 'comments'] as const;
export type Sort = (typeof SORTS)[number];
export const SORT_LABELS: Record<Sort, string> = { relevance: 'Relevance', newest: 'Newest listed', comments: 'Most comments' };

/** URL parameters of the search page (plus one per filter key); `org` is an organisation's slug. */
export const PARAMS = { query: 'q', sort: 'sort', org: 'org' } as const;

/** Element ids of the search page. */
export const IDS = {
  form: 'search',
  input: 'q',
  filters: 'filters',
  sort: 'sort',
  org: 'org',
  status: 'status',
  suggestions: 'suggestions',
  results: 'results',
  more: 'more',
} as const;

/** On the status line: `all` when the answer covers every shard that can match, `part` while others wait for the reader. */
export const COVERAGE_ATTRIBUTE = 'data-coverage';
/** On the results list: the search (the URL's query string) the results shown belong to. */
export const SHOWN_SEARCH_ATTRIBUTE = 'data-search';

/** Results per page ("Show more results" adds as many). */
export const PAGE_SIZE = 10;
