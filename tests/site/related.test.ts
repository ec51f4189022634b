import { describe, expect, it } from 'vitest';
import { idfCounted, nearest, relatedPapers, RELATED_DEFAULTS, termVectors, type RelatablePaper } from '../../src/related/related.ts';
import { encodeTermCounts, numberTerms, numberTermsKeeping, termCounts, terms, type KeptNumbering, type NumberedTerms, type TermCounts } from '../../src/related/related-terms.ts';

/** The inverse of encodeTermCounts, written here as the test's oracle. */
function decodeTermCounts(text: string): TermCounts {
  return text === '' ? [] : text.split(' ').map((p) => {
    const [t, n = '1'] = p.split(':');
    return [t, Number(n)];
  });
}

// Hand-made abstracts in three clear groups, and one that shares nothing with any of them.
const ABSTRACTS: Record<string, [string, string]> = {
  'protein-folding-a': ['Protein folding with attention', 'We predict protein structure from amino acid sequences; folding accuracy improves.'],
  'protein-folding-b': ['Folding proteins faster', 'Amino acid sequences fold into protein structures, which we predict quickly.'],
  'protein-design': ['Designing proteins', 'We design protein sequences of amino acids that fold into a chosen structure.'],
  'robot-grasping-a': ['Robot grasping from pixels', 'A robot arm learns grasping of household objects from camera pixels.'],
  'robot-grasping-b': ['Dexterous grasping', 'Our robot hand grasps unseen household objects, trained on camera images.'],
  'robot-walking': ['Legged robot walking', 'A legged robot learns walking on rough terrain with its camera.'],
  'speech-a': ['Speech recognition for dialects', 'We transcribe dialect speech audio with a recognition model for accents.'],
  'speech-b': ['Accent robust speech', 'Speech recognition of accented audio, transcribed across dialects.'],
  'speech-c': ['Speech synthesis', 'We synthesise speech audio that keeps the speaker accent.'],
  'lonely-quokka': ['Quokka census', 'Counting marsupials on Rottnest island by volunteers.'],
};
const papers = Object.entries(ABSTRACTS).map(([id, [title, text]]) => ({ id, terms: encodeTermCounts(termCounts(title, text)), firstListed: '2025-01-02' }));
const group = (id: string) => id.replace(/-[^-]+$/, '');

describe('terms', () => {
  it('lowercases, drops stopwords, numbers and short words, and stems', () => {
    expect(terms('The Models of 2024 are AI-ready; folding proteins')).toEqual(['model', 'readi', 'fold', 'protein']);
  });
  it('counts title words twice', () => {
    const counts = new Map(termCounts('Protein', 'protein folding'));
    expect(counts.get('protein')).toBe(3);
    expect(counts.get('fold')).toBe(1);
  });
  it('survives a round trip through its cached form', () => {
    const counts = termCounts('Naïve Bayes über alles', 'Zero-shot, zero-shot; x-ray.');
    expect(decodeTermCounts(encodeTermCounts(counts))).toEqual(counts);
    expect(decodeTermCounts(encodeTermCounts([]))).toEqual([]);
  });
});

describe('numberTerms', () => {
  it('numbers each distinct term once, first seen first, with counts and document frequencies', () => {
    const docs = [encodeTermCounts([['fold', 3], ['protein', 1]]), '', encodeTermCounts([['protein', 2], ['zebra', 1], ['zebras', 12]])];
    const n = numberTerms(docs);
    expect(Array.from(n.start)).toEqual([0, 2, 2, 5]);
    expect(Array.from(n.term)).toEqual([0, 1, 1, 2, 3]);
    expect(Array.from(n.count)).toEqual([3, 1, 2, 1, 12]);
    expect(Array.from(n.df)).toEqual([1, 2, 1, 1]);
  });

  it('agrees with a Map over thousands of terms (the table grows; similar terms stay apart)', () => {
    // 40,000 distinct terms (past the table's first size), each in one of 400 documents,
    // and 300 shared by every tenth document.
    const word = (i: number) => `w${i.toString(36)}`;
    const docs = Array.from({ length: 400 }, (_, d) => {
      const own = Array.from({ length: 100 }, (_, j) => word(d + 400 * j));
      const shared = d % 10 === 0 ? Array.from({ length: 300 }, (_, j) => `s${j}`) : [];
      return encodeTermCounts([...own, ...shared].sort().map((w): TermCounts[number] => [w, 1 + (d % 3)]));
    });
    const n = numberTerms(docs);
    const ids = new Map<string, number>();
    const expected = docs.flatMap((doc) => decodeTermCounts(doc).map(([t]) => (ids.has(t) ? ids.get(t)! : (ids.set(t, ids.size), ids.size - 1))));
    expect(Array.from(n.term)).toEqual(expected);
    expect(n.df.length).toBe(ids.size);
    expect(ids.size).toBe(40_300);
    expect(n.df[n.term[n.start[10] + 150]]).toBe(40);
  });
});

