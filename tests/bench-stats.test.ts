// Benchmark statistics: medians, spreads and their formatting.
import { describe, expect, it } from 'vitest';
import { formatBytes, formatBytesSummary, formatMs, ratio, summarize } from '../bench/lib/stats.ts';

describe('bench stats', () => {
  it('takes the median of odd and even counts, ignoring non-finite values', () => {
    expect(summarize([3, 1, 2])).toEqual({ n: 3, median: 2, min: 1, max: 3 });
    expect(summarize([4, 1, 3, 2])).toEqual({ n: 4, median: 2.5, min: 1, max: 4 });
    expect(summarize([5, Number.NaN, Infinity])).toEqual({ n: 1, median: 5, min: 5, max: 5 });
    expect(summarize([])).toBeNull();
  });

  it('does not reorder its input', () => {
    const xs = [3, 1, 2];
    summarize(xs);
    expect(xs).toEqual([3, 1, 2]);
  });

  it('formats times, bytes and ratios', () => {
    expect(formatMs({ n: 3, median: 1234, min: 1200, max: 1310 })).toBe('1.23 s (1.20–1.31)');
    expect(formatMs({ n: 1, median: 65_000, min: 65_000, max: 65_000 })).toBe('65.0 s');
    expect(formatMs(null)).toBe('—');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MiB');
    expect(formatBytes(null)).toBe('—');
    expect(formatBytesSummary({ n: 2, median: 2048, min: 1024, max: 3072 })).toBe('2.0 KiB (1.0 KiB–3.0 KiB)');
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
  });
});
