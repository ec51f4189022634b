// Pure: the files placed beside the Pagefind bundles, from what each shard's indexing kept:
// the plan (contract.ts `ShardPlan`), the term map's buckets, each shard's facts, and the
// vocabulary. Made again by every build (from cached parts, in a second or so at 1,000 days).
import { cacheKey } from '../cache/cache-key.ts';
import { compareText } from '../format/compare.ts';
import { factsFile, PLAN_FILE, termsFile, VOCAB_FILE, type ShardInfo, type ShardPlan, type Vocabulary } from './contract.ts';
import { shardFacts, valueCounts } from './facts.ts';
import type { SearchPaper } from './plan.ts';
import { encodeBucket, splitBuckets, type TermEntry } from './terms.ts';

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
  /** Its term-map keys (words, stems, whole titles) with the number of its papers holding each, any order. */
  keys: Iterable<readonly [key: string, papers: number]>;
  /** Pagefind's page id by record URL. */
  pageIds: ReadonlyMap<string, string>;
  /** Its metadata file's name. */
  meta: string;
  metaBytes: number;
  chunkBytes: number;
}

/** The files by their path under `pagefind/`, and the plan's tag. */
export function siteFiles(shards: readonly ShardParts[], url: (p: SearchPaper) => string, vocabulary: Vocabulary, bucketSize = TERMS_PER_BUCKET): { files: Map<string, string>; tag: string } {
  const files = new Map<string, string>();
  const byKey = new Map<string, [key: string, shards: number[], papers: number]>();
  shards.forEach((shard, id) => {
    for (const [key, papers] of shard.keys) {
      const entry = byKey.get(key);
      if (!entry) byKey.set(key, [key, [id], papers]);
      else {
        entry[1].push(id);
        entry[2] += papers;
      }
    }
  });
  const entries: TermEntry[] = [...byKey.values()].sort(([a], [b]) => compareText(a, b));
  const { first, buckets } = splitBuckets(entries, bucketSize);
  const ids = shards.map((_, id) => id);
  buckets.forEach((bucket, i) => files.set(termsFile(i), encodeBucket(bucket, ids)));
  const infos: ShardInfo[] = shards.map((shard, id) => {
    const facts = JSON.stringify(shardFacts(shard.papers, url, shard.pageIds));
    files.set(factsFile(id), facts);
    return { id, papers: shard.papers.length, key: shard.key, facts: cacheKey(facts).slice(0, 12), meta: shard.meta, metaBytes: shard.metaBytes, chunkBytes: shard.chunkBytes, values: valueCounts(shard.papers) };
  });
  files.set(VOCAB_FILE, vocabulary.join('\n'));
  // Everything the plan names without a digest of its own: the buckets and the vocabulary.
  const tag = cacheKey([...files].filter(([name]) => !name.startsWith('facts/')), infos).slice(0, 12);
  const plan: ShardPlan = { tag, shards: infos, terms: { first } };
  files.set(PLAN_FILE, JSON.stringify(plan));
  return { files, tag };
}
