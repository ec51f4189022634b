// Pure: "related papers" by TF-IDF cosine over an inverted index, in time roughly linear in
// the archive. Each paper keeps only its `topTerms` best terms by tf-idf (terms in more than
// `maxShare` of papers, or in one paper only, cannot tell neighbours apart and are dropped),
// and dot products are summed over the postings of those terms: never all pairs of papers.
import { numberTerms, type NumberedTerms } from './related-terms.ts';
import { compareById } from '../format/compare.ts';

const isNumbered = (docs: readonly string[] | NumberedTerms): docs is NumberedTerms => !Array.isArray(docs);

export interface RelatedOptions {
  /** Neighbours per paper. */
  count: number;
  /** Terms kept per paper, by tf-idf. */
  topTerms: number;
  /** Terms in more than this share of the papers are dropped. */
  maxShare: number;
}

export const RELATED_DEFAULTS: RelatedOptions = { count: 5, topTerms: 16, maxShare: 0.05 };

/** Terms in up to this many papers are kept whatever `maxShare` says (small archives). */
const MIN_MAX_DF = 50;

/** Sparse unit vectors in compressed rows: document d's entries are `[start[d], start[d + 1])`. */
export interface Vectors {
  start: Int32Array;
  term: Int32Array;
  weight: Float64Array;
  terms: number;
}

/**
 * Each document's `topTerms` best terms by tf-idf ((1 + ln tf) · ln(N / df)), scaled to unit
 * length; `docs` are term counts as `encodeTermCounts` writes them, or those numbered by
 * `numberTerms`. N and df count the documents `counted` marks (all by default; see
 * `idfCounted`), except that a term in fewer than two of those takes its df from all
 * documents (a new subject is not ignored).
 */
export function termVectors(
  docs: readonly string[] | NumberedTerms,
  opts: Pick<RelatedOptions, 'topTerms' | 'maxShare'> = RELATED_DEFAULTS,
  counted?: readonly boolean[],
): Vectors {
  const rows = isNumbered(docs) ? docs : numberTerms(docs);
  const count = rows.start.length - 1;
  let n = count;
  let df = rows.df;
  if (counted) {
    n = counted.filter(Boolean).length;
    df = new Int32Array(rows.df.length);
    for (let d = 0; d < count; d++) if (counted[d]) for (let i = rows.start[d]; i < rows.start[d + 1]; i++) df[rows.term[i]]++;
    for (let t = 0; t < df.length; t++) if (df[t] < 2) df[t] = rows.df[t];
  }
  // A small archive keeps its common terms: there they are still few papers each.
  const maxDf = Math.max(MIN_MAX_DF, Math.floor(n * opts.maxShare));
  const idf = new Float64Array(df.length);
  for (let t = 0; t < idf.length; t++) {
    const f = df[t];
    idf[t] = f < 2 || f > maxDf || f >= n ? 0 : Math.log(n / f);
  }
  const k = opts.topTerms;
  const start = new Int32Array(count + 1);
  const term = new Int32Array(count * k);
  const weight = new Float64Array(count * k);
  const top = new Int32Array(k);
  const topWeight = new Float64Array(k);
  let at = 0;
  for (let d = 0; d < count; d++) {
    // The best k so far, best first; of equal weights the earlier (terms are sorted) stays first.
    let m = 0;
    for (let i = rows.start[d]; i < rows.start[d + 1]; i++) {
      const t = rows.term[i];
      if (idf[t] === 0) continue;
      const w = (1 + Math.log(rows.count[i])) * idf[t];
      let pos = m;
      while (pos > 0 && topWeight[pos - 1] < w) pos--;
      if (pos >= k) continue;
      for (let q = Math.min(m, k - 1); q > pos; q--) {
        top[q] = top[q - 1];
        topWeight[q] = topWeight[q - 1];
      }
      top[pos] = t;
      topWeight[pos] = w;
      if (m < k) m++;
    }
    let norm = 0;
    for (let j = 0; j < m; j++) norm += topWeight[j] * topWeight[j];
    norm = Math.sqrt(norm);
    start[d] = at;
    for (let j = 0; j < m; j++) {
      term[at] = top[j];
      weight[at++] = topWeight[j] / norm;
    }
  }
  start[count] = at;
  return { start, term: term.subarray(0, at), weight: weight.subarray(0, at), terms: rows.df.length };
}

