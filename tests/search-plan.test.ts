// The search index plan: shard order and keys (what the cache relies on), records, facts and filter counts.
import { describe, expect, it } from 'vitest';
import { orderForShards, shardKey, shardSize, splitShards, type SearchPaper } from '../src/search/plan.ts';
import { recordUrl, toRecord } from '../src/search/record.ts';
import { facetsOf, factsById, shardFacts, shardValues } from '../src/search/facts.ts';
import { shardFolder } from '../src/search/contract.ts';
import { DEFAULT_SHARD_SIZE } from '../src/config.ts';

const paper = (slug: string, days: string[], extra: Partial<SearchPaper> = {}): SearchPaper => ({
  slug,
  title: slug.toUpperCase(),
  bodyDigest: `digest of ${slug}`,
  organization: null,
  published: '2024-03-01',
  comments: 3,
  days,
  ...extra,
});

describe('shards', () => {
  it('puts shard <id> in shard-<id>/, the oldest first, so a full shard keeps its place', () => {
    expect([0, 1, 12].map(shardFolder)).toEqual(['shard-0/', 'shard-1/', 'shard-12/']);
  });

  it('reads the shard size from the environment and refuses nonsense', () => {
    expect(shardSize({})).toBe(DEFAULT_SHARD_SIZE);
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

  it('changes a shard key with any indexed input or the engine, and not with what changes after listing', () => {
    const s = [paper('a', ['2025-01-01'])];
    const key = shardKey(s, 'e');
    expect(shardKey([paper('a', ['2025-01-01'], { bodyDigest: 'other' })], 'e')).not.toBe(key);
    expect(shardKey([paper('a', ['2025-01-01'], { title: 'Other' })], 'e')).not.toBe(key);
    expect(shardKey([paper('a', ['2025-01-01'], { published: '2024-03-02' })], 'e')).not.toBe(key);
    expect(shardKey([paper('a', ['2025-01-02'])], 'e')).not.toBe(key); // another first day
    expect(shardKey(s, 'f')).not.toBe(key);
    // Listed again, in a new year, with a new comment count: only the facts change.
    expect(shardKey([paper('a', ['2025-01-01', '2026-01-01'], { comments: 40 })], 'e')).toBe(key);
    expect(shardKey([paper('a', ['2025-01-01'], { comments: null })], 'e')).toBe(key);
  });
});

describe('records', () => {
  it('gives filter values for publication and listing years', () => {
    expect(facetsOf({ published: null, days: ['2024-12-31', '2025-01-01', '2025-02-01'] })).toEqual({
      published: ['unknown'],
      listed: ['2024', '2025'],
    });
  });

  it('keeps hostile text as text, with a site-relative URL and the dates a result shows', () => {
    const r = toRecord(paper('x', ['2025-01-01', '2026-02-01'], { title: '<script>alert(1)</script> & "q"' }), 'a <b> & c');
    expect(r.url).toBe('/papers/x/');
    expect(recordUrl({ slug: 'x' })).toBe(r.url);
    expect(r.content).toContain('<h1 data-pagefind-meta="title">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;</h1>');
    expect(r.content).toContain('<p>a &lt;b&gt; &amp; c</p>');
    expect(r.content).not.toContain('<script>');
    // Dates as filter values (kept in the fragment, never indexed as words), only the first listing.
    expect(r.content).toContain('data-pagefind-filter="shown-listed:January 1, 2025"');
    expect(r.content).toContain('data-pagefind-filter="shown-published:March 1, 2024"');
    // Nothing that changes after listing, nothing only sorting or filtering needs.
    expect(r.content).not.toMatch(/data-pagefind-sort|data-pagefind-meta="(comments|listed|published)|2026/);
  });
});

describe('facts', () => {
  const papers = [
    paper('b', ['2025-01-02'], { comments: 5 }),
    paper('a', ['2025-01-02', '2026-03-01'], { comments: null, published: null }),
    paper('c', ['2025-01-01'], { comments: 0 }),
  ];
  const ids = new Map(papers.map((p) => [recordUrl(p), `en_${p.slug}`]));

  it('lists each paper by its Pagefind page id, newest first (then by slug), with what sorting and filtering need', () => {
    expect(shardFacts(papers, recordUrl, ids)).toEqual({
      pages: ['en_a', 'en_b', 'en_c'],
      comments: [-1, 5, 0],
      published: ['unknown', '2024', '2024'],
      listed: [['2025', '2026'], ['2025'], ['2025']],
    });
    expect(factsById(shardFacts(papers, recordUrl, ids)).get('en_b')).toEqual({ rank: 1, comments: 5, values: { published: ['2024'], listed: ['2025'] } });
  });

  it('refuses a paper the bundle has no page for, naming it', () => {
    expect(() => shardFacts(papers, recordUrl, new Map([...ids].slice(1)))).toThrow(/b has no page for \/papers\/b\//);
  });

  it('lists the filter values of a shard, and the one all its papers share, for the plan', () => {
    expect(shardValues(papers)).toEqual({ values: { published: ['2024', 'unknown'], listed: ['2025', '2026'] }, whole: { listed: '2025' } });
    expect(shardValues(papers.slice(0, 1))).toEqual({ values: { published: ['2024'], listed: ['2025'] }, whole: { published: '2024', listed: '2025' } });
    expect(shardValues([])).toEqual({ values: { published: [], listed: [] }, whole: {} });
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
