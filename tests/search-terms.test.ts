// The term map and the routing of a query to shards: keys of a text, the words a query searches,
// buckets, and which shards a query is searched in, in what order and rounds.
import { describe, expect, it } from 'vitest';
import {
  addTextKeys, bucketsFor, decodeBucket, encodeBucket, exactKeys, fold, MAX_KEY, searchWords, shardsOf, splitBuckets, titleKey, wordPrefixes, type TermEntry,
} from '../src/search/terms.ts';
import { lookup, MAX_BUCKETS_PER_WORD, rounds, route, shardCost } from '../src/search/ui/route.ts';
import type { ShardInfo } from '../src/search/contract.ts';
import { isRealMatch } from '../src/search/ui/match.ts';
import { queryWords } from '../src/format/words.ts';

describe('keys of a text', () => {
  const keys = addTextKeys('Three-finger grasps: naïve Studies of x_t https://github.com/a-lab/some-very-long-repository-name-here', new Set());

  it('holds each word and its stem, folded, and a compound joined', () => {
    for (const k of ['three', 'finger', 'threefinger', 'grasps', 'grasp', 'naive', 'studies', 'studi', 'xt']) expect(keys, k).toContain(k);
    expect([...keys].every((k) => k === k.toLowerCase() && k.length <= MAX_KEY)).toBe(true);
    expect(fold('Café')).toBe('cafe');
  });

  it('holds, for every word a real match accepts, a key starting with one of its prefixes', () => {
    // The page's own test of a match (match.ts) against the term map's: the map must never miss.
    // Each word of a text alone: its keys must let every query word it really matches find it.
    const text = 'Happy happiness: studying the studies of running runners, three-finger naïve models';
    const wanted = ['happy', 'happiness', 'happily', 'study', 'studies', 'studying', 'runn', 'run', 'runs', 'threefinger', 'fingers', 'naive', 'model', 'mod', 'modelling'];
    let checked = 0;
    for (const found of text.split(/\s+/)) {
      const keys = [...addTextKeys(found, new Set())];
      for (const w of wanted.filter((w) => isRealMatch(w, found))) {
        checked++;
        expect(keys.some((k) => wordPrefixes(w).some((p) => k.startsWith(p))), `${w} in ${found}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('gives a whole title one key, whatever its case, accents and punctuation', () => {
    expect(titleKey('Scaling MLPs: a Tale of Inductive Bias')).toBe(titleKey('scaling mlps — A TALE of inductive  bias'));
    expect(titleKey('Scaling MLPs')).not.toBe(titleKey('Scaling MLP'));
    expect(titleKey('Naïve Bayes')).toBe(titleKey('naive bayes'));
    expect(titleKey('x')).toMatch(/^#[0-9a-z]+$/);
  });
});

describe('query words', () => {
  it('reads each token as one word, drops function words while others remain', () => {
    expect(searchWords('The Three-Finger grasp of the ROBOT')).toEqual(['threefinger', 'grasp', 'robot']);
    expect(searchWords('of the')).toEqual(['of', 'the']);
    expect(searchWords('  model   model  ')).toEqual(['model']);
    expect(searchWords('“quoted”, (parens)!')).toEqual(['quoted', 'parens']);
  });

  it('looks a word up by its stem and by itself, and knows its exact keys', () => {
    expect(wordPrefixes('studies')).toEqual(['studi']);
    expect(wordPrefixes('happy')).toEqual(['happi', 'happy']);
    expect(wordPrefixes('transf')).toEqual(['transf']);
    expect(exactKeys('Studies')).toEqual(['studies', 'studi']);
  });
});

describe('buckets', () => {
  const ids = [0, 1, 2, 3, 4];
  const entries: TermEntry[] = [['#t1', [0, 4], 2, ['0:en_a', '4:en_b']], ['alpha', [0], 1], ['beta', [0, 1, 2, 3], 40], ['gamma', [4], 2], ['gammas', [], 0]];

  it('round-trip, with the shards in the shortest form (ids, those without, or a bit mask), its papers, and a title’s pages', () => {
    const text = encodeBucket(entries, ids);
    expect(text).toBe('#t1\t*h\t2\t0:en_a,4:en_b\nalpha\t0\t1\nbeta\t!4\t14\ngamma\t4\t2\ngammas\t\t0');
    expect(decodeBucket(text, ids)).toEqual(entries);
    expect(decodeBucket('', ids)).toEqual([]);
    // Among 80 shards, every third: a mask is shorter than either list.
    const many = Array.from({ length: 80 }, (_, i) => i);
    const third: TermEntry = ['k', many.filter((i) => i % 3 === 0), 27];
    expect(encodeBucket([third], many)).toMatch(/^k\t\*[0-9a-z]+\t/);
    expect(decodeBucket(encodeBucket([third], many), many)).toEqual([third]);
  });

  it('bounds each bucket by the shortest start of its first key, and finds the buckets a prefix can be in', () => {
    const keys = ['aa', 'ab', 'ba', 'bb', 'bc', 'ca', 'cb'].map((k): TermEntry => [k, [0], 1]);
    const { first, buckets } = splitBuckets(keys, 2);
    expect(first).toEqual(['', 'b', 'bc', 'cb']);
    expect(buckets.map((b) => b.map(([k]) => k))).toEqual([['aa', 'ab'], ['ba', 'bb'], ['bc', 'ca'], ['cb']]);
    // Every key is found in the bucket its bound says, and a prefix across an edge in both.
    for (const [i, bucket] of buckets.entries()) for (const [key] of bucket) expect(bucketsFor(key, first), key).toEqual([i]);
    expect(bucketsFor('b', first)).toEqual([1, 2]);
    expect(bucketsFor('c', first)).toEqual([2, 3]);
    expect(bucketsFor('0', first)).toEqual([0]);
    expect(bucketsFor('z', first)).toEqual([3]);
    expect(bucketsFor('x', [])).toEqual([]);
  });

  it('gives the shards of keys starting with a prefix, of exact keys apart, and their papers', () => {
    const found = shardsOf(entries, ['gamm'], ['gamma']);
    expect([...found.any]).toEqual([4]);
    expect([...found.exact]).toEqual([4]);
    expect(found.papers).toBe(2);
    expect(shardsOf(entries, ['be'], ['bet']).exact.size).toBe(0);
  });
});

describe('routing a query to shards', () => {
  const shard = (id: number, published = ['2024']): ShardInfo => ({
    id, papers: 100, key: `k${id}`, facts: `f${id}`, meta: `m${id}.pf_meta`, metaBytes: 1000, chunkBytes: 1000, values: { published, listed: ['2024'] }, whole: { listed: '2024' },
  });
  const plan = { shards: [shard(0, ['2023', '2024']), shard(1), shard(2), shard(3)], terms: { first: [] as string[] } };
  // One bucket holding every key: the tests give entries directly.
  const map: TermEntry[] = ([
    [titleKey('Robot Grasping Study'), [1]],
    ['grasp', [1, 3]],
    ['grasping', [1, 3]],
    ['grass', [0, 2]],
    ['robot', [0, 1, 3]],
    ['robotic', [2]],
    ['studi', [1, 2, 3]],
    ['study', [1, 2]],
  ] as [string, number[]][])
    .map(([k, shards]): TermEntry => (k.startsWith('#') ? [k, shards, 1, ['1:en_paper']] : [k, shards, shards.length * 10]))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  plan.terms.first = [map[0][0]];
  const go = (q: string, sort: 'relevance' | 'newest' | 'comments' = 'relevance', filters = {}) => {
    const look = lookup(q, searchWords(q), plan);
    return route(plan, look, () => map, filters, sort);
  };

  it('searches only shards holding every word (a word or a longer word starting with it)', () => {
    expect(go('robot').order.map((s) => s.id)).toEqual([3, 1, 0, 2]); // "robotic" in 2: a longer word, last
    expect(go('grasping robot').order.map((s) => s.id)).toEqual([3, 1]);
    // "studies" is looked up by its stem "studi"; "robotic" holds "robot" only as a longer word.
    expect(go('studies robot').order.map((s) => s.id)).toEqual([3, 1, 2]);
  });

  it('puts the shard holding the whole query as a title first, then exact matches, newest first', () => {
    expect(go('robot grasping study').order.map((s) => s.id)).toEqual([1, 3]);
    expect(go('Robot grasping: study').titles).toEqual([{ shard: 1, page: 'en_paper' }]);
    expect(go('robot grasping').titles).toEqual([]);
    expect(go('robot grasping study', 'newest').order.map((s) => s.id)).toEqual([3, 1]);
  });

  it('names a word no shard holds, and then searches nothing', () => {
    expect(go('robot zebra')).toMatchObject({ missing: ['zebra'], order: [] });
  });

  it('skips shards without a paper of the filtered value', () => {
    expect(go('robot', 'relevance', { published: '2023' }).order.map((s) => s.id)).toEqual([0]);
    expect(go('robot', 'relevance', { published: '1999' }).order).toEqual([]);
  });

  it('does not narrow by a word too short to look up, and searches every shard for it', () => {
    const first = Array.from({ length: 10 }, (_, i) => `b${i}`);
    const look = lookup('b', ['b'], { terms: { first } });
    expect(look.words[0].buckets).toBeNull();
    expect(MAX_BUCKETS_PER_WORD).toBeLessThan(first.length);
    expect(route(plan, look, () => [], {}, 'relevance').order).toHaveLength(4);
  });

  it('looks a query of enough words up as a title too', () => {
    expect(lookup('robot grasping', searchWords('robot grasping'), plan).title).toBeNull();
    expect(lookup('robot grasping study', searchWords('robot grasping study'), plan).title?.key).toBe(titleKey('Robot Grasping Study'));
  });

  it('prices a shard by its sizes and the papers each word is in, and cuts the order into rounds of at most a budget', () => {
    expect(go('robot').density).toEqual([10]);
    const cost = shardCost(plan.shards[0], [10, 10]);
    expect(cost).toBeGreaterThan(1000 + 2 * 1000);
    // A word most papers hold costs its postings too, up to the shard's size.
    expect(shardCost(plan.shards[0], [100, 10]) - cost).toBeGreaterThan(90 * 2);
    expect(shardCost(plan.shards[0], [Infinity])).toBe(shardCost(plan.shards[0], [100]));
    const order = plan.shards;
    expect(rounds(order, [10, 10], cost * 2).map((r) => r.map((s) => s.id))).toEqual([[0, 1], [2, 3]]);
    expect(rounds(order, [10, 10], 1).map((r) => r.length)).toEqual([1, 1, 1, 1]);
    expect(rounds(order, [10, 10], Infinity)).toHaveLength(1);
    expect(rounds([], [10])).toEqual([]);
  });
});

describe('words the page and the map read alike', () => {
  it('splits the same letters and digits as the page', () => {
    expect(searchWords('GPT-4o')).toEqual([queryWords('GPT-4o').join('')]);
  });
});
