// Pure planning of the search index: which papers go in which shard, and what each record
// holds. Shards bound Pagefind's indexing memory (it grows ~200 KB per page while writing)
// and let a rebuild reuse every shard whose papers did not change.
import { createHash } from 'node:crypto';
import { readConfig } from '../config.ts';
import { compareText } from '../format/compare.ts';

/** Bump when the record format, or what a shard's cache folder keeps, changes, so cached shards are rebuilt. */
export const RECORD_VERSION = 7;

/**
 * Pagefind's index chunk size (`PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`, bytes of index before
 * compression; Pagefind's default is 20,000). A search loads one chunk per query word in each
 * shard it searches, and the metadata file lists every chunk: smaller chunks cost less per
 * word and more per shard. Chosen by measurement (docs/search.md).
 */
export const INDEX_CHUNK_SIZE = 2000;

/**
 * What the index plans with, for each paper. The abstract itself is read again only for a
 * shard that must be indexed, so planning holds 30,000 papers in a few megabytes.
 */
export interface SearchPaper {
  slug: string;
  title: string;
  /** Digest of the abstract as stored (the Markdown body): the shard key's part of it. */
  bodyDigest: string;
  published: string | null;
  /** Comment count as of the latest listing, null when unknown (kept out of the Pagefind index: it changes). */
  comments: number | null;
  /** Every day it was listed, sorted. */
  days: readonly string[];
  /** The organisation it was listed under, as captured (kept out of the Pagefind index: see org-files.ts). */
  organization: string | null;
}

/**
 * Papers per shard (`PAGEFIND_SHARD_SIZE`, default 1,250), from the environment. Pagefind's
 * indexer peaks at ~0.5 GB for 2,500 papers (6 GB for 30,000 in one index) beside Astro. A
 * query loads only the shards that can match it, and each costs its metadata (~7 bytes a paper)
 * and a chunk per word: smaller shards cost less for rare words and titles, larger ones less per
 * paper for words nearly every paper holds (measured, docs/search.md).
 */
export function shardSize(env: NodeJS.ProcessEnv = process.env): number {
  return readConfig(env).shardSize;
}

/**
 * Papers in shard order: by the day first listed, then slug. New days append to the last
 * shard, so the shards before it keep their contents (and their cache) from day to day.
 */
export function orderForShards<T extends Pick<SearchPaper, 'slug' | 'days'>>(papers: readonly T[]): T[] {
  return [...papers].sort((a, b) => compareText(a.days[0], b.days[0]) || compareText(a.slug, b.slug));
}


/**
 * Shards of the newest papers (fewer than a full shard) hold a `TAIL_PARTS`th of a shard each,
 * so a daily rebuild indexes at most that many papers again, not a whole shard. Each shard a
 * search asks costs an index chunk per query word, so more parts would make searches of the
 * newest papers heavier to make the owner's rebuild lighter.
 */
export const TAIL_PARTS = 2;

/** Papers in a full tail shard. */
export function tailSize(size: number): number {
  return Math.ceil(size / TAIL_PARTS);
}

/**
 * Splits ordered papers into shards of `size`, the newest remainder into tail shards of
 * `size / TAIL_PARTS`. Papers only append (new days come last), so every shard but the last
 * keeps its contents; when the tail reaches `size` papers, its shards become one full shard.
 */
export function splitShards<T>(ordered: readonly T[], size: number): T[][] {
  const shards: T[][] = [];
  const full = ordered.length - (ordered.length % size);
  for (let i = 0; i < full; i += size) shards.push(ordered.slice(i, i + size));
  const tail = tailSize(size);
  for (let i = full; i < ordered.length; i += tail) shards.push(ordered.slice(i, i + tail));
  return shards.length ? shards : [[]];
}

/**
 * A key for a shard's inputs: equal keys give identical Pagefind bundles. Only what the record
 * holds counts (see record.ts): a paper listed again, with a new comment count or in a new year,
 * changes its shard's facts file, not its bundle, so a new day re-indexes only the tail shard.
 */
export function shardKey(papers: readonly SearchPaper[], engine: string): string {
  const h = createHash('sha256').update(`${RECORD_VERSION}\0${engine}\0${INDEX_CHUNK_SIZE}\0`);
  for (const p of papers) {
    h.update(JSON.stringify([p.slug, p.title, p.bodyDigest, p.published, p.days[0]]));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 20);
}
