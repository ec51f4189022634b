// Pure: the files placed beside the Pagefind bundles, from what each shard's indexing kept:
// the plan (contract.ts `ShardPlan`), the term map's buckets, each shard's facts, the
// vocabulary, and the organisations' papers (org-files.ts). Made again by every build (from cached parts, in a second or so at 1,000 days).
import { cacheKey } from '../cache/cache-key.ts';
import { compareText } from '../format/compare.ts';
import { factsFile, PLAN_FILE, termsFile, VOCAB_FILE, type ShardInfo, type ShardPlan, type Vocabulary } from './contract.ts';
import { shardFacts, shardValues } from './facts.ts';
import { orgFiles } from './org-files.ts';
import type { SearchPaper } from './plan.ts';
import { encodeBucket, splitBuckets, titleKey, type TermEntry } from './terms.ts';

/**
 * Keys per term-map bucket. A query fetches one bucket per word (two for a word at a bucket's
 * edge), and the plan that every search loads lists each bucket's first key: at 400 keys a
 * bucket is 1–2 KB compressed and the list ~2 KB at 1,000 days (measured, docs/search.md).
 */
export const TERMS_PER_BUCKET = 400;

/** What the site files need of one shard (oldest first; a shard's id is its place). */
export interface ShardParts {
  papers: readonly SearchPaper[];
  /** Digest of its bundle. */
  key: string;
  /** Its term-map keys (words and stems) with the number of its papers holding each, any order. */
  keys: Iterable<readonly [key: string, papers: number]>;
  /** Pagefind's page id by record URL. */
  pageIds: ReadonlyMap<string, string>;
  /** Its metadata file's name. */
  meta: string;
  metaBytes: number;
  chunkBytes: number;
}

/** The term map's entries as they are gathered, by key (shards added in id order). */
export type TermTable = Map<string, [key: string, shards: number[], papers: number, pages?: string[]]>;

/** Adds shard `id`'s keys, and a key per whole title with its paper, to `table`. Shards come in id order. */
export function addShardTerms(table: TermTable, shard: Pick<ShardParts, 'keys' | 'papers' | 'pageIds'>, id: number, url: (p: SearchPaper) => string): void {
  const add = (key: string, papers: number, page?: string) => {
    const entry = table.get(key) ?? (table.set(key, [key, [], 0, page === undefined ? undefined : []]), table.get(key)!);
    if (entry[1].at(-1) !== id) entry[1].push(id);
    entry[2] += papers;
    if (page !== undefined) entry[3]!.push(`${id}:${page}`);
  };
  for (const [key, papers] of shard.keys) add(key, papers);
  // A key per whole title, with its paper: a pasted title is shown before any shard is searched.
  for (const p of shard.papers) add(titleKey(p.title), 1, shard.pageIds.get(url(p)));
}

/**
 * The files by their path under `pagefind/`, and the plan's tag. `table` may hold the terms of
 * the first `from` shards already (a build keeps those of its full shards, which never change).
 */
export function siteFiles(
  shards: readonly ShardParts[],
  url: (p: SearchPaper) => string,
  vocabulary: Vocabulary,
  { bucketSize = TERMS_PER_BUCKET, table = new Map() as TermTable, from = 0 } = {},
): { files: Map<string, string>; tag: string } {
  const files = new Map<string, string>();
  const byKey = table;
  for (let id = from; id < shards.length; id++) addShardTerms(byKey, shards[id], id, url);
  const entries: TermEntry[] = [...byKey.values()].map(([key, ids, papers, pages]) => (pages ? [key, ids, papers, pages] : [key, ids, papers]) as TermEntry).sort(([a], [b]) => compareText(a, b));
  const { first, buckets } = splitBuckets(entries, bucketSize);
  const ids = shards.map((_, id) => id);
  buckets.forEach((bucket, i) => files.set(termsFile(i), encodeBucket(bucket, ids)));
  const infos: ShardInfo[] = shards.map((shard, id) => {
    const facts = JSON.stringify(shardFacts(shard.papers, url, shard.pageIds));
    files.set(factsFile(id), facts);
    return { id, papers: shard.papers.length, key: shard.key, facts: cacheKey(facts).slice(0, 12), meta: shard.meta, metaBytes: shard.metaBytes, chunkBytes: shard.chunkBytes, ...shardValues(shard.papers) };
  });
  files.set(VOCAB_FILE, vocabulary.join('\n'));
  for (const [name, text] of orgFiles(shards, url)) files.set(name, text);
  // Everything the plan names without a digest of its own: the buckets, the vocabulary, the organisations.
  const tag = cacheKey([...files].filter(([name]) => !name.startsWith('facts/')), infos).slice(0, 12);
  const plan: ShardPlan = { tag, shards: infos, terms: { first } };
  files.set(PLAN_FILE, JSON.stringify(plan));
  return { files, tag };
}
