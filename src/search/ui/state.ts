// Pure: the search page's state and its URL (a search is a link), and the status line.
import { FILTER_KEYS, PARAMS, SORTS, type FilterKey, type Sort } from '../contract.ts';
import { countOf } from '../../format/plural.ts';

export interface SearchState {
  query: string;
  filters: Partial<Record<FilterKey, string>>;
  sort: Sort;
}

/** The state a URL's search parameters describe; unknown sorts fall back to relevance. */
export function readState(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const sort = params.get(PARAMS.sort) ?? '';
  return {
    query: (params.get(PARAMS.query) ?? '').trim(),
    filters,
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : 'relevance',
  };
}

/** The search part of the page URL for `state` (`''` for an empty search); relevance is the default, so it is left out. */
export function stateSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set(PARAMS.query, state.query);
  for (const key of FILTER_KEYS) if (state.filters[key]) params.set(key, state.filters[key]);
  if (state.sort !== 'relevance') params.set(PARAMS.sort, state.sort);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Whether the state asks for anything (a query or a filter). */
export const isActive = (state: SearchState): boolean => state.query !== '' || Object.keys(state.filters).length > 0;

export interface StatusInput {
  count: number;
  query: string;
  /** Older shards are still being searched. */
  partial: boolean;
  /** Query words no paper mentions. */
  missing: readonly string[];
  /** When the page searched a corrected query instead: the words as typed. */
  correctedFrom?: string;
}

const quote = (s: string) => `“${s}”`;
const papers = (n: number) => countOf(n, 'paper');

/** The status line above the results. */
export function statusText({ count, query, partial, missing, correctedFrom }: StatusInput): string {
  if (missing.length > 0) {
    const words = missing.map(quote).join(missing.length === 2 ? ' or ' : ', ');
    return `No paper mentions ${words}${partial ? ' among the newest papers; searching the whole archive…' : '.'}`;
  }
  const what = query ? ` for ${quote(query)}` : '';
  const fixed = correctedFrom ? ` No paper mentions ${quote(correctedFrom)}; showing results${what}.` : '';
  if (partial) return `${papers(count)} found among the newest papers${what}; searching the whole archive…`;
  if (count === 0) return `No paper found${what}.`;
  return fixed ? `${papers(count)} found.${fixed}` : `${papers(count)} found${what}.`;
}
