// Pure: how many papers each search filter value has, newest year first, "unknown" last.
import type { SearchPaper } from './plan.ts';
import { facetsOf } from './facts.ts';

export interface FacetCounts {
  published: [string, number][];
  listed: [string, number][];
}

/** Counts per filter value over every paper, in the order the filter menus show them. */
export function countFacets(papers: Iterable<Pick<SearchPaper, 'published' | 'days'>>): FacetCounts {
  const published = new Map<string, number>();
  const listed = new Map<string, number>();
  for (const paper of papers) {
    const f = facetsOf(paper);
    for (const y of f.published) published.set(y, (published.get(y) ?? 0) + 1);
    for (const y of f.listed) listed.set(y, (listed.get(y) ?? 0) + 1);
  }
  const order = ([a]: [string, number], [b]: [string, number]) =>
    Number(a === 'unknown') - Number(b === 'unknown') || b.localeCompare(a);
  return { published: [...published].sort(order), listed: [...listed].sort(order) };
}
