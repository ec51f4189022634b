// Pure: the words the index knows, for "did you mean" suggestions. Every word of a title,
// and abstract words used by at least two papers (one-off words are mostly noise and would
// double the file), counted by papers, most used first; capped so the file stays small.
// Counts are made per search shard and kept with it, so a rebuild counts only the papers of
// the shards it indexes again; counts of disjoint shards add up to the archive's.
import type { Vocabulary } from './contract.ts';
import { queryWords } from '../format/words.ts';
import { compareText } from '../format/compare.ts';

export const MAX_VOCABULARY = 40_000;

/** Per word, the number of papers using it; and the words seen in some title. */
export interface WordCounts {
  papersWith: [string, number][];
  inTitle: string[];
}

/** Word counts of disjoint sets of papers (e.g. one per shard), added up as they come. */
export interface WordTally {
  papersWith: Map<string, number>;
  inTitle: Set<string>;
}

export function emptyTally(): WordTally {
  return { papersWith: new Map(), inTitle: new Set() };
}

/** Adds one paper's words (`text`: its abstract as plain text) to the tally. */
export function addPaper(tally: WordTally, { title, text }: { title: string; text: string }): void {
  const titleWords = queryWords(title);
  for (const w of titleWords) tally.inTitle.add(w);
  for (const w of new Set([...titleWords, ...queryWords(text)])) tally.papersWith.set(w, (tally.papersWith.get(w) ?? 0) + 1);
}

/** The counts of a tally, as kept beside a shard. */
export function countsOf(tally: WordTally): WordCounts {
  return { papersWith: [...tally.papersWith], inTitle: [...tally.inTitle] };
}

/** Counts words over papers (`title`, `text`: the abstract as plain text). */
export function countWords(papers: Iterable<{ title: string; text: string }>): WordCounts {
  const tally = emptyTally();
  for (const paper of papers) addPaper(tally, paper);
  return countsOf(tally);
}

/** Adds one set's counts to the tally (sets must not share papers). */
export function addCounts(tally: WordTally, part: WordCounts): void {
  for (const [w, n] of part.papersWith) tally.papersWith.set(w, (tally.papersWith.get(w) ?? 0) + n);
  for (const w of part.inTitle) tally.inTitle.add(w);
}

/** The vocabulary of a tally: most used first, one-off abstract words and numbers left out. */
export function vocabularyOfTally({ papersWith, inTitle }: WordTally, max = MAX_VOCABULARY): Vocabulary {
  return [...papersWith]
    .filter(([w, n]) => w.length >= 3 && !/^\d+$/.test(w) && (n >= 2 || inTitle.has(w)))
    .sort(([a, x], [b, y]) => y - x || compareText(a, b))
    .slice(0, max)
    .map(([w]) => w);
}

/** The vocabulary from the counts of disjoint sets of papers. */
export function vocabularyOf(parts: Iterable<WordCounts>, max = MAX_VOCABULARY): Vocabulary {
  const tally = emptyTally();
  for (const part of parts) addCounts(tally, part);
  return vocabularyOfTally(tally, max);
}

/** The vocabulary of one set of papers. */
export function buildVocabulary(papers: Iterable<{ title: string; text: string }>, max = MAX_VOCABULARY): Vocabulary {
  return vocabularyOf([countWords(papers)], max);
}
