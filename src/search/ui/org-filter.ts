// Pure: the organisation filter on the search page. An organisation's file (contract.ts
// `OrgPapers`) names its papers by shard: a search with the filter asks only those shards, keeps
// only those papers, and with no words to rank by, lists them newest first without asking
// Pagefind at all.
import type { OrgPapers, ShardInfo } from '../contract.ts';
import type { Ranked } from './order.ts';

export interface OrgFilter {
  name: string;
  /** Its papers' page ids by shard id. */
  byShard: ReadonlyMap<number, readonly string[]>;
  pages: ReadonlySet<string>;
}

/** An organisation's file as fetched, if it is one (a URL can name any file). */
export function asOrgPapers(value: unknown): OrgPapers | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { name, shards } = value as Partial<OrgPapers>;
  if (typeof name !== 'string' || typeof shards !== 'object' || shards === null) return undefined;
  const valid = Object.entries(shards).every(([id, pages]) => /^\d+$/.test(id) && Array.isArray(pages) && pages.every((p) => typeof p === 'string'));
  return valid ? { name, shards } : undefined;
}

export function orgFilter(file: OrgPapers): OrgFilter {
  const byShard = new Map(Object.entries(file.shards).map(([id, pages]) => [Number(id), pages] as const));
  return { name: file.name, byShard, pages: new Set([...byShard.values()].flat()) };
}

/** The shards that hold any of the organisation's papers. */
export const orgShards = <S extends Pick<ShardInfo, 'id'>>(shards: readonly S[], org: OrgFilter): S[] => shards.filter((s) => org.byShard.has(s.id));

/** The results that are the organisation's papers, in their order. */
export const keepOrg = <T>(results: readonly Ranked<T>[], org: OrgFilter): Ranked<T>[] => results.filter((r) => org.pages.has(r.id));

/** Every paper of the organisation, newest first (a higher shard holds newer papers; each shard's list is newest first). */
export function orgPapersNewestFirst(org: OrgFilter): { shard: number; page: string }[] {
  return [...org.byShard]
    .sort(([a], [b]) => b - a)
    .flatMap(([shard, pages]) => pages.map((page) => ({ shard, page })));
}
