// The search page's pure parts (src/search/ui/) at their edges: excerpt parts, real matches,
// the URL state and status line, suggestions, paging, routing. Every value is computed inside
// its test (not while tests are collected), so a mutant active during the test is seen.
import { describe, expect, it } from 'vitest';
import { makeExcerpt, titleWordCount } from '../src/search/ui/excerpt.ts';
import { isRealMatch, missingWords, wordsAt } from '../src/search/ui/match.ts';
import { roundCursor } from '../src/search/ui/order.ts';
import { lookup, route } from '../src/search/ui/route.ts';
import { isActive, readState, statusText } from '../src/search/ui/state.ts';
import { allowedEdits, editDistance, replaceWord, suggest } from '../src/search/ui/suggest.ts';
import type { ShardInfo } from '../src/search/contract.ts';

const plain = (text: string) => ({ text, mark: false });
const mark = (text: string) => ({ text, mark: true });

describe('makeExcerpt', () => {
  it('skips the title’s words, whatever the spacing', () => {
    expect(makeExcerpt(' Title  one   two', [], 1)).toEqual([plain('one two')]);
    expect(makeExcerpt('Only Title', [0, 1], 2)).toEqual([]);
  });

  it('marks a match on the abstract’s first word, and adjacent matches apart', () => {
    expect(makeExcerpt('T a b c', [1], 1)).toEqual([mark('a'), plain(' b c')]);
    expect(makeExcerpt('T a b c', [1, 2], 1)).toEqual([mark('a'), plain(' '), mark('b'), plain(' c')]);
  });

  it('keeps punctuation around a match outside the mark', () => {
    expect(makeExcerpt('T see (LLM), here', [2], 1)).toEqual([plain('see ('), mark('LLM'), plain('), here')]);
    expect(makeExcerpt('T x LLM),', [2], 1)).toEqual([plain('x '), mark('LLM'), plain('),')]);
  });

  it('ends the last window at the abstract’s end, with … only before it', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
    const parts = makeExcerpt(`T ${words.join(' ')}`, [1 + 95], 1);
    expect(parts[0]).toEqual(plain(`…${words.slice(70, 95).join(' ')} `));
    expect(parts.slice(1)).toEqual([mark('w95'), plain(` ${words.slice(96).join(' ')}`)]);
  });

  it('adds … after a cut, as its own part after a mark, trimming punctuation after a word', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    // Matches at w10 and w31: the window opens 8 words before the first, w2 … w31, and its
    // last word is marked, so the … stands apart.
    expect(makeExcerpt(`T ${words.join(' ')}`, [11, 32], 1).slice(-2)).toEqual([mark('w31'), plain('…')]);
    words[29] = 'w29,;';
    expect(makeExcerpt(`T ${words.join(' ')}`, [], 1)).toEqual([plain(`${words.slice(0, 29).join(' ')} w29…`)]);
    // Short enough: no … at all.
    expect(makeExcerpt('T a b.', [], 1)).toEqual([plain('a b.')]);
  });

  it('counts a title’s words', () => {
    expect(titleWordCount('  Tiny  Vision ')).toBe(2);
    expect(titleWordCount('A B C')).toBe(3);
  });
});

describe('matches', () => {
  it('needs a word, and takes the hyphenated word whole or in parts', () => {
    expect(isRealMatch('', 'anything')).toBe(false);
    expect(isRealMatch('threefinger', 'three-finger')).toBe(true);
  });

  it('takes a word extending the query word, or its stem, at the start only', () => {
    // "happy" stems to "happi": "happygolucky" extends the word, "happiest" the stem.
    expect(isRealMatch('happy', 'happygolucky')).toBe(true);
    expect(isRealMatch('happy', 'happiest')).toBe(true);
    expect(isRealMatch('happy', 'unhappy')).toBe(false);
  });

  it('reads the words at positions that exist', () => {
    expect(wordsAt(' a  b', [0, 1])).toEqual(['a', 'b']);
    expect(wordsAt('a b', [5])).toEqual([]);
  });

  it('reports missing words of two letters or more', () => {
    expect(missingWords(['ab', 'c'], [])).toEqual(['ab']);
  });
});

