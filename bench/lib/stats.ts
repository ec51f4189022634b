// Summaries of repeated measurements: median and spread. Pure, no I/O.

export interface Summary {
  /** Number of finite samples summarised. */
  n: number;
  median: number;
  min: number;
  max: number;
}

/** Median and min–max of the finite values; null when there are none. */
export function summarize(values: readonly number[]): Summary | null {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  const median = xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
  return { n: xs.length, median, min: xs[0], max: xs[xs.length - 1] };
}

/** "1.23 s (1.20–1.31)" for milliseconds. */
export function formatMs(s: Summary | null): string {
  if (!s) return '—';
  const f = (ms: number) => (ms >= 10_000 ? (ms / 1000).toFixed(1) : (ms / 1000).toFixed(2));
  return s.n > 1 ? `${f(s.median)} s (${f(s.min)}–${f(s.max)})` : `${f(s.median)} s`;
}

/** Human bytes with binary units: "12.3 MiB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null || !Number.isFinite(bytes)) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${v} B` : `${v.toFixed(v >= 100 ? 0 : 1)} ${units[u]}`;
}

/** "812 MiB (790–830)" for byte summaries. */
export function formatBytesSummary(s: Summary | null): string {
  if (!s) return '—';
  return s.n > 1 ? `${formatBytes(s.median)} (${formatBytes(s.min)}–${formatBytes(s.max)})` : formatBytes(s.median);
}

/** a / b, or null when either is missing or b is 0. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  return a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? null : a / b;
}
