// Related papers (src/related/related.ts, related-terms.ts) on small cases worked out by hand,
// and the term table past its first sizes. Everything is computed inside its test, so a
// mutant active during the test is seen (related.test.ts computes some at collection time).
import { describe, expect, it } from 'vitest';
import { idfCounted, nearest, relatedPapers, termVectors, type Vectors } from '../src/related/related.ts';
import { encodeTermCounts, numberTerms, numberTermsKeeping, termCounts, terms } from '../src/related/related-terms.ts';

const opts = { topTerms: 16, maxShare: 0.05 };
/** Unit vectors as termVectors writes them, from [term, weight] rows. */
const vectors = (rows: [number, number][][], termCount: number): Vectors => {
  const start = [0];
  for (const r of rows) start.push(start.at(-1)! + r.length);
  return {
    start: Int32Array.from(start),
    term: Int32Array.from(rows.flat().map(([t]) => t)),
    weight: Float64Array.from(rows.flat().map(([, w]) => w)),
    terms: termCount,
  };
};
const lists = (found: Int32Array[]) => found.map((f) => [...f]);

describe('terms', () => {
  it('keeps words of three letters or more, not stopwords, not bare numbers, stemmed', () => {
    expect(terms('ab cat the models 2024 4bit 3d5')).toEqual(['cat', 'model', '4bit', '3d5']);
  });

  it('counts title words twice, sorted by term', () => {
    expect(termCounts('Zebra Graphs', 'graph zebra of graphs')).toEqual([
      ['graph', 4],
      ['zebra', 3],
    ]);
  });

  it('writes a count of one as the bare term', () => {
    expect(encodeTermCounts([['a', 1], ['b', 3]])).toBe('a b:3');
  });
});

describe('numberTerms', () => {
  it('numbers terms first seen first, with counts and document frequencies', () => {
    const n = numberTerms(['b a:2', 'a c', '']);
    expect([...n.start]).toEqual([0, 2, 4, 4]);
    expect([...n.term]).toEqual([0, 1, 1, 2]);
    expect([...n.count]).toEqual([1, 2, 1, 1]);
    expect([...n.df]).toEqual([1, 2, 1]);
  });

  it('skips empty terms between double spaces', () => {
    expect([...numberTerms(['a  b']).term]).toEqual([0, 1]);
  });

  it('tells apart terms with the same hash, of the same length or not', () => {
    // FNV-1a collisions (found by search): htqovyt/icpbbgl, undogs/xewrgit.
    const n = numberTerms(['htqovyt icpbbgl undogs xewrgit', 'icpbbgl xewrgit']);
    expect([...n.term]).toEqual([0, 1, 2, 3, 1, 3]);
    expect([...n.df]).toEqual([1, 2, 1, 2]);
  });

  it('keeps the numbering of kept terms, and gives back exactly the terms it numbered', () => {
    const none = { keys: [], start: Int32Array.of(0), term: new Int32Array(0), count: new Int32Array(0) };
    const { numbered, kept } = numberTermsKeeping(['b a'], ['k'], { terms: ['a', 'b'], ...none });
    expect([...numbered.term]).toEqual([1, 0]);
    expect(kept.terms).toEqual(['a', 'b']);
    expect(kept.keys).toEqual(['k']);
    expect([...kept.start, ...kept.term, ...kept.count]).toEqual([0, 2, 1, 0, 1, 1]);
    // Read from a function, only for the documents not kept.
    expect(numberTermsKeeping((d) => ['c a', 'never'][d], ['j', 'k'], kept).kept.terms).toEqual(['a', 'b', 'c']);
    expect(numberTermsKeeping(['x y'], ['k']).kept.terms).toEqual(['x', 'y']);
  });

  it('grows its tables past 32,768 terms, 65,536 rows and a million characters', () => {
    // 40,000 distinct 30-character terms (1.2 million characters), each in two documents.
    const words = Array.from({ length: 40_000 }, (_, i) => `t${String(i).padStart(29, '0')}`);
    const doc = words.join(' ');
    const { numbered, kept } = numberTermsKeeping([doc, doc], ['a', 'b']);
    expect(numbered.df).toHaveLength(40_000);
    expect(numbered.df.every((f) => f === 2)).toBe(true);
    expect(numbered.term[79_999]).toBe(39_999);
    expect(kept.terms[39_999]).toBe(words[39_999]);
    // Again from the kept numbering: rows taken as kept (80,000 of them), a new document read.
    const again = numberTermsKeeping([doc, doc, `${words[39_999]} ${words[33_000]} new`], ['a', 'b', 'c'], kept).numbered;
    expect([...again.term.subarray(80_000)]).toEqual([39_999, 33_000, 40_000]);
    expect(again.df[39_999]).toBe(3);
    expect(again.df).toHaveLength(40_001);
  });
});

