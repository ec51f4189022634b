// Pure: result order and paging. Pagefind ranks a search by relevance; "newest listed" and
// "most comments", and the year filters, come from the shards' facts (contract.ts `ShardFacts`),
// applied to Pagefind's result ids before any result's data is loaded. Results arrive in rounds
// of shards (route.ts), each appended after the last as the reader asks for more.
import type { FilterKey, Sort } from '../contract.ts';
import type { PaperFacts } from '../facts.ts';

export interface Ranked<T> {
  /** Pagefind's page id. */
  id: string;
  /** The result's data, loaded on demand (Pagefind's `result.data()`). */
  data: () => Promise<T>;
}

/** The facts of a result, with the shard it is in (a higher id holds newer papers). */
export type Facts = PaperFacts & { shard: number };

/**
 * One round's results, filtered and in the order asked for. `facts` (by page id) is needed for
 * a filter or a sort other than relevance; a result without facts is left out then.
 */
export function arrange<T>(results: readonly Ranked<T>[], sort: Sort, filters: Partial<Record<FilterKey, string>>, facts?: ReadonlyMap<string, Facts>): Ranked<T>[] {
  const active = Object.entries(filters).filter(([, v]) => v) as [FilterKey, string][];
  if (sort === 'relevance' && active.length === 0) return [...results];
  if (!facts) throw new Error('sorting or filtering needs the facts of the shards searched');
  const kept = results.filter((r) => {
    const f = facts.get(r.id);
    return f !== undefined && active.every(([key, value]) => f.values[key].includes(value));
  });
  if (sort === 'relevance') return kept;
  const newer = (a: Facts, b: Facts) => b.shard - a.shard || a.rank - b.rank;
  const by = sort === 'newest' ? newer : (a: Facts, b: Facts) => b.comments - a.comments || newer(a, b);
  return kept.sort((a, b) => by(facts.get(a.id)!, facts.get(b.id)!));
}

/** A cursor over results in their final order, a page at a time, loading rounds as it needs them. */
export interface Cursor<T> {
  /** Results found so far. */
  total(): number;
  /** The next `n` results; with `more`, loads further rounds until it has them or there are none. */
  next(n: number, more?: boolean): Promise<T[]>;
  /** Nothing left to show, loaded or not. */
  done(): boolean;
  /** Rounds loaded so far. */
  loaded(): number;
  /** Every round loaded. */
  complete(): boolean;
}

/**
 * Results of `rounds` rounds: `first` already loaded (round 0), `load(i)` gives round i's
 * results, each round appended after the ones before.
 */
export function roundCursor<T>(first: readonly Ranked<T>[], rounds: number, load: (round: number) => Promise<readonly Ranked<T>[]>): Cursor<T> {
  const list = [...first];
  let loaded = Math.min(1, rounds);
  let at = 0;
  return {
    total: () => list.length,
    async next(n, more = false) {
      while (more && list.length - at < n && loaded < rounds) list.push(...(await load(loaded++)));
      const page = list.slice(at, at + n);
      at += page.length;
      return Promise.all(page.map((r) => r.data()));
    },
    done: () => at >= list.length && loaded >= rounds,
    loaded: () => loaded,
    complete: () => loaded >= rounds,
  };
}

/** Results already in order, all loaded. */
export const listCursor = <T>(results: readonly Ranked<T>[]): Cursor<T> => roundCursor(results, 1, async () => []);
