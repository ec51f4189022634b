// Pure and browser-safe: how the search page and the vocabulary split text into words
// (lowercase letters and digits, as Pagefind indexes them, accents kept).

/** The words of `text`, lowercased, in order (duplicates kept). */
export function queryWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