describe('state', () => {
  it('trims filter values and drops empty ones', () => {
    expect(readState(new URLSearchParams('listed=+2024+&published=')).filters).toEqual({ listed: '2024' });
    expect(readState(new URLSearchParams('published=%20')).filters).toEqual({});
  });

  it('is active with a query or a filter', () => {
    expect(isActive({ query: '', filters: {}, sort: 'relevance' })).toBe(false);
    expect(isActive({ query: 'x', filters: {}, sort: 'relevance' })).toBe(true);
    expect(isActive({ query: '', filters: { listed: '2024' }, sort: 'relevance' })).toBe(true);
    expect(isActive({ query: '', filters: {}, sort: 'relevance', org: 'nvidia' })).toBe(true);
    expect(isActive({ query: '', filters: {}, sort: 'relevance', org: '' })).toBe(false);
  });

  it('lists three or more missing words with commas', () => {
    expect(statusText({ count: 0, query: 'a b c', partial: false, missing: ['a', 'b', 'c'] })).toBe('No paper mentions “a”, “b”, “c”.');
  });
});

describe('suggestions', () => {
  it('gives up early on words whose lengths differ by more than the edits allowed', () => {
    expect(editDistance('a', 'abcdef')).toBe(3);
    expect(editDistance('ab', 'ba')).toBe(1);
    // Two substitutions, not one swap: the swap needs both letters to trade places.
    expect(editDistance('aaab', 'aaca')).toBe(2);
    expect(editDistance('aaab', 'aabc')).toBe(2);
  });

  it('allows no edit below 4 letters, one below 8, two from 8', () => {
    expect(['abc', 'abcd', 'abcdefg', 'abcdefgh'].map(allowedEdits)).toEqual([0, 1, 1, 2]);
  });

  it('never suggests the word itself', () => {
    expect(suggest('survey', ['survey', 'surveys'])).toEqual(['surveys']);
  });

  it('orders by distance, then by the vocabulary’s order (most used first)', () => {
    const vocab = ['abcdefxx', 'abcdefgx', 'abcdefgy', 'abcdefhg'];
    expect(suggest('abcdefgh', vocab, 4)).toEqual(['abcdefgx', 'abcdefgy', 'abcdefhg', 'abcdefxx']);
    expect(suggest('abcdefgh', vocab)).toEqual(['abcdefgx', 'abcdefgy', 'abcdefhg']);
  });

  it('replaces a word with regular-expression characters literally', () => {
    expect(replaceWord('c++ and c', 'c++', 'cpp')).toBe('cpp and c');
  });
});

describe('roundCursor', () => {
  it('loads a further round only when the loaded results cannot fill the page', async () => {
    const r = (id: string) => ({ id, data: async () => id });
    const loaded: number[] = [];
    const cursor = roundCursor([r('a'), r('b'), r('c')], 3, async (i) => (loaded.push(i), [r(`x${i}`)]));
    expect(await cursor.next(2, true)).toEqual(['a', 'b']);
    expect(loaded).toEqual([]);
    // One left of three loaded, two asked for: round 1 comes in.
    expect(await cursor.next(2, true)).toEqual(['c', 'x1']);
    expect(loaded).toEqual([1]);
    expect(await cursor.next(1, true)).toEqual(['x2']);
    expect(loaded).toEqual([1, 2]);
  });

  it('does not load when exactly enough are loaded', async () => {
    const r = (id: string) => ({ id, data: async () => id });
    const loaded: number[] = [];
    const cursor = roundCursor([r('a'), r('b')], 2, async (i) => (loaded.push(i), []));
    expect(await cursor.next(2, true)).toEqual(['a', 'b']);
    expect(loaded).toEqual([]);
  });
});

describe('route', () => {
  const shard = (id: number): ShardInfo => ({ id, papers: 10, key: '', facts: '', meta: '', metaBytes: 100, chunkBytes: 100, values: { published: [], listed: [] }, whole: {} });

  it('looks a word up in up to three buckets', () => {
    // "b" spans buckets 0 ("" to "ba"), 1 ("ba"…) and 2 ("bb"…); "c" starts bucket 3.
    expect(lookup('b', ['b'], { terms: { first: ['', 'ba', 'bb', 'c'] } }).words[0].buckets).toEqual([0, 1, 2]);
    expect(lookup('b', ['b'], { terms: { first: ['', 'ba', 'bb', 'bc', 'c'] } }).words[0].buckets).toBeNull();
  });

  it('lists a word’s buckets in ascending order even when its stem sorts after it', () => {
    // "capabilities" stems to "capabl", which sorts after the word: bucket 1 ("capabj"…) for
    // the stem, bucket 0 for the word.
    expect(lookup('capabilities', ['capabilities'], { terms: { first: ['', 'capabj', 'capabm'] } }).words[0].buckets).toEqual([0, 1]);
  });

  it('prices a word too short to look up as one in every paper', () => {
    const look = lookup('b', ['b'], { terms: { first: ['', 'ba', 'bb', 'bc', 'c'] } });
    expect(route({ shards: [shard(0), shard(1)] }, look, () => [], {}, 'relevance').density).toEqual([Infinity]);
  });
});
