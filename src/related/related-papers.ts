// Each paper's related papers (src/related/related.ts), computed once per build. A paper's term
// counts come from its whole file (the abstract is not in the content store) and are kept
// between builds, numbered, by the file's digest, so a daily rebuild reads only new and
// changed papers (src/related/numbered-terms-fs.ts). The neighbours depend on the whole
// archive: each build scores again only the papers whose neighbours a change can reach
// (src/related/neighbours-fs.ts).
import { stem } from 'porter2';
import { eng } from 'stopword';
import { queryWords } from '../format/words.ts';
import { abstractText, allAbstracts } from '../archive/abstract.ts';
import { derivedDir } from '../cache/derived-cache-fs.ts';
import { readNumbering, writeNumbering } from './numbered-terms-fs.ts';
import { loadArchive } from '../archive/load-archive.ts';
import { nearest, nearestKeeping, relatedPapers, RELATED_DEFAULTS, termVectorsKeeping, type KeptNeighbours, type RelatedOptions } from './related.ts';
import { readNeighbours, writeNeighbours } from './neighbours-fs.ts';
import { encodeTermCounts, numberTerms, numberTermsKeeping, positionsIn, termCounts, terms, type NumberedTerms } from './related-terms.ts';

/** What tokenising depends on besides the file: a change discards the cached counts. */
const TERMS_SALT = JSON.stringify([String(terms), String(termCounts), String(encodeTermCounts), String(queryWords), String(stem), eng]);

/** A paper as the computation needs it. */
export interface PaperInput {
  id: string;
  data: { title: string; days: readonly string[] };
  digest?: string | number;
}

/**
 * Related papers of `papers`. A paper's term counts are worked out from its title and abstract
 * only when the numbering kept in `dir` (by default the folder the build announced; none
 * outside a build) has no rows for it under its digest: a daily rebuild reads no other.
 */
export function computeRelated(
  papers: readonly PaperInput[],
  opts?: { dir?: string; related?: RelatedOptions; abstractOf?: (slug: string) => string },
): Map<string, string[]> {
  const abstractOf = opts?.abstractOf ?? ((id: string) => abstractText({ id }));
  const bySlug = new Map(papers.map((p) => [p.id, p]));
  const dir = opts && 'dir' in opts ? opts.dir : derivedDir();
  const related = opts?.related ?? RELATED_DEFAULTS;
  const salt = JSON.stringify([TERMS_SALT, related]);
  // Set as the computation goes: the numbering's terms (none when nothing is kept), each
  // sorted paper's key, what the last build kept, and the IDF of this one.
  let terms: string[] | undefined;
  let keys: string[] = [];
  let before: KeptNeighbours | undefined;
  let idf: Float64Array | undefined;
  return relatedPapers(
    papers.map((p) => ({
      id: p.id,
      firstListed: p.data.days[0],
      get terms() {
        return encodeTermCounts(termCounts(p.data.title, abstractOf(p.id)));
      },
    })),
    related,
    (sorted) => {
      const kept = numberKept(sorted, sorted.map((p) => bySlug.get(p.id)!), dir);
      terms = kept.terms;
      keys = kept.keys;
      before = dir && terms ? readNeighbours(dir, salt, terms) : undefined;
      return kept.numbered;
    },
    (vectors, ids) => {
      if (!dir || !terms) return nearest(vectors, related);
      const found = nearestKeeping(vectors, ids, before, related);
      if (!found.same) writeNeighbours(dir, salt, terms, { ...found.kept, keys, idf });
      return found.neighbours;
    },
    (rows, counted) => {
      const kept = before?.keys && before.idf && { vectors: before.vectors, idf: before.idf, from: positionsIn(before.keys, keys) };
      const weighed = termVectorsKeeping(rows, related, counted, kept);
      idf = weighed.idf;
      return weighed.vectors;
    },
  );
}

/**
 * The papers' terms numbered, with the numbering the last build kept in `dir` (a paper's rows
 * are kept by its slug and file digest, its key; only a paper without them has its `terms`
 * read), the terms by number, and the keys; without a folder or a digest, numbered afresh
 * (and no terms or keys: nothing is kept).
 */
function numberKept(sorted: readonly { terms: string }[], papers: readonly PaperInput[], dir: string | undefined): { numbered: NumberedTerms; terms?: string[]; keys: string[] } {
  if (!dir || papers.some((p) => p.digest === undefined)) return { numbered: numberTerms(sorted.map((p) => p.terms)), keys: [] };
  const keys = papers.map((p) => `${p.id}\0${p.digest}`);
  const before = readNumbering(dir, TERMS_SALT);
  const { numbered, kept } = numberTermsKeeping((d) => sorted[d].terms, keys, before);
  if (!before || before.keys.length !== keys.length || before.keys.some((k, d) => k !== keys[d])) writeNumbering(dir, TERMS_SALT, kept);
  return { numbered, terms: kept.terms, keys };
}

let cached: Promise<Map<string, string[]>> | undefined;

/** For each paper's slug, the slugs of its related papers, best first; once per build. */
export function relatedBySlug(): Promise<Map<string, string[]>> {
  return (cached ??= Promise.all([loadArchive(), allAbstracts()]).then(([archive, abstracts]) =>
    computeRelated([...archive.paperBySlug.values()], { abstractOf: (slug) => abstracts.get(slug)! }),
  ));
}
