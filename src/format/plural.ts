// Counted nouns as the pages write them: "1 paper", "2 papers". English only (the site's language).

/** The noun for `n`: `one` for exactly one, else `many` (default: `one` + "s"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** `n` and its noun: `countOf(1, 'paper')` → `1 paper`, `countOf(3, 'day')` → `3 days`. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${plural(n, one, many)}`;
}