describe('numberTermsKeeping', () => {
  /** Each kept document's key and [term number, count] rows. */
  const rowsOf = (k: KeptNumbering) => k.keys.map((key, d): [string, [number, number][]] => [key, Array.from(k.term.subarray(k.start[d], k.start[d + 1]), (t, j) => [t, k.count[k.start[d] + j]])]);
  /** A kept numbering of those rows. */
  const keptOf = (terms: string[], rows: [string, [number, number][]][]): KeptNumbering => {
    const start = [0];
    for (const [, r] of rows) start.push(start.at(-1)! + r.length);
    const flat = rows.flatMap(([, r]) => r);
    return { terms, keys: rows.map(([k]) => k), start: Int32Array.from(start), term: Int32Array.from(flat.map(([t]) => t)), count: Int32Array.from(flat.map(([, c]) => c)) };
  };
  /** Each document's terms as [term, count], whatever numbers they were given. */
  const spelled = (n: NumberedTerms, names: string[]) =>
    Array.from({ length: n.start.length - 1 }, (_, d) => Array.from(n.term.subarray(n.start[d], n.start[d + 1]), (t, j) => [names[t], n.count[n.start[d] + j]]));
  const docs = papers.map((p) => p.terms);
  const keys = papers.map((p) => `${p.id}:1`);

  it('numbers the same terms as numberTerms, reusing kept rows without reading their strings', () => {
    const first = numberTermsKeeping(docs.slice(0, 6), keys.slice(0, 6));
    expect(first.numbered).toEqual(numberTerms(docs.slice(0, 6)));
    // A kept document is taken by its key: its strings are never read (blanked here), and
    // robot-walking's kept rows under its new key win over its string. Papers 6–9 were not
    // kept: their strings are read.
    const later = [...docs.slice(0, 5).map(() => 'never read'), docs[5], ...docs.slice(6)];
    const laterKeys = [...keys.slice(0, 5), 'robot-walking:2', ...keys.slice(6)];
    const rows = rowsOf(first.kept).map(([key, pairs]): [string, [number, number][]] => (key === 'robot-walking:1' ? ['robot-walking:2', [[0, 99]]] : [key, pairs]));
    const kept = keptOf(first.kept.terms, rows);
    const second = numberTermsKeeping(later, laterKeys, kept);
    expect(spelled(second.numbered, second.kept.terms)).toEqual(spelled(numberTerms(docs), numberTermsKeeping(docs).kept.terms).map((row, d) => (d === 5 ? [[first.kept.terms[0], 99]] : row)));
    // Terms keep their numbers from one build to the next.
    expect(second.kept.terms.slice(0, first.kept.terms.length)).toEqual(first.kept.terms);
    expect(second.kept.keys).toEqual(laterKeys);
    expect(rowsOf(second.kept)).toEqual(rowsOf(numberTermsKeeping(later, laterKeys, kept).kept));
  });

  it('gives the related papers a numbering from nothing gives', () => {
    const sortedKeys = (sorted: readonly RelatablePaper[]) => sorted.map((p) => `${p.id}:1`);
    const { kept } = numberTermsKeeping([...papers].sort((a, b) => (a.id < b.id ? -1 : 1)).slice(3).map((p) => p.terms), sortedKeys([...papers].sort((a, b) => (a.id < b.id ? -1 : 1)).slice(3)));
    const withKept = relatedPapers(papers, RELATED_DEFAULTS, (sorted) => numberTermsKeeping(sorted.map((p) => p.terms), sortedKeys(sorted), kept).numbered);
    expect(withKept).toEqual(relatedPapers(papers));
  });
});

describe('relatedPapers', () => {
  const related = relatedPapers(papers);

  it('finds the papers on the same subject first, never the paper itself', () => {
    for (const [id, list] of related) {
      expect(list).not.toContain(id);
      if (id === 'lonely-quokka') continue;
      const sameGroup = Object.keys(ABSTRACTS).filter((o) => o !== id && group(o) === group(id));
      // Every paper of the group is closer than any paper outside it.
      expect(list.slice(0, sameGroup.length).sort(), id).toEqual(sameGroup.sort());
    }
  });

  it('gives a paper that shares no term with another no related papers', () => {
    expect(related.get('lonely-quokka')).toEqual([]);
    for (const [id, list] of related) if (id !== 'lonely-quokka') expect(list).not.toContain('lonely-quokka');
  });

  it('is the same whatever order the papers come in', () => {
    expect(relatedPapers([...papers].reverse())).toEqual(related);
  });

  it('returns at most `count` papers', () => {
    expect(Math.max(...[...relatedPapers(papers, { ...RELATED_DEFAULTS, count: 2 }).values()].map((l) => l.length))).toBe(2);
  });
});

