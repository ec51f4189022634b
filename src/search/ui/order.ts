// Pure: result order across shards. Pagefind merges the results of merged indexes by score,
// which breaks a sorted order (a sorted search scores results by rank within each index),
// so sorted searches ask each shard alone and are combined here: "newest" by concatenation
// (shards hold consecutive ranges of first-listed days, newest shard first), "most
// comments" by a lazy merge that loads only the results it shows.

export interface Ranked<T> {
  /** The result's data, loaded on demand (Pagefind's `result.data()`). */
  data: () => Promise<T>;
}

/** A cursor over results in their final order, a page at a time. */
export interface Cursor<T> {
  total: number;
  next(n: number): Promise<T[]>;
  done(): boolean;
}

/** Results already in order (relevance from Pagefind, or newest by concatenation). */
export function listCursor<T>(results: readonly Ranked<T>[]): Cursor<T> {
  let at = 0;
  return {
    total: results.length,
    async next(n) {
      const page = results.slice(at, at + n);
      at += page.length;
      return Promise.all(page.map((r) => r.data()));
    },
    done: () => at >= results.length,
  };
}

/**
 * Merges per-shard lists, each sorted by `key` descending, into one list sorted by `key`
 * descending (ties: the earlier shard first, i.e. the newer papers). Loads only each
 * list's head beyond what it returns.
 */
export function mergeCursor<T>(lists: readonly (readonly Ranked<T>[])[], key: (data: T) => number): Cursor<T> {
  const at = lists.map(() => 0);
  const heads = new Map<number, Promise<T>>();
  const head = (i: number) => {
    if (!heads.has(i)) heads.set(i, lists[i][at[i]].data());
    return heads.get(i)!;
  };
  const remaining = () => lists.some((l, i) => at[i] < l.length);
  return {
    total: lists.reduce((n, l) => n + l.length, 0),
    async next(n) {
      const out: T[] = [];
      while (out.length < n && remaining()) {
        const open = lists.map((_, i) => i).filter((i) => at[i] < lists[i].length);
        const data = await Promise.all(open.map(head));
        let best = 0;
        for (let j = 1; j < open.length; j++) if (key(data[j]) > key(data[best])) best = j;
        const i = open[best];
        out.push(data[best]);
        heads.delete(i);
        at[i]++;
      }
      return out;
    },
    done: () => !remaining(),
  };
}

/** Which shard a folder of the plan is: the primary (`''`) is 0, `shard-<i>/` is i. */
export function shardNumber(folder: string): number {
  const m = /^shard-(\d+)\/$/.exec(folder);
  return m ? Number(m[1]) : 0;
}
