// Pure: the terms "related papers" compares (src/related/related.ts): Porter2 stems of the words
// the search tokeniser finds, without stopwords; per paper, kept between builds as one compact
// string; and for a whole archive, numbered in one pass over those strings without splitting
// them (30,000 papers hold ~3 million term counts: this is the hot loop of a warm build).
import { stem } from 'porter2';
import { eng } from 'stopword';
import { queryWords } from '../format/words.ts';
import { compareText } from '../format/compare.ts';

/** A paper's terms and how often each occurs, sorted by term. */
export type TermCounts = [term: string, count: number][];

/** Title words count this many times: a title says what a paper is about. */
const TITLE_WEIGHT = 2;
const STOPWORDS = new Set(eng);

/** Each word's stem once: an archive's abstracts repeat some 100,000 words millions of times. */
const stems = new Map<string, string>();

/** Stems of the words worth comparing: no stopwords, numbers, or words under 3 letters. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of queryWords(text)) {
    if (w.length < 3 || STOPWORDS.has(w) || (!/^\p{L}/u.test(w) && /^\p{N}+$/u.test(w))) continue;
    let s = stems.get(w);
    if (s === undefined) stems.set(w, (s = stem(w)));
    out.push(s);
  }
  return out;
}

/** The term counts of a paper's title and abstract (plain text). */
export function termCounts(title: string, text: string): TermCounts {
  const counts = new Map<string, number>();
  for (const t of terms(title)) counts.set(t, (counts.get(t) ?? 0) + TITLE_WEIGHT);
  for (const t of terms(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => compareText(a, b));
}

const SPACE = 32;
const COLON = 58;

/** Term counts as one string: `term` (once) or `term:count`, space-separated (stems have neither). */
export function encodeTermCounts(counts: TermCounts): string {
  return counts.map(([t, n]) => (n === 1 ? t : `${t}:${n}`)).join(' ');
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
 * open-addressing table by a hash of their characters and compared with a copy of each term's
 * characters kept side by side (one small array, where comparing with the term's first
 * occurrence would touch a different string each time), so no substring is ever made.
 */
export function numberTerms(docs: readonly string[]): NumberedTerms {
  return numberTermsKeeping(docs).numbered;
}

/**
 * A numbering kept from one build to the next: the terms by number, and each document's rows
 * by a key that changes with its terms (related papers do not depend on which number a term
 * has, so any numbering gives the same neighbours). Flat, as it is kept on disk.
 */
export interface KeptNumbering {
  terms: string[];
  /** Per document, its key; its rows are `[start[d], start[d + 1])` of `term` and `count`. */
  keys: string[];
  start: Int32Array;
  term: Int32Array;
  count: Int32Array;
}

/**
 * `numberTerms`, where terms keep the numbers `kept` gives them and a document whose key
 * (`keys[d]`) is in `kept` takes its rows from there: a daily rebuild numbers the new papers'
 * terms only, and reads no other document (`docs` may be a function, called only for those).
 * Also returns the numbering to keep (it shares its arrays with the numbered terms).
 */
export function numberTermsKeeping(
  docs: readonly string[] | ((d: number) => string),
  keys?: readonly string[],
  kept?: KeptNumbering,
): { numbered: NumberedTerms; kept: KeptNumbering } {
  const n = typeof docs === 'function' ? keys!.length : docs.length;
  const docOf = typeof docs === 'function' ? docs : (d: number) => docs[d];
  const rows = new Rows(kept ? kept.term.length + (1 << 16) : 1 << 16);
  // The kept terms go into the table only once a document has to be read.
  const keptTerms = kept?.terms ?? [];
  let seeded = keptTerms.length === 0;
  const start = new Int32Array(n + 1);
  // Where each document's kept rows are, if it has some.
  const from = keys && kept ? positionsIn(kept.keys, keys) : undefined;
  for (let d = 0; d < n; d++) {
    start[d] = rows.at;
    const k = from ? from[d] : -1;
    if (k >= 0) {
      rows.addRows(kept!.term, kept!.count, kept!.start[k], kept!.start[k + 1]);
      continue;
    }
    if (!seeded) {
      for (const t of keptTerms) rows.table = rows.table.withTerm(t);
      seeded = true;
    }
    rows.add(docOf(d));
  }
  start[n] = rows.at;
  const termCount = Math.max(rows.table.size, keptTerms.length);
  const df = new Int32Array(termCount);
  const term = rows.term.subarray(0, rows.at);
  const count = rows.count.subarray(0, rows.at);
  for (let j = 0; j < term.length; j++) df[term[j]]++;
  const terms = rows.table.size > keptTerms.length ? [...keptTerms, ...rows.table.terms(keptTerms.length)] : keptTerms;
  return { numbered: { start, term, count, df }, kept: { terms, keys: keys ? [...keys] : [], start, term, count } };
}

/**
 * For each of `now`, its index in `before` or -1: found in step while both lists agree (a
 * build's documents are sorted as the last build's were), by a map from the first difference.
 */
export function positionsIn(before: readonly string[], now: readonly string[]): Int32Array {
  const out = new Int32Array(now.length);
  let next = 0;
  let index: Map<string, number> | undefined;
  for (let d = 0; d < now.length; d++) {
    let p = before[next] === now[d] ? next : -1;
    if (p < 0) {
      index ??= new Map(before.map((key, i) => [key, i]));
      p = index.get(now[d]) ?? -1;
    }
    out[d] = p;
    if (p >= 0) next = p + 1;
  }
  return out;
}

/** FNV-1a of a term's characters, as `Rows.add` computes it while scanning. */
function termHash(t: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  return h;
}

/** Term numbers and counts of documents, one after the other (a method per document: V8 optimises it after a few calls). */
class Rows {
  table = new TermTable(1 << 16);
  term: Int32Array;
  count: Int32Array;
  at = 0;

  constructor(capacity: number) {
    this.term = new Int32Array(capacity);
    this.count = new Int32Array(capacity);
  }

  /** Appends the terms of one document's encoded term counts. */
  add(s: string): void {
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
      let id = this.table.find(h, s, from, len);
      if (id < 0) {
        if (this.table.full()) this.table = this.table.grown();
        id = this.table.add(h, s, from, len);
      }
      if (this.at === this.term.length) this.grow();
      this.term[this.at] = id;
      this.count[this.at++] = n;
    }
  }

  /** Appends rows `[from, to)` of a numbering kept from an earlier build. */
  addRows(term: Int32Array, count: Int32Array, from: number, to: number): void {
    while (this.at + to - from > this.term.length) this.grow();
    this.term.set(term.subarray(from, to), this.at);
    this.count.set(count.subarray(from, to), this.at);
    this.at += to - from;
  }

  private grow(): void {
    const term = new Int32Array(this.term.length * 2);
    const count = new Int32Array(this.term.length * 2);
    term.set(this.term);
    count.set(this.count);
    this.term = term;
    this.count = count;
  }
}

/** Open addressing from a term's hash to its number; each term's characters kept side by side. */
class TermTable {
  /** Term number per slot, -1 for none; a power of two, kept under half full. */
  readonly slots: Int32Array;
  readonly hashOf: Int32Array;
  readonly offOf: Int32Array;
  readonly lenOf: Int32Array;
  chars = new Uint16Array(1 << 20);
  used = 0;
  size = 0;

  constructor(cap: number) {
    this.slots = new Int32Array(cap).fill(-1);
    this.hashOf = new Int32Array(cap / 2);
    this.offOf = new Int32Array(cap / 2);
    this.lenOf = new Int32Array(cap / 2);
  }

  /** The number of the term `s[from, from + len)` with hash `h`, or -1. */
  find(h: number, s: string, from: number, len: number): number {
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot];
      if (id === -1) return -1;
      if (this.hashOf[id] !== h || this.lenOf[id] !== len) continue;
      const off = this.offOf[id];
      let j = 0;
      while (j < len && this.chars[off + j] === s.charCodeAt(from + j)) j++;
      if (j === len) return id;
    }
  }

  full(): boolean {
    return this.size * 2 >= this.slots.length - 2;
  }

  /** Numbers a term not in the table yet. */
  add(h: number, s: string, from: number, len: number): number {
    const id = this.size++;
    const mask = this.slots.length - 1;
    let slot = h & mask;
    while (this.slots[slot] !== -1) slot = (slot + 1) & mask;
    this.slots[slot] = id;
    this.hashOf[id] = h;
    if (this.used + len > this.chars.length) {
      const more = new Uint16Array(Math.max(this.chars.length * 2, this.used + len));
      more.set(this.chars);
      this.chars = more;
    }
    for (let j = 0; j < len; j++) this.chars[this.used + j] = s.charCodeAt(from + j);
    this.offOf[id] = this.used;
    this.lenOf[id] = len;
    this.used += len;
    return id;
  }

  /** This table with `t` numbered next (it must not be in it yet). */
  withTerm(t: string): TermTable {
    const table = this.full() ? this.grown() : this;
    table.add(termHash(t), t, 0, t.length);
    return table;
  }

  /** The terms, by number (from number `from` on). */
  terms(from = 0): string[] {
    const out: string[] = [];
    for (let id = from; id < this.size; id++) out.push(String.fromCharCode(...this.chars.subarray(this.offOf[id], this.offOf[id] + this.lenOf[id])));
    return out;
  }

  /** The same terms in a table twice the size. */
  grown(): TermTable {
    const next = new TermTable(this.slots.length * 2);
    next.chars = this.chars;
    next.used = this.used;
    next.hashOf.set(this.hashOf);
    next.offOf.set(this.offOf);
    next.lenOf.set(this.lenOf);
    next.size = this.size;
    const mask = next.slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.hashOf[id] & mask;
      while (next.slots[slot] !== -1) slot = (slot + 1) & mask;
      next.slots[slot] = id;
    }
    return next;
  }
}
