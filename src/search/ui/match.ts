// Pure: deciding whether a result really contains a query word. Pagefind falls back to the
// longest prefix of an unknown word that the index knows ("banana" finds "band"); such a
// result is not a match. A word matches when the text's word and the query word share their
// stem (Porter2, as Pagefind's indexer stems English), or the text's word extends the query
// word (a query is also a prefix search: "transf" finds "transformer").
import { stem } from 'porter2';
import { queryWords } from '../../format/words.ts';

/** Whether `found` (a word of the result text) is a real hit for the query word `wanted`. */
export function isRealMatch(wanted: string, found: string): boolean {
  const w = wanted.toLowerCase();
  if (!w) return false;
  const ws = stem(w);
  // A hyphenated word is indexed whole and by its parts ("three-finger": "finger").
  const parts = queryWords(found);
  return [parts.join(''), ...parts].some((f) => f.startsWith(w) || f.startsWith(ws) || stem(f) === ws);
}

/** The words of `content` at Pagefind's word `locations` (its word positions). */
export function wordsAt(content: string, locations: readonly number[]): string[] {
  const words = content.split(/\s+/).filter(Boolean);
  return locations.map((i) => words[i]).filter((w): w is string => w !== undefined);
}

/**
 * Words searched for (`searchWords`) that no result really contains: `matched` is, per result,
 * the words found at its match locations. Words shorter than 2 letters are never reported.
 */
export function missingWords(words: readonly string[], matched: readonly (readonly string[])[]): string[] {
  return words.filter((w) => w.length >= 2 && !matched.some((found) => found.some((f) => isRealMatch(w, f))));
}