/**
 * For each document, the indices of its `count` nearest others by cosine (best first), among
 * those sharing a kept term; equal scores go to the lower index.
 */
export function nearest(v: Vectors, opts: Pick<RelatedOptions, 'count'> = RELATED_DEFAULTS): Int32Array[] {
  const n = v.start.length - 1;
  // Postings: for each term, the documents keeping it and their weights.
  const postStart = new Int32Array(v.terms + 1);
  for (let i = 0; i < v.term.length; i++) postStart[v.term[i] + 1]++;
  for (let t = 0; t < v.terms; t++) postStart[t + 1] += postStart[t];
  const fill = postStart.slice(0, v.terms);
  const postDoc = new Int32Array(v.term.length);
  const postWeight = new Float64Array(v.term.length);
  for (let d = 0; d < n; d++) {
    for (let i = v.start[d]; i < v.start[d + 1]; i++) {
      const p = fill[v.term[i]]++;
      postDoc[p] = d;
      postWeight[p] = v.weight[i];
    }
  }
  const acc = new Float64Array(n);
  const touched = new Int32Array(n);
  const best = new Int32Array(opts.count);
  const bestScore = new Float64Array(opts.count);
  const out: Int32Array[] = [];
  for (let d = 0; d < n; d++) {
    let m = 0;
    for (let i = v.start[d]; i < v.start[d + 1]; i++) {
      const w = v.weight[i];
      const t = v.term[i];
      for (let p = postStart[t]; p < postStart[t + 1]; p++) {
        const e = postDoc[p];
        if (e === d) continue;
        if (acc[e] === 0) touched[m++] = e;
        acc[e] += w * postWeight[p];
      }
    }
    // Keep the best `count` in a small sorted array: higher score first, then lower index.
    let k = 0;
    for (let j = 0; j < m; j++) {
      const e = touched[j];
      const s = acc[e];
      acc[e] = 0;
      if (s <= 0) continue;
      let pos = k;
      while (pos > 0 && (bestScore[pos - 1] < s || (bestScore[pos - 1] === s && best[pos - 1] > e))) pos--;
      if (pos >= opts.count) continue;
      for (let q = Math.min(k, opts.count - 1); q > pos; q--) {
        best[q] = best[q - 1];
        bestScore[q] = bestScore[q - 1];
      }
      best[pos] = e;
      bestScore[pos] = s;
      if (k < opts.count) k++;
    }
    out.push(best.slice(0, k));
  }
  return out;
}

/**
 * Which papers IDF is counted over: those first listed before the month of the newest first
 * listing. A new day then changes no paper's vector (its papers are not counted until their
 * month is over), so an older paper's related list changes only when a new paper comes into
 * it, and once a month when the month's papers join the count. With too few such papers
 * (a young archive), all are counted.
 */
export function idfCounted(firstListed: readonly string[]): boolean[] {
  let newest = '';
  for (const day of firstListed) if (day > newest) newest = day;
  const month = newest.slice(0, 7);
  const counted = firstListed.map((day) => day.slice(0, 7) < month);
  const n = counted.filter(Boolean).length;
  return n >= MIN_COUNTED && n * 2 >= firstListed.length ? counted : firstListed.map(() => true);
}

/** Below this many papers before the newest month, IDF is counted over all papers. */
const MIN_COUNTED = 1000;

/** A paper as `relatedPapers` takes it. */
export interface RelatablePaper {
  id: string;
  /** Term counts as `encodeTermCounts` writes them. */
  terms: string;
  /** Its first listed day, `YYYY-MM-DD`. */
  firstListed: string;
}

/**
 * For each paper id, the ids of its related papers, best first (equal scores by id). `number`
 * numbers the sorted papers' terms (`numberTerms` by default; a build keeps the numbering).
 */
export function relatedPapers(
  papers: readonly RelatablePaper[],
  opts: RelatedOptions = RELATED_DEFAULTS,
  number: (sorted: readonly RelatablePaper[]) => NumberedTerms = (sorted) => numberTerms(sorted.map((p) => p.terms)),
): Map<string, string[]> {
  const sorted = [...papers].sort(compareById);
  const vectors = termVectors(number(sorted), opts, idfCounted(sorted.map((p) => p.firstListed)));
  const found = nearest(vectors, opts);
  return new Map(sorted.map((p, d) => [p.id, Array.from(found[d], (e) => sorted[e].id)]));
}
