// Pure: "did you mean" — the known words closest to a word no paper mentions, by edit
// distance (an insertion, deletion, substitution or swap of neighbours counts one), then by
// how many papers use the word.
import type { Vocabulary } from '../contract.ts';

/** Optimal-string-alignment distance between `a` and `b`, or `max + 1` once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** How many edits a word of this length may carry: none below 4 letters, two from 8. */
export const allowedEdits = (word: string): number => (word.length < 4 ? 0 : word.length < 8 ? 1 : 2);

/** Up to `limit` known words closest to `word`, nearest first, then most used. */
export function suggest(word: string, vocabulary: Vocabulary, limit = 3): string[] {
  const w = word.toLowerCase();
  const max = allowedEdits(w);
  if (max === 0) return [];
  const scored: [string, number, number][] = [];
  vocabulary.forEach((known, rank) => {
    if (known === w) return;
    const d = editDistance(w, known, max);
    if (d <= max) scored.push([known, d, rank]);
  });
  return scored
    .sort((a, b) => a[1] - b[1] || a[2] - b[2])
    .slice(0, limit)
    .map(([known]) => known);
}

/** The query with `word` replaced by `by` (whole words, any case). */
export function replaceWord(query: string, word: string, by: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return query.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'), by);
}
