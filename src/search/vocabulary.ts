// Pure: the words the index knows, for "did you mean" suggestions. Every word of a title,
// and abstract words used by at least two papers (one-off words are mostly noise and would
// double the file), counted by papers, most used first; capped so the file stays small.
import type { Vocabulary } from './contract.ts';
import { queryWords } from './ui/words.ts';

export const MAX_VOCABULARY = 40_000;

/** Counts words over papers (`title`, `text`: the abstract as plain text). */
export function buildVocabulary(papers: Iterable<{ title: string; text: string }>, max = MAX_VOCABULARY): Vocabulary {
  const papersWith = new Map<string, number>();
  const inTitle = new Set<string>();
  for (const { title, text } of papers) {
    const titleWords = queryWords(title);
    for (const w of titleWords) inTitle.add(w);
    for (const w of new Set([...titleWords, ...queryWords(text)])) papersWith.set(w, (papersWith.get(w) ?? 0) + 1);
  }
  return [...papersWith]
    .filter(([w, n]) => w.length >= 3 && !/^\d+$/.test(w) && (n >= 2 || inTitle.has(w)))
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, max)
    .map(([w]) => w);
}
