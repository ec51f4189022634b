// The search page's pure parts: query ↔ URL, status text, prefix-match rejection,
// suggestion ranking, excerpts, and result order and paging across shards and rounds.
import { describe, expect, it } from 'vitest';
import { readState, stateSearch, statusText } from '../src/search/ui/state.ts';
import { isRealMatch, missingWords, wordsAt } from '../src/search/ui/match.ts';
import { editDistance, replaceWord, suggest } from '../src/search/ui/suggest.ts';
import { makeExcerpt } from '../src/search/ui/excerpt.ts';
import { arrange, listCursor, roundCursor, type Facts } from '../src/search/ui/order.ts';
import { asOrgPapers, keepOrg, orgFilter, orgPapersNewestFirst, orgShards } from '../src/search/ui/org-filter.ts';
import { buildVocabulary, countWords, vocabularyOf } from '../src/search/vocabulary.ts';

describe('query and URL', () => {
  it('round-trips query, filters and sort, leaving defaults out', () => {
    const state = readState(new URLSearchParams('q=+sparse+attention+&listed=2024&sort=comments&x=1'));
    expect(state).toEqual({ query: 'sparse attention', filters: { listed: '2024' }, sort: 'comments' });
    expect(stateSearch(state)).toBe('?q=sparse+attention&listed=2024&sort=comments');
    expect(stateSearch(readState(new URLSearchParams('q=a&sort=relevance')))).toBe('?q=a');
    expect(stateSearch(readState(new URLSearchParams('sort=bogus')))).toBe('');
  });

  it('carries an organisation by its slug, trimmed, and leaves an empty one out', () => {
    const state = readState(new URLSearchParams('org=+bytedance-seed+&q=video'));
    expect(state).toEqual({ query: 'video', filters: {}, sort: 'relevance', org: 'bytedance-seed' });
    expect(stateSearch(state)).toBe('?q=video&org=bytedance-seed');
    expect(readState(new URLSearchParams('org=%20'))).toEqual({ query: '', filters: {}, sort: 'relevance' });
  });
});

describe('status text', () => {
  it('says how many papers were found, while searching, and when shards were left for the reader', () => {
    expect(statusText({ count: 1, query: 'x', partial: false, missing: [] })).toBe('1 paper found for “x”.');
    expect(statusText({ count: 3, query: 'x', partial: true, missing: [] })).toBe('3 papers found so far for “x”; still searching…');
    expect(statusText({ count: 2, query: '', partial: false, missing: [] })).toBe('2 papers found.');
    expect(statusText({ count: 0, query: 'x', partial: false, missing: [] })).toBe('No paper found for “x”.');
    expect(statusText({ count: 12, query: 'x', partial: false, missing: [], searched: { papers: 5000, of: 29519 } })).toBe(
      '12 papers found for “x” in 5,000 of the 29,519 papers that could match; “Show more results” searches the others.',
    );
  });

  it('says plainly when a word matches nothing, and when a corrected query was shown', () => {
    expect(statusText({ count: 0, query: 'asdfgh', partial: false, missing: ['asdfgh'] })).toBe('No paper mentions “asdfgh”.');
    expect(statusText({ count: 0, query: 'a b', partial: false, missing: ['foo', 'bar'] })).toBe('No paper mentions “foo” or “bar”.');
    expect(statusText({ count: 4, query: 'computational', partial: false, missing: [], correctedFrom: 'comutational' })).toBe(
      '4 papers found. No paper mentions “comutational”; showing results for “computational”.',
    );
  });
});

