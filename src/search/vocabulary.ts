// Pure: the words the index knows, for "did you mean" suggestions. Every word of a title,
// and abstract words used by at least two papers (one-off words are mostly noise and would
// double the file), counted by papers, most used first; capped so the file stays small.
// Counts are made per search shard and kept with it, so a rebuild counts only the papers of
// the shards it indexes again; counts of disjoint shards add up to the archive's.
import type { Vocabulary } from './contract.ts';
import { queryWords } from './ui/words.ts';

export const MAX_VOCABULARY = 40_000;

/** Per word, the number of papers using it; and the words seen in some title. */
export interface WordCounts {
  papersWith: [string, number][];
  inTitle: string[];
}

/** Counts words over papers (`title`, `text`: the abstract as plain text). */
export function countWords(papers: Iterable<{ title: string; text: string }>): WordCounts {
  const papersWith = new Map<string, number>();
  const inTitle = new Set<string>();
  for (const { title, text } of papers) {
    const titleWords = queryWords(title);
    for (const w of titleWords) inTitle.add(w);
    for (const w of new Set([...titleWords, ...queryWords(text)])) papersWith.set(w, (papersWith.get(w) ?? 0) + 1);
  }
  return { papersWith: [...papersWith], inTitle: [...inTitle] };
}

/** The vocabulary from the counts of disjoint sets of papers (e.g. one per shard). */
export function vocabularyOf(parts: Iterable<WordCounts>, max = MAX_VOCABULARY): Vocabulary {
  const papersWith = new Map<string, number>();
  const inTitle = new Set<string>();
  for (const part of parts) {
    for (const [w, n] of part.papersWith) papersWith.set(w, (papersWith.get(w) ?? 0) + n);
    for (const w of part.inTitle) inTitle.add(w);
  }
  return [...papersWith]
    .filter(([w, n]) => w.length >= 3 && !/^\d+$/.test(w) && (n >= 2 || inTitle.has(w)))
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, max)
    .map(([w]) => w);
}

/** The vocabulary of one set of papers. */
export function buildVocabulary(papers: Iterable<{ title: string; text: string }>, max = MAX_VOCABULARY): Vocabulary {
  return vocabularyOf([countWords(papers)], max);
}
