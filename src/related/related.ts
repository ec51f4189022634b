// Pure: "related papers" by TF-IDF cosine over an inverted index, in time roughly linear in
// the archive. Each paper keeps only its `topTerms` best terms by tf-idf (terms in more than
// `maxShare` of papers, or in one paper only, cannot tell neighbours apart and are dropped),
// and dot products are summed over the postings of those terms: never all pairs of papers.
import { numberTerms, positionsIn, type NumberedTerms } from './related-terms.ts';
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
  return termVectorsKeeping(isNumbered(docs) ? docs : numberTerms(docs), opts, counted).vectors;
}

/** Vectors a build kept, for `termVectorsKeeping`: those of the last build and the IDF it weighed them with. */
export interface KeptVectors {
  vectors: Vectors;
  idf: Float64Array;
  /** Per document of this build, its index in `vectors` if its rows are the ones it had then (the same key), or -1. */
  from: Int32Array;
}

/**
 * `termVectors`, where a document whose rows are unchanged and none of whose terms changed
 * IDF keeps its vector from `kept` (a new day, whose papers IDF does not count, changes the IDF
 * of its rarest terms only). Term numbers in `kept` must mean what they mean in `rows`. Also
 * returns the IDF, to keep.
 */
export function termVectorsKeeping(
  rows: NumberedTerms,
  opts: Pick<RelatedOptions, 'topTerms' | 'maxShare'> = RELATED_DEFAULTS,
  counted?: readonly boolean[],
  kept?: KeptVectors,
): { vectors: Vectors; idf: Float64Array } {
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
  // Terms whose IDF is not the kept one, bit for bit.
  const moved = new Uint8Array(idf.length);
  if (kept) for (let t = 0; t < idf.length; t++) if (t >= kept.idf.length || !Object.is(idf[t], kept.idf[t])) moved[t] = 1;
  const k = opts.topTerms;
  const start = new Int32Array(count + 1);
  const term = new Int32Array(count * k);
  const weight = new Float64Array(count * k);
  const top = new Int32Array(k);
  const topWeight = new Float64Array(k);
  let at = 0;
  for (let d = 0; d < count; d++) {
    const p = kept ? kept.from[d] : -1;
    if (p >= 0) {
      let same = true;
      for (let i = rows.start[d]; i < rows.start[d + 1] && same; i++) if (moved[rows.term[i]]) same = false;
      if (same) {
        const v = kept!.vectors;
        start[d] = at;
        for (let j = v.start[p]; j < v.start[p + 1]; j++) {
          term[at] = v.term[j];
          weight[at++] = v.weight[j];
        }
        continue;
      }
    }
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
  return { vectors: { start, term: term.subarray(0, at), weight: weight.subarray(0, at), terms: rows.df.length }, idf };
}

/** For each term, the documents keeping it and their weights: term t's are `[start[t], start[t + 1])`. */
interface Postings {
  start: Int32Array;
  doc: Int32Array;
  weight: Float64Array;
}

function postingsOf(v: Vectors): Postings {
  const n = v.start.length - 1;
  const start = new Int32Array(v.terms + 1);
  for (let i = 0; i < v.term.length; i++) start[v.term[i] + 1]++;
  for (let t = 0; t < v.terms; t++) start[t + 1] += start[t];
  const fill = start.slice(0, v.terms);
  const doc = new Int32Array(v.term.length);
  const weight = new Float64Array(v.term.length);
  for (let d = 0; d < n; d++) {
    for (let i = v.start[d]; i < v.start[d + 1]; i++) {
      const p = fill[v.term[i]]++;
      doc[p] = d;
      weight[p] = v.weight[i];
    }
  }
  return { start, doc, weight };
}

/**
 * The best `count` of scored candidates, kept in a small sorted array: higher score first, then
 * lower index. Which candidates come in, and in which order, does not change the result.
 */
class Best {
  readonly count: number;
  readonly doc: Int32Array;
  readonly score: Float64Array;
  size = 0;
  constructor(count: number) {
    this.count = count;
    this.doc = new Int32Array(count);
    this.score = new Float64Array(count);
  }

  offer(e: number, s: number): void {
    if (s <= 0) return;
    const { doc, score, count } = this;
    let pos = this.size;
    while (pos > 0 && (score[pos - 1] < s || (score[pos - 1] === s && doc[pos - 1] > e))) pos--;
    if (pos >= count) return;
    for (let q = Math.min(this.size, count - 1); q > pos; q--) {
      doc[q] = doc[q - 1];
      score[q] = score[q - 1];
    }
    doc[pos] = e;
    score[pos] = s;
    if (this.size < count) this.size++;
  }

  take(): Int32Array {
    const out = this.doc.slice(0, this.size);
    this.size = 0;
    return out;
  }
}

/** Scratch space for scoring one document against all others. */
interface Scratch {
  acc: Float64Array;
  touched: Int32Array;
  best: Best;
}

const scratchFor = (n: number, count: number): Scratch => ({ acc: new Float64Array(n), touched: new Int32Array(n), best: new Best(count) });

/** Document d's nearest others: every document sharing a kept term, scored in d's term order. */
function nearestOf(v: Vectors, post: Postings, d: number, { acc, touched, best }: Scratch): Int32Array {
  let m = 0;
  for (let i = v.start[d]; i < v.start[d + 1]; i++) {
    const w = v.weight[i];
    const t = v.term[i];
    for (let p = post.start[t]; p < post.start[t + 1]; p++) {
      const e = post.doc[p];
      if (e === d) continue;
      if (acc[e] === 0) touched[m++] = e;
      acc[e] += w * post.weight[p];
    }
  }
  for (let j = 0; j < m; j++) {
    const e = touched[j];
    best.offer(e, acc[e]);
    acc[e] = 0;
  }
  return best.take();
}

/**
 * For each document, the indices of its `count` nearest others by cosine (best first), among
 * those sharing a kept term; equal scores go to the lower index.
 */
export function nearest(v: Vectors, opts: Pick<RelatedOptions, 'count'> = RELATED_DEFAULTS): Int32Array[] {
  const n = v.start.length - 1;
  const post = postingsOf(v);
  const scratch = scratchFor(n, opts.count);
  const out: Int32Array[] = [];
  for (let d = 0; d < n; d++) out.push(nearestOf(v, post, d, scratch));
  return out;
}

/** What `nearestKeeping` keeps from one build for the next: documents by id, their vectors and neighbours. */
export interface KeptNeighbours {
  ids: readonly string[];
  vectors: Vectors;
  /** Per document (in `ids` order), its neighbours' indices into `ids`, best first. */
  neighbours: readonly Int32Array[];
  /** Per document, a key that changes with its terms; and the IDF the vectors were weighed with (for `termVectorsKeeping`). */
  keys?: readonly string[];
  idf?: Float64Array;
}

/** Whether document d of `a` and document e of `b` have the same terms and weights, bit for bit. */
function sameVector(a: Vectors, d: number, b: Vectors, e: number): boolean {
  const from = a.start[d];
  const length = a.start[d + 1] - from;
  if (b.start[e + 1] - b.start[e] !== length) return false;
  for (let i = 0; i < length; i++) {
    if (a.term[from + i] !== b.term[b.start[e] + i] || !Object.is(a.weight[from + i], b.weight[b.start[e] + i])) return false;
  }
  return true;
}

/** d's score against e, summed as `nearestOf` sums it (in d's term order), so equal to the bit. */
function score(v: Vectors, d: number, e: number): number {
  let s = 0;
  for (let i = v.start[d]; i < v.start[d + 1]; i++) {
    const t = v.term[i];
    for (let j = v.start[e]; j < v.start[e + 1]; j++) {
      if (v.term[j] === t) {
        s += v.weight[i] * v.weight[j];
        break;
      }
    }
  }
  return s;
}

/**
 * `nearest`, computed again only where it can have changed since `before` (a daily rebuild
 * adds a few dozen papers to tens of thousands). `ids` name the documents of `v`, in the same
 * order as both builds sort them. A document is *changed* when it is new or its vector is not
 * bit for bit the one kept; its neighbours are found afresh, and so are those of a document
 * whose kept neighbours include a changed or removed one. Any other document's scores against
 * unchanged documents are what they were, so its kept neighbours still beat every unchanged
 * document they beat before: only the changed documents sharing a term with it can come in,
 * and they are scored against it exactly as `nearest` would. The result equals `nearest(v)`;
 * term numbers in `before` must mean what they mean in `v`. Returns the neighbours, what to
 * keep, and whether that is what `before` kept (the same documents, none changed).
 */
export function nearestKeeping(
  v: Vectors,
  ids: readonly string[],
  before: KeptNeighbours | undefined,
  opts: Pick<RelatedOptions, 'count'> = RELATED_DEFAULTS,
): { neighbours: Int32Array[]; kept: KeptNeighbours; same: boolean } {
  const n = ids.length;
  const keep = (neighbours: Int32Array[], same = false) => ({ neighbours, kept: { ids, vectors: v, neighbours }, same });
  if (!before || before.neighbours.some((list) => list.length > opts.count)) return keep(nearest(v, opts));
  // Where each document now was (-1: new), and where each of the last build is now (-1: gone).
  const from = positionsIn(before.ids, ids);
  const at = new Int32Array(before.ids.length).fill(-1);
  for (let d = 0; d < n; d++) if (from[d] >= 0) at[from[d]] = d;
  // This build's changed documents; and the last build's that changed or left.
  const changed: number[] = [];
  const isChanged = new Uint8Array(n);
  const goneBefore = new Uint8Array(before.ids.length);
  for (let p = 0; p < before.ids.length; p++) if (at[p] < 0) goneBefore[p] = 1;
  for (let d = 0; d < n; d++) {
    const p = from[d];
    if (p < 0 || !sameVector(v, d, before.vectors, p)) {
      changed.push(d);
      isChanged[d] = 1;
      if (p >= 0) goneBefore[p] = 1;
    }
  }
  const post = postingsOf(v);
  const scratch = scratchFor(n, opts.count);
  const out: Int32Array[] = new Array(n);
  // The changed documents that share a term with each unchanged one.
  const comers = new Map<number, number[]>();
  for (const e of changed) {
    for (let i = v.start[e]; i < v.start[e + 1]; i++) {
      const t = v.term[i];
      for (let q = post.start[t]; q < post.start[t + 1]; q++) {
        const d = post.doc[q];
        if (isChanged[d]) continue;
        const list = comers.get(d);
        if (!list) comers.set(d, [e]);
        else if (list.at(-1) !== e) list.push(e);
      }
    }
  }
  for (let d = 0; d < n; d++) {
    const kept = isChanged[d] ? undefined : before.neighbours[from[d]];
    if (!kept || kept.some((p) => goneBefore[p] === 1)) {
      out[d] = nearestOf(v, post, d, scratch);
      continue;
    }
    const incoming = comers.get(d);
    if (!incoming) {
      const list = new Int32Array(kept.length);
      for (let j = 0; j < kept.length; j++) list[j] = at[kept[j]];
      out[d] = list;
      continue;
    }
    const { best } = scratch;
    for (let j = 0; j < kept.length; j++) best.offer(at[kept[j]], score(v, d, at[kept[j]]));
    for (const e of new Set(incoming)) best.offer(e, score(v, d, e));
    out[d] = best.take();
  }
  return keep(out, changed.length === 0 && before.ids.length === n);
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
 * numbers the sorted papers' terms (`numberTerms` by default; a build keeps the numbering),
 * `vectorsOf` weighs them (`termVectors` by default) and `neighbours` finds each one's nearest
 * (`nearest` by default; a build keeps the vectors and what it found).
 */
export function relatedPapers(
  papers: readonly RelatablePaper[],
  opts: RelatedOptions = RELATED_DEFAULTS,
  number: (sorted: readonly RelatablePaper[]) => NumberedTerms = (sorted) => numberTerms(sorted.map((p) => p.terms)),
  neighbours: (vectors: Vectors, ids: readonly string[]) => Int32Array[] = (vectors) => nearest(vectors, opts),
  vectorsOf: (rows: NumberedTerms, counted: readonly boolean[]) => Vectors = (rows, counted) => termVectors(rows, opts, counted),
): Map<string, string[]> {
  const sorted = [...papers].sort(compareById);
  const vectors = vectorsOf(number(sorted), idfCounted(sorted.map((p) => p.firstListed)));
  const found = neighbours(vectors, sorted.map((p) => p.id));
  return new Map(sorted.map((p, d) => [p.id, Array.from(found[d], (e) => sorted[e].id)]));
}