describe('prefix-match rejection', () => {
  it('accepts the word itself, its inflections and extensions of it', () => {
    expect(isRealMatch('transformer', 'Transformer.')).toBe(true);
    expect(isRealMatch('transformers', 'transformer')).toBe(true);
    expect(isRealMatch('studies', 'study')).toBe(true);
    expect(isRealMatch('transf', 'transformer-free')).toBe(true);
    expect(isRealMatch('fingers', 'three-finger')).toBe(true);
  });

  it('rejects the short prefix Pagefind falls back to', () => {
    expect(isRealMatch('banana', 'band')).toBe(false);
    expect(isRealMatch('asdfgh', 'as')).toBe(false);
    expect(isRealMatch('blorptastic', 'blue')).toBe(false);
  });

  it('lists the query words no result really contains', () => {
    const content = 'Tiny Vision Transformer. A small transformer for band images.';
    expect(wordsAt(content, [2, 7])).toEqual(['Transformer.', 'band']);
    expect(missingWords(['banana', 'transformer'], [wordsAt(content, [2, 7])])).toEqual(['banana']);
    expect(missingWords(['asdfgh', 'x'], [])).toEqual(['asdfgh']);
  });
});

describe('suggestions', () => {
  const vocab = buildVocabulary([
    { title: 'Computational Survey Methods', text: 'computational survey of models models' },
    { title: 'Surveys of Models', text: 'computation and computational models, survey' },
  ]);

  it('counts papers per word, most used first, keeping title words', () => {
    expect(vocab.slice(0, 3)).toEqual(['computational', 'models', 'survey']);
    expect(vocab).toContain('methods'); // one paper, but a title word
    expect(vocab).not.toContain('computation'); // one paper, abstract only
  });

  it('adds up counts made per shard to the vocabulary of the whole', () => {
    const papers = [
      { title: 'Computational Survey Methods', text: 'computational survey of models models' },
      { title: 'Surveys of Models', text: 'computation and computational models, survey' },
      { title: 'Graph Methods', text: 'graph models' },
    ];
    const whole = buildVocabulary(papers);
    expect(vocabularyOf([countWords(papers.slice(0, 1)), countWords(papers.slice(1))])).toEqual(whole);
    // 'graph' is a title word of one paper; 'methods' is used by two papers only across shards.
    expect(whole.indexOf('methods')).toBeLessThan(whole.indexOf('graph'));
  });

  it('finds a word with one letter dropped, swapped or changed, nearest then most used first', () => {
    expect(editDistance('comutational', 'computational')).toBe(1);
    expect(editDistance('survye', 'survey')).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(suggest('comutational', vocab)[0]).toBe('computational');
    expect(suggest('survye', vocab)[0]).toBe('survey');
    expect(suggest('surveyz', vocab)).toEqual(['survey', 'surveys']);
    expect(suggest('xyz', vocab)).toEqual([]); // too short to guess
    expect(suggest('blorptastic', vocab)).toEqual([]);
  });

  it('replaces whole words only', () => {
    expect(replaceWord('Survye of survye-based surveys', 'survye', 'survey')).toBe('survey of survey-based surveys');
  });
});

describe('excerpts', () => {
  const title = 'Tiny Vision Transformer';
  const abstract = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
  const content = `${title}. ${abstract}.`;
  const text = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

  it('shows the abstract, not the title, ending on a whole word with …', () => {
    const parts = makeExcerpt(content, [1], 3);
    expect(text(parts)).toBe(`${abstract.split(' ').slice(0, 30).join(' ')}…`);
  });

  it('opens around the first match in the abstract, highlighted, with … on both sides', () => {
    const parts = makeExcerpt(content, [2, 3 + 40], 3);
    expect(text(parts).startsWith('…w32 ')).toBe(true);
    expect(text(parts).endsWith('…')).toBe(true);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['w40']);
  });
});

