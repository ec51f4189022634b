// The search index plan: shard order and keys (what the cache relies on) and record escaping.
import { describe, expect, it } from 'vitest';
import { facetsOf, firstSearchShards, orderForShards, shardFolder, shardKey, shardSize, splitShards, type SearchPaper } from '../src/search/plan.ts';
import { toRecord } from '../src/search/record.ts';

const paper = (slug: string, days: string[], extra: Partial<SearchPaper> = {}): SearchPaper => ({
  slug,
  title: slug.toUpperCase(),
  bodyDigest: `digest of ${slug}`,
  published: '2024-03-01',
  comments: 3,
  days,
  ...extra,
});

describe('shards', () => {
  it('puts the primary bundle in pagefind/ itself and the others in shard-<i>/', () => {
    expect([0, 1, 2].map(shardFolder)).toEqual(['', 'shard-1/', 'shard-2/']);
  });

  it('reads the shard size from the environment and refuses nonsense', () => {
    expect(shardSize({})).toBe(2500);
    expect(shardSize({ PAGEFIND_SHARD_SIZE: '250' })).toBe(250);
    expect(() => shardSize({ PAGEFIND_SHARD_SIZE: '0' })).toThrow(/PAGEFIND_SHARD_SIZE/);
    expect(() => shardSize({ PAGEFIND_SHARD_SIZE: '1.5' })).toThrow(/whole number/);
  });

  it('orders by first listed day, then slug, whatever the input order', () => {
    const papers = [paper('b', ['2025-01-02']), paper('c', ['2025-01-01', '2025-03-01']), paper('a', ['2025-01-02'])];
    expect(orderForShards(papers).map((p) => p.slug)).toEqual(['c', 'a', 'b']);
    expect(orderForShards([...papers].reverse()).map((p) => p.slug)).toEqual(['c', 'a', 'b']);
  });

  it('keeps earlier shards identical when a new day is added', () => {
    const old = Array.from({ length: 10 }, (_, i) => paper(`p${i}`, [`2025-01-0${i % 5 + 1}`]));
    const before = splitShards(orderForShards(old), 4).map((s) => shardKey(s, 'e'));
    const after = splitShards(orderForShards([...old, paper('new', ['2025-02-01'])]), 4).map((s) => shardKey(s, 'e'));
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
  });

  it('splits the newest remainder into small tail shards that only the newest day changes', () => {
    const papers = (n: number) => orderForShards(Array.from({ length: n }, (_, i) => paper(`p${String(i).padStart(3, '0')}`, ['2025-01-01'])));
    expect(splitShards(papers(23), 10).map((s) => s.length)).toEqual([10, 10, 3]);
    expect(splitShards(papers(26), 10).map((s) => s.length)).toEqual([10, 10, 5, 1]);
    expect(splitShards(papers(27), 10).map((s) => s.length)).toEqual([10, 10, 5, 2]);
    expect(splitShards(papers(30), 10).map((s) => s.length)).toEqual([10, 10, 10]);
    expect(splitShards(papers(3), 2500).map((s) => s.length)).toEqual([3]);
    expect(splitShards([], 10)).toEqual([[]]);
    // Adding papers changes only the last tail shard (and adds new ones).
    const keys = (n: number) => splitShards(papers(n), 10).map((s) => shardKey(s, 'e'));
    const [k26, k27] = [keys(26), keys(27)];
    expect(k27.slice(0, 3)).toEqual(k26.slice(0, 3));
    expect(k27[3]).not.toBe(k26[3]);
    // A completed tail becomes one full shard.
    expect(keys(30)[2]).not.toBe(keys(29)[2]);
  });

  it('changes a shard key with any indexed input or the engine', () => {
    const s = [paper('a', ['2025-01-01'])];
    const key = shardKey(s, 'e');
    expect(shardKey([paper('a', ['2025-01-01'], { bodyDigest: 'other' })], 'e')).not.toBe(key);
    expect(shardKey([paper('a', ['2025-01-01'], { title: 'Other' })], 'e')).not.toBe(key);
    expect(shardKey([paper('a', ['2025-01-01', '2026-01-01'])], 'e')).not.toBe(key); // new listed year
    expect(shardKey([paper('a', ['2025-01-01', '2025-06-01'])], 'e')).toBe(key); // same filters
    expect(shardKey(s, 'f')).not.toBe(key);
  });
});

describe('records', () => {
  it('gives filter values for publication and listing years', () => {
    expect(facetsOf({ published: null, days: ['2024-12-31', '2025-01-01', '2025-02-01'] })).toEqual({
      published: ['unknown'],
      listed: ['2024', '2025'],
    });
  });

  it('keeps hostile text as text, with a site-relative URL and readable dates', () => {
    const r = toRecord(paper('x', ['2025-01-01'], { title: '<script>alert(1)</script> & "q"' }), 'a <b> & c');
    expect(r.url).toBe('/papers/x/');
    expect(r.content).toContain('data-pagefind-meta="listed:January 1, 2025"');
    expect(r.content).toContain('<h1 data-pagefind-meta="title">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;</h1>');
    expect(r.content).toContain('<p>a &lt;b&gt; &amp; c</p>');
    expect(r.content).not.toContain('<script>');
    expect(r.content).toContain('data-pagefind-filter="listed:2025"');
  });
});

describe('filter counts', () => {
  it('counts each paper once per value, newest year first and unknown last', async () => {
    const { countFacets } = await import('../src/search/count-facets.ts');
    const counts = countFacets([
      { published: '2023-05-01', days: ['2024-12-31', '2025-01-01'] },
      { published: null, days: ['2025-01-02'] },
      { published: '2025-01-01', days: ['2025-03-01'] },
    ]);
    expect(counts.published).toEqual([['2025', 1], ['2023', 1], ['unknown', 1]]);
    expect(counts.listed).toEqual([['2025', 3], ['2024', 1]]);
  });
});

describe('firstSearchShards', () => {
  it('asks the newest shard alone when it holds enough papers', () => {
    expect(firstSearchShards([2500, 2500, 2500], 2500)).toBe(1);
  });
  it('adds older shards while the newest ones hold fewer than the minimum', () => {
    expect(firstSearchShards([75, 2500, 2500], 2500)).toBe(2);
    expect(firstSearchShards([3, 4, 4], 10)).toBe(3);
    expect(firstSearchShards([3, 4], 100)).toBe(2);
  });
  it('always asks the primary', () => {
    expect(firstSearchShards([0], 2500)).toBe(1);
    expect(firstSearchShards([], 2500)).toBe(0);
  });
});
