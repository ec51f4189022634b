// Numbers as the pages show them, the same on every machine (fixed locale, no time zone).
const COUNT = new Intl.NumberFormat('en-US');

/** `12345` → `12,345`. */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** `part` of `whole` as a percentage with one decimal: `12.5%` (`0.0%` of nothing). */
export function formatShare(part: number, whole: number): string {
  return whole > 0 ? `${(Math.round((part / whole) * 1000) / 10).toFixed(1)}%` : '0.0%';
}