describe('order across shards and rounds', () => {
  const r = (id: string) => ({ id, data: async () => ({ id }) });
  const facts = new Map<string, Facts>([
    ['a', { shard: 0, rank: 0, comments: 9, values: { published: ['2023'], listed: ['2024'] } }],
    ['b', { shard: 1, rank: 1, comments: 3, values: { published: ['2024'], listed: ['2024', '2025'] } }],
    ['c', { shard: 1, rank: 0, comments: 3, values: { published: ['2024'], listed: ['2025'] } }],
    ['d', { shard: 0, rank: 1, comments: -1, values: { published: ['unknown'], listed: ['2024'] } }],
  ]);
  const ids = (list: { id: string }[]) => list.map((x) => x.id);
  const results = ['d', 'b', 'a', 'c'].map(r);

  it('keeps Pagefind’s order for relevance, and sorts by the facts: newest, most comments (ties newest)', () => {
    expect(ids(arrange(results, 'relevance', {}))).toEqual(['d', 'b', 'a', 'c']);
    expect(ids(arrange(results, 'newest', {}, facts))).toEqual(['c', 'b', 'a', 'd']);
    expect(ids(arrange(results, 'comments', {}, facts))).toEqual(['a', 'c', 'b', 'd']);
  });

  it('filters by every year a paper was listed in, and by its publication year', () => {
    expect(ids(arrange(results, 'relevance', { listed: '2025' }, facts))).toEqual(['b', 'c']);
    expect(ids(arrange(results, 'newest', { published: '2024', listed: '2024' }, facts))).toEqual(['b']);
    expect(ids(arrange([r('zzz'), ...results], 'relevance', { published: '2023' }, facts))).toEqual(['a']);
    expect(() => arrange(results, 'newest', {})).toThrow(/facts/);
  });

  it('pages through the first round, and loads later rounds only when asked for more', async () => {
    const loaded: number[] = [];
    const cursor = roundCursor([r('a'), r('b')], 3, async (i) => (loaded.push(i), i === 1 ? [] : [r(`x${i}`)]));
    expect(ids(await cursor.next(10))).toEqual(['a', 'b']);
    expect(loaded).toEqual([]);
    expect([cursor.done(), cursor.complete(), cursor.loaded()]).toEqual([false, false, 1]);
    // Round 1 brings nothing: round 2 is loaded for the same request.
    expect(ids(await cursor.next(10, true))).toEqual(['x2']);
    expect(loaded).toEqual([1, 2]);
    expect([cursor.done(), cursor.complete(), cursor.total()]).toEqual([true, true, 3]);
  });

  it('pages through a list in order', async () => {
    const cursor = listCursor([r('x'), r('y')]);
    expect(ids(await cursor.next(1))).toEqual(['x']);
    expect(cursor.done()).toBe(false);
    expect(ids(await cursor.next(5, true))).toEqual(['y']);
    expect(cursor.done()).toBe(true);
  });
});

describe('organisation filter', () => {
  const org = orgFilter({ name: 'NVIDIA', shards: { '0': ['a1', 'a0'], '2': ['c2', 'c1'] } });
  const ranked = (ids: string[]) => ids.map((id) => ({ id, data: async () => id }));

  it('takes a fetched file only when it is an organisation\'s', () => {
    const file = { name: 'NVIDIA', shards: { '0': ['a1'] } };
    expect(asOrgPapers(file)).toEqual(file);
    for (const other of [null, [], { name: 'x' }, { shards: {} }, { name: 'x', shards: { a: ['p'] } }, { name: 'x', shards: { '1': 'p' } }, { name: 'x', shards: { '1': [3] } }, { tag: 't', shards: [] }])
      expect(asOrgPapers(other), JSON.stringify(other)).toBeUndefined();
  });

  it('asks only the shards that hold its papers', () => {
    expect(orgShards([{ id: 0 }, { id: 1 }, { id: 2 }, { id: 3 }], org).map((s) => s.id)).toEqual([0, 2]);
  });

  it('keeps its papers in the order found', () => {
    expect(keepOrg(ranked(['c1', 'b0', 'a0', 'zz', 'c2']), org).map((r) => r.id)).toEqual(['c1', 'a0', 'c2']);
  });

  it('lists every paper newest first: newer shards first, each shard as listed', () => {
    expect(orgPapersNewestFirst(org)).toEqual([
      { shard: 2, page: 'c2' },
      { shard: 2, page: 'c1' },
      { shard: 0, page: 'a1' },
      { shard: 0, page: 'a0' },
    ]);
  });
});