describe('termVectors and nearest', () => {
  const doc = (...ts: string[]): string => encodeTermCounts(ts.sort().map((t): TermCounts[number] => [t, 1]));

  it('keeps only the top terms, as unit vectors', () => {
    const docs = [doc('a', 'b', 'c', 'd'), doc('a', 'b', 'c', 'd'), doc('e')];
    const v = termVectors(docs, { topTerms: 2, maxShare: 1 });
    expect(v.start[1] - v.start[0]).toBe(2);
    const norm = Math.hypot(...v.weight.subarray(v.start[0], v.start[1]));
    expect(norm).toBeCloseTo(1, 12);
  });

  it('drops terms in one paper only or in every paper', () => {
    const docs = [doc('common', 'x'), doc('common', 'x'), doc('common', 'alone')];
    const v = termVectors(docs, { topTerms: 24, maxShare: 1 });
    // Only "x" (in 2 of 3 papers) is kept; the third paper keeps nothing.
    expect(Array.from(v.start)).toEqual([0, 1, 2, 2]);
  });

  it('drops terms above the maximum share once the archive is large', () => {
    // 100 papers: "often" in 60 of them (above 50 papers and 5 %) is dropped, "pair" kept.
    const docs = Array.from({ length: 100 }, (_, i) => doc(...(i < 60 ? ['often'] : []), ...(i < 2 ? ['pair'] : [`solo${i}`])));
    const v = termVectors(docs, { topTerms: 24, maxShare: 0.05 });
    expect(v.start[1] - v.start[0]).toBe(1);
    expect(v.start[61] - v.start[60]).toBe(0);
  });

  it('breaks equal scores by index, lower first', () => {
    // Papers 1, 2 and 3 are identical, so equally close to paper 0.
    const docs = [doc('p', 'q'), doc('p', 'q'), doc('p', 'q'), doc('p', 'q'), doc('z', 'y'), doc('z', 'y')];
    const found = nearest(termVectors(docs, { topTerms: 24, maxShare: 1 }), { count: 2 });
    expect(Array.from(found[0])).toEqual([1, 2]);
    expect(Array.from(found[3])).toEqual([0, 1]);
    expect(Array.from(found[4])).toEqual([5]);
  });

  it('orders by score: more shared rare terms is closer', () => {
    const docs = [doc('a', 'b', 'c'), doc('a', 'b', 'x'), doc('a', 'y', 'z'), doc('x', 'y', 'z')];
    const found = nearest(termVectors(docs, { topTerms: 24, maxShare: 1 }), { count: 3 });
    expect(Array.from(found[0])).toEqual([1, 2]);
  });
});

describe('idfCounted', () => {
  const days = (n: number, day: string) => Array.from({ length: n }, () => day);

  it('counts the papers first listed before the newest month', () => {
    const counted = idfCounted([...days(1500, '2025-01-31'), ...days(40, '2025-02-01'), ...days(10, '2024-12-01')]);
    expect(counted.slice(0, 1500).every(Boolean)).toBe(true);
    expect(counted.slice(1500, 1540).some(Boolean)).toBe(false);
    expect(counted.slice(1540).every(Boolean)).toBe(true);
  });

  it('counts every paper while the earlier months hold too few', () => {
    expect(idfCounted([...days(999, '2025-01-31'), '2025-02-01']).every(Boolean)).toBe(true);
    expect(idfCounted([...days(1000, '2025-01-31'), ...days(1001, '2025-02-01')]).every(Boolean)).toBe(true);
  });
});

describe('a new day in the newest month', () => {
  // A seeded archive: 1,200 papers of January, then two days of February.
  let seed = 7;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const vocabulary = Array.from({ length: 3000 }, (_, i) => `t${i}`);
  const paper = (id: string, firstListed: string): RelatablePaper => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 40; i++) {
      const t = vocabulary[Math.floor(random() ** 2 * vocabulary.length)];
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    return { id, firstListed, terms: encodeTermCounts([...counts].sort(([a], [b]) => (a < b ? -1 : 1))) };
  };
  const january = Array.from({ length: 1200 }, (_, i) => paper(`jan-${i}`, `2025-01-${String(1 + (i % 31)).padStart(2, '0')}`));
  const day1 = Array.from({ length: 30 }, (_, i) => paper(`feb1-${i}`, '2025-02-01'));
  const day2 = Array.from({ length: 30 }, (_, i) => paper(`feb2-${i}`, '2025-02-02'));

  it('changes an older paper’s list only by bringing new papers into it', () => {
    const before = relatedPapers([...january, ...day1]);
    const after = relatedPapers([...january, ...day1, ...day2]);
    const isNew = new Set(day2.map((p) => p.id));
    let gained = 0;
    for (const [id, list] of before) {
      const kept = after.get(id)!.filter((s) => !isNew.has(s));
      expect(kept, id).toEqual(list.slice(0, kept.length));
      if (kept.length < list.length) gained++;
    }
    // The new papers did come into some lists.
    expect(gained).toBeGreaterThan(0);
  });

  it('would reorder many lists if IDF counted every paper', () => {
    const all = (ps: RelatablePaper[]) => ps.map((p) => p.terms);
    const a = nearest(termVectors(all([...january, ...day1])));
    const b = nearest(termVectors(all([...january, ...day1, ...day2])));
    const newFrom = january.length + day1.length + day2.length - day2.length;
    const changed = a.filter((list, d) => Array.from(b[d]).filter((e) => e < newFrom).join() !== Array.from(list).slice(0, Array.from(b[d]).filter((e) => e < newFrom).length).join());
    expect(changed.length).toBeGreaterThan(0);
  });
});
