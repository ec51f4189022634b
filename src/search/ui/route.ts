// Pure: which shards a query is searched in, and in what order and rounds. The term map says
// which shards can hold each query word; Pagefind only returns papers holding every word, so a
// shard that lacks one is never loaded. What is left is searched in rounds whose size is
// budgeted in bytes, from the shards' own sizes in the plan: a rare word or a pasted title
// costs a few shards, a word in nearly every paper the newest shards first, and older ones
// when the reader asks for more.
import type { FilterKey, ShardInfo, ShardPlan, Sort } from '../contract.ts';
import { bucketsFor, exactKeys, shardsOf, TITLE_MIN_WORDS, titleKey, titlePapers, wordPrefixes, type TermEntry } from '../terms.ts';

/**
 * A word whose prefix spans more buckets than this (a word of a letter or two) is not looked up:
 * it would cost more than it narrows, and nearly every shard holds such a prefix anyway.
 */
export const MAX_BUCKETS_PER_WORD = 3;

/** What to fetch of the term map for a query: bucket numbers per word, and for the title key. */
export interface Lookup {
  words: { word: string; prefixes: string[]; exact: string[]; buckets: number[] | null }[];
  /** The whole query's title key and its bucket, when it has enough words to be a title. */
  title: { key: string; bucket: number } | null;
}

/** The buckets `words` (`searchWords` of the query) need; `query` is the text as typed. */
export function lookup(query: string, words: readonly string[], plan: Pick<ShardPlan, 'terms'>): Lookup {
  const first = plan.terms.first;
  return {
    words: words.map((word) => {
      const prefixes = wordPrefixes(word);
      const buckets = [...new Set(prefixes.flatMap((p) => bucketsFor(p, first)))].sort((a, b) => a - b);
      return { word, prefixes, exact: exactKeys(word), buckets: buckets.length > MAX_BUCKETS_PER_WORD ? null : buckets };
    }),
    title: words.length >= TITLE_MIN_WORDS ? { key: titleKey(query), bucket: bucketsFor(titleKey(query), first)[0] } : null,
  };
}

/** Where a query can be answered. */
export interface Route {
  /** Query words no shard holds (then nothing is searched). */
  missing: string[];
  /** Shards that can hold every word, in the order they are searched. */
  order: ShardInfo[];
  /** Per query word that was looked up, about how many papers hold it in a shard that has it. */
  density: number[];
  /** Papers whose title is the whole query (a pasted title), among the shards that can match. */
  titles: { shard: number; page: string }[];
}

/**
 * The shards that can answer, in search order. Newest first for "newest"; otherwise shards
 * holding the whole query as a title first, then those holding every word as such (not only
 * longer words starting with it, which Pagefind ranks lower), then the rest, newest first in each.
 * `entries(bucket)` gives a fetched bucket's entries.
 */
export function route(plan: Pick<ShardPlan, 'shards'>, look: Lookup, entries: (bucket: number) => readonly TermEntry[], filters: Partial<Record<FilterKey, string>>, sort: Sort): Route {
  const all = plan.shards.map((s) => s.id);
  let can = new Set(all);
  let exact = new Set(all);
  const missing: string[] = [];
  const density: number[] = [];
  for (const w of look.words) {
    if (!w.buckets) continue; // too short to narrow anything
    const found = shardsOf(w.buckets.flatMap(entries), w.prefixes, w.exact);
    if (found.any.size === 0) missing.push(w.word);
    else density.push(found.papers / found.any.size);
    can = new Set([...can].filter((id) => found.any.has(id)));
    exact = new Set([...exact].filter((id) => found.exact.has(id)));
  }
  const titles = look.title ? titlePapers(entries(look.title.bucket), look.title.key) : [];
  const title = new Set(titles.map((t) => t.shard));
  const order = plan.shards
    .filter((s) => can.has(s.id) && Object.entries(filters).every(([key, value]) => s.values[key as FilterKey].includes(value!)))
    .sort((a, b) => (sort === 'newest' ? 0 : rank(a) - rank(b)) || b.id - a.id);
  function rank(s: ShardInfo) {
    return title.has(s.id) ? 0 : exact.has(s.id) ? 1 : 2;
  }
  // A word too short to look up is priced as one in every paper.
  for (const w of look.words) if (!w.buckets) density.push(Infinity);
  const searched = new Set(order.map((s) => s.id));
  return { missing, order: missing.length ? [] : order, density, titles: missing.length ? [] : titles.filter((t) => searched.has(t.shard)) };
}

/**
 * What searching a shard costs, as estimated from its sizes: its entry and metadata, and per
 * query word a chunk of the shard's average size plus the word's postings, which a word most
 * papers use makes the larger part (a chunk can't split one word's postings). `density`: per
 * word, papers per shard holding it (route's), capped at the shard's size.
 */
export function shardCost(shard: ShardInfo, density: readonly number[]): number {
  const words = density.length ? density : [0];
  return ENTRY_BYTES + shard.metaBytes + words.reduce((sum, d) => sum + shard.chunkBytes * CHUNKS_PER_WORD + Math.min(d, shard.papers) * POSTING_BYTES, 0);
}
const ENTRY_BYTES = 250;
/** A word loads its own chunk and, at a chunk's edge or when its stem sorts apart, sometimes a second. */
const CHUNKS_PER_WORD = 1.2;
/** Compressed bytes of one paper's postings of a word (its page and word positions), measured. */
const POSTING_BYTES = 4;

/**
 * Index bytes a first answer may cost (its first shards, shown while the rest of the first round
 * loads), and a round (the first answer included). A round takes at least one shard.
 */
export const FIRST_BYTES = 30_000;
export const ROUND_BYTES = 160_000;

/** Splits the search order into rounds of at most `budget` estimated bytes each (at least one shard each). */
export function rounds(order: readonly ShardInfo[], density: readonly number[], budget = ROUND_BYTES): ShardInfo[][] {
  const out: ShardInfo[][] = [];
  let spent = 0;
  for (const shard of order) {
    const cost = shardCost(shard, density);
    if (out.length === 0 || spent + cost > budget) {
      out.push([]);
      spent = 0;
    }
    out[out.length - 1].push(shard);
    spent += cost;
  }
  return out;
}
