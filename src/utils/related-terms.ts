// Pure: the terms "related papers" compares (src/utils/related.ts): Porter2 stems of the words
// the search tokeniser finds, without stopwords; per paper, kept between builds as one compact
// string; and for a whole archive, numbered in one pass over those strings without splitting
// them (30,000 papers hold ~3 million term counts: this is the hot loop of a warm build).
import { stem } from 'porter2';
import { eng } from 'stopword';
import { queryWords } from '../search/ui/words.ts';

/** A paper's terms and how often each occurs, sorted by term. */
export type TermCounts = [term: string, count: number][];

/** Title words count this many times: a title says what a paper is about. */
const TITLE_WEIGHT = 2;
const STOPWORDS = new Set(eng);

/** Stems of the words worth comparing: no stopwords, numbers, or words under 3 letters. */
export function terms(text: string): string[] {
  return queryWords(text)
    .filter((w) => w.length >= 3 && !STOPWORDS.has(w) && !/^\p{N}+$/u.test(w))
    .map((w) => stem(w));
}

/** The term counts of a paper's title and abstract (plain text). */
export function termCounts(title: string, text: string): TermCounts {
  const counts = new Map<string, number>();
  for (const t of terms(title)) counts.set(t, (counts.get(t) ?? 0) + TITLE_WEIGHT);
  for (const t of terms(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const SPACE = 32;
const COLON = 58;

/** Term counts as one string: `term` (once) or `term:count`, space-separated (stems have neither). */
export function encodeTermCounts(counts: TermCounts): string {
  return counts.map(([t, n]) => (n === 1 ? t : `${t}:${n}`)).join(' ');
}

/** The inverse of `encodeTermCounts`. */
export function decodeTermCounts(text: string): TermCounts {
  return text === '' ? [] : text.split(' ').map((p) => {
    const [t, n = '1'] = p.split(':');
    return [t, Number(n)];
  });
}

/** Documents' terms numbered: document d's are `term[start[d] .. start[d + 1])`, with their counts. */
export interface NumberedTerms {
  start: Int32Array;
  term: Int32Array;
  count: Int32Array;
  /** Per term, the number of documents using it. */
  df: Int32Array;
}

/**
 * Numbers the terms of encoded term counts, first seen first. Terms are found in an
 * open-addressing table by a hash of their characters and compared in place with their first
 * occurrence, so no substring is ever made.
 */
export function numberTerms(docs: readonly string[]): NumberedTerms {
  let cap = 1 << 16; // slots, a power of two, kept under half full
  let slots = new Int32Array(cap).fill(-1);
  // Per term: its hash, and where it first occurred (document, offset, length).
  let hashOf = new Int32Array(cap / 2);
  let docOf = new Int32Array(cap / 2);
  let offOf = new Int32Array(cap / 2);
  let lenOf = new Int32Array(cap / 2);
  let terms = 0;
  let df = new Int32Array(cap / 2);
  let size = 1 << 16;
  let term = new Int32Array(size);
  let count = new Int32Array(size);
  const start = new Int32Array(docs.length + 1);
  let at = 0;

  const same = (id: number, s: string, from: number, len: number): boolean => {
    if (lenOf[id] !== len) return false;
    const o = docs[docOf[id]];
    const off = offOf[id];
    for (let j = 0; j < len; j++) if (o.charCodeAt(off + j) !== s.charCodeAt(from + j)) return false;
    return true;
  };
  const grow = (): void => {
    cap *= 2;
    slots = new Int32Array(cap).fill(-1);
    for (let id = 0; id < terms; id++) {
      let i = hashOf[id] & (cap - 1);
      while (slots[i] !== -1) i = (i + 1) & (cap - 1);
      slots[i] = id;
    }
    const wider = (a: Int32Array) => {
      const b = new Int32Array(cap / 2);
      b.set(a);
      return b;
    };
    [hashOf, docOf, offOf, lenOf, df] = [wider(hashOf), wider(docOf), wider(offOf), wider(lenOf), wider(df)];
  };

  for (let d = 0; d < docs.length; d++) {
    const s = docs[d];
    start[d] = at;
    let i = 0;
    while (i < s.length) {
      // One `term` or `term:count`.
      const from = i;
      let h = 0x811c9dc5; // FNV-1a
      let c = s.charCodeAt(i);
      while (i < s.length && c !== SPACE && c !== COLON) {
        h = Math.imul(h ^ c, 0x01000193);
        c = s.charCodeAt(++i);
      }
      const len = i - from;
      let n = 1;
      if (c === COLON) {
        n = 0;
        while (++i < s.length && (c = s.charCodeAt(i)) !== SPACE) n = n * 10 + (c - 48);
      }
      i++; // the space
      if (len === 0) continue;
      let slot = h & (cap - 1);
      let id = slots[slot];
      while (id !== -1 && !(hashOf[id] === h && same(id, s, from, len))) {
        slot = (slot + 1) & (cap - 1);
        id = slots[slot];
      }
      if (id === -1) {
        id = terms++;
        slots[slot] = id;
        hashOf[id] = h;
        docOf[id] = d;
        offOf[id] = from;
        lenOf[id] = len;
        if (terms * 2 >= cap) grow();
      }
      df[id]++;
      if (at === size) {
        size *= 2;
        const [t, k] = [new Int32Array(size), new Int32Array(size)];
        t.set(term);
        k.set(count);
        [term, count] = [t, k];
      }
      term[at] = id;
      count[at++] = n;
    }
  }
  start[docs.length] = at;
  return { start, term: term.subarray(0, at), count: count.subarray(0, at), df: df.subarray(0, terms) };
}
