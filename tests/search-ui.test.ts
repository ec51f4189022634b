// The search page's pure parts: query ↔ URL, status text, prefix-match rejection,
// suggestion ranking, excerpts and result order across shards.
import { describe, expect, it } from 'vitest';
import { readState, stateSearch, statusText } from '../src/search/ui/state.ts';
import { isRealMatch, missingWords, wordsAt } from '../src/search/ui/match.ts';
import { editDistance, replaceWord, suggest } from '../src/search/ui/suggest.ts';
import { makeExcerpt } from '../src/search/ui/excerpt.ts';
import { listCursor, mergeCursor, shardNumber } from '../src/search/ui/order.ts';
import { buildVocabulary, countWords, vocabularyOf } from '../src/search/vocabulary.ts';

describe('query and URL', () => {
  it('round-trips query, filters and sort, leaving defaults out', () => {
    const state = readState(new URLSearchParams('q=+sparse+attention+&listed=2024&sort=comments&x=1'));
    expect(state).toEqual({ query: 'sparse attention', filters: { listed: '2024' }, sort: 'comments' });
    expect(stateSearch(state)).toBe('?q=sparse+attention&listed=2024&sort=comments');
    expect(stateSearch(readState(new URLSearchParams('q=a&sort=relevance')))).toBe('?q=a');
    expect(stateSearch(readState(new URLSearchParams('sort=bogus')))).toBe('');
  });
});

describe('status text', () => {
  it('says how many papers were found, and whether older papers are still searched', () => {
    expect(statusText({ count: 1, query: 'x', partial: false, missing: [] })).toBe('1 paper found for “x”.');
    expect(statusText({ count: 3, query: 'x', partial: true, missing: [] })).toBe('3 papers found among the newest papers for “x”; searching the whole archive…');
    expect(statusText({ count: 2, query: '', partial: false, missing: [] })).toBe('2 papers found.');
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
    expect(missingWords("banana transformer", [wordsAt(content, [2, 7])])).toEqual(['banana']);
    expect(missingWords('asdfgh', [])).toEqual(['asdfgh']);
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

describe('order across shards', () => {
  const r = (comments: number, id: string) => ({ data: async () => ({ id, comments }) });
  it('merges per-shard lists sorted by comments, loading lazily, newer shard first on ties', async () => {
    const cursor = mergeCursor(
      [
        [r(9, 'a'), r(3, 'b')],
        [r(12, 'c'), r(3, 'd'), r(1, 'e')],
      ],
      (d) => d.comments,
    );
    expect(cursor.total).toBe(5);
    expect((await cursor.next(3)).map((d) => d.id)).toEqual(['c', 'a', 'b']);
    expect(cursor.done()).toBe(false);
    expect((await cursor.next(3)).map((d) => d.id)).toEqual(['d', 'e']);
    expect(cursor.done()).toBe(true);
  });

  it('pages through a list in order, and numbers shard folders', async () => {
    const cursor = listCursor([r(1, 'x'), r(2, 'y')]);
    expect((await cursor.next(1)).map((d) => d.id)).toEqual(['x']);
    expect(cursor.done()).toBe(false);
    expect([shardNumber(''), shardNumber('shard-12/')]).toEqual([0, 12]);
  });
});
