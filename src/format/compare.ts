// Feature: text for people. Pure, browser-safe helpers the pages and features share: dates,
// counted nouns, numbers, excerpts, escaping, words, and the code-unit order. Depends only on
// src/schema.ts types.
//
// The one order for ids, slugs, names and terms: by UTF-16 code units, the same on every
// machine (no locale, unlike localeCompare), so sorted output is byte for byte stable.

/** Sort comparator for strings in code-unit order. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sort comparator for records by their `id`, in code-unit order. */
export function compareById<T extends { id: string }>(a: T, b: T): number {
  return compareText(a.id, b.id);
}
