// How paper pages are split into Pagefind shards (pure; see pagefind.ts for why).

/** The list of extra shard folders, relative to `pagefind/`, read by the search page. */
export const SHARDS_FILE = 'shards.json';
export const DEFAULT_SHARD_SIZE = 2500;

export interface Shard {
  /** Output folder relative to the build root: `pagefind/`, then `pagefind/shard-1/`, … */
  folder: string;
  pages: string[];
}

/** Split pages (sorted, so shards are stable) into shards of at most `size` pages. */
export function planShards(pages: readonly string[], size: string | number | undefined = DEFAULT_SHARD_SIZE): Shard[] {
  const n = size === undefined || size === '' ? DEFAULT_SHARD_SIZE : Number(size);
  if (!Number.isInteger(n) || n < 1) throw new Error(`PAGEFIND_SHARD_SIZE must be a positive whole number, got "${size}".`);
  const sorted = [...pages].sort();
  const shards: Shard[] = [];
  for (let i = 0; i === 0 || i < sorted.length; i += n) {
    const k = shards.length;
    shards.push({ folder: k === 0 ? 'pagefind/' : `pagefind/shard-${k}/`, pages: sorted.slice(i, i + n) });
  }
  return shards;
}