describe('termVectors', () => {
  // df: a 2, b 3, c 3, d 2, e 2, f 1 of N = 6; idf = ln(6 / df), 0 for f (in one paper only).
  const docs = ['a b c', 'a b', 'b c', 'c d', 'd e', 'e f'];
  const ln = Math.log;

  it('keeps each paper’s terms by (1 + ln tf) · ln(N / df), best first, as unit vectors', () => {
    const v = termVectors(docs, opts);
    expect([...v.start]).toEqual([0, 3, 5, 7, 9, 11, 12]);
    // Paper 0: a (ln 3) before b and c (ln 2 each; equal, so in term order).
    expect([...v.term.subarray(0, 3)]).toEqual([0, 1, 2]);
    const norm = Math.hypot(ln(3), ln(2), ln(2));
    expect(v.weight[0]).toBeCloseTo(ln(3) / norm, 12);
    expect(v.weight[1]).toBeCloseTo(ln(2) / norm, 12);
    // Paper 5: e only (f is in one paper).
    expect([...v.term.subarray(11)]).toEqual([4]);
    expect(v.weight[11]).toBe(1);
    expect(v.terms).toBe(6);
  });

  it('weighs repeated terms by 1 + ln tf and keeps the top terms only', () => {
    // Same idf (ln 2) for x, y, z: weights grow x < y < z, each new one goes first.
    const v = termVectors(['x y:2 z:3', 'x y z', 'q', 'q'], { topTerms: 2, maxShare: 0.05 });
    expect([...v.term.subarray(0, 2)]).toEqual([2, 1]);
    const wy = 1 + ln(2);
    const wz = 1 + ln(3);
    expect(v.weight[0]).toBeCloseTo(wz / Math.hypot(wy, wz), 12);
    expect([...v.term.subarray(2, 4)]).toEqual([0, 1]);
  });

  it('keeps a term in exactly the maximum number of papers, drops one in more', () => {
    // 60 papers: maxDf = max(50, 60 · 0.05) = 50.
    const at = (n: number) => Array.from({ length: 60 }, (_, i) => (i < n ? 'common rare' : `own${i} own${i}x`));
    const fifty = termVectors(at(50), opts);
    expect(fifty.start[1] - fifty.start[0]).toBe(2);
    const more = termVectors(at(51), opts);
    expect(more.start[1] - more.start[0]).toBe(0);
  });

  it('takes N and df from the counted papers, and df from all for a term in fewer than two of them', () => {
    // Counted: papers 0-3. a: counted df 2 (all 3); b: counted df 1, so all-paper df 2.
    const v = termVectors(['a b', 'a', 'x y', 'x y', 'a b'], opts, [true, true, true, true, false]);
    // N = 4: idf a = ln 2, b = ln(4 / 2) = ln 2 (its df from all papers): equal, term order.
    expect([...v.term.subarray(0, 2)]).toEqual([0, 1]);
    expect(v.weight[0]).toBeCloseTo(Math.SQRT1_2, 12);
    const w = termVectors(['a b:3', 'a', 'b', 'b', 'a b'], opts, [true, true, true, true, false]);
    // a: counted df 2, idf ln 2; b: counted df 3, idf ln(4/3); tf 3: (1 + ln 3) · ln(4/3) = 0.602 < ln 2 = 0.693.
    expect([...w.term.subarray(0, 2)]).toEqual([0, 1]);
    expect(w.weight[1] / w.weight[0]).toBeCloseTo(((1 + ln(3)) * ln(4 / 3)) / ln(2), 12);
  });
});

describe('nearest', () => {
  it('finds the papers sharing kept terms, best cosine first, at most `count`', () => {
    const v = vectors(
      [
        [[0, 1]],
        [[0, 0.6], [1, 0.8]],
        [[1, 1]],
        [[0, 0.8], [1, 0.6]],
        [[2, 1]],
      ],
      3,
    );
    expect(lists(nearest(v, { count: 5 }))).toEqual([[3, 1], [3, 2, 0], [1, 3], [1, 0, 2], []]);
    expect(lists(nearest(v, { count: 2 }))).toEqual([[3, 1], [3, 2], [1, 3], [1, 0], []]);
  });

  it('gives equal scores to the lower index first, whatever order they were found in', () => {
    const h = Math.SQRT1_2;
    const v = vectors([[[1, h], [0, h]], [[0, 1]], [[1, 1]]], 2);
    expect(lists(nearest(v, { count: 5 }))[0]).toEqual([1, 2]);
  });
});

describe('idfCounted', () => {
  const days = (n: number, day: string) => Array<string>(n).fill(day);

  it('counts the papers before the newest month once there are 1,000 and they are half or more', () => {
    const list = [...days(1000, '2025-02-10'), '2025-03-01', '2025-03-05'];
    const counted = idfCounted(list);
    expect(counted.filter(Boolean)).toHaveLength(1000);
    expect(counted.slice(-2)).toEqual([false, false]);
    const half = idfCounted([...days(1000, '2025-02-10'), ...days(999, '2025-03-01'), '2025-03-05']);
    expect(half.filter(Boolean)).toHaveLength(1000);
  });

  it('counts every paper when fewer come before the newest month', () => {
    expect(idfCounted([...days(999, '2025-02-10'), '2025-03-05']).every(Boolean)).toBe(true);
    expect(idfCounted([...days(1000, '2025-02-10'), ...days(1001, '2025-03-01')]).every(Boolean)).toBe(true);
  });
});

describe('relatedPapers', () => {
  it('maps each id to its neighbours’ ids, in id order', () => {
    // x is in a and b only; y in all three (no use); z in c only.
    const papers = [
      { id: 'c', terms: 'y z', firstListed: '2025-01-01' },
      { id: 'a', terms: 'x y', firstListed: '2025-01-02' },
      { id: 'b', terms: 'x y', firstListed: '2025-01-03' },
    ];
    const related = relatedPapers(papers);
    expect([...related]).toEqual([
      ['a', ['b']],
      ['b', ['a']],
      ['c', []],
    ]);
  });
});
