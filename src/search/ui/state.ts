// Pure: the search page's state and its URL (a search is a link), and the status line.
import { FILTER_KEYS, PARAMS, SORTS, type FilterKey, type Sort } from '../contract.ts';
import { formatCount } from '../../format/format-number.ts';

export interface SearchState {
  query: string;
  filters: Partial<Record<FilterKey, string>>;
  sort: Sort;
  /** An organisation's slug (src/orgs/): only its papers. */
  org?: string;
}

/** The state a URL's search parameters describe; unknown sorts fall back to relevance. */
export function readState(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const sort = params.get(PARAMS.sort) ?? '';
  const org = params.get(PARAMS.org)?.trim();
  return {
    query: (params.get(PARAMS.query) ?? '').trim(),
    filters,
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : 'relevance',
    ...(org ? { org } : {}),
  };
}

/** The search part of the page URL for `state` (`''` for an empty search); relevance is the default, so it is left out. */
export function stateSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set(PARAMS.query, state.query);
  for (const key of FILTER_KEYS) if (state.filters[key]) params.set(key, state.filters[key]);
  if (state.org) params.set(PARAMS.org, state.org);
  if (state.sort !== 'relevance') params.set(PARAMS.sort, state.sort);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Whether the state asks for anything (a query or a filter). */
export const isActive = (state: SearchState): boolean => state.query !== '' || Object.keys(state.filters).length > 0 || Boolean(state.org);

export interface StatusInput {
  count: number;
  query: string;
  /** More of the first round is still being searched. */
  partial: boolean;
  /** Query words no paper mentions. */
  missing: readonly string[];
  /** When the page searched a corrected query instead: the words as typed. */
  correctedFrom?: string;
  /** When shards that could match were left for the reader to ask for: papers searched, of those that could match. */
  searched?: { papers: number; of: number };
}

const quote = (s: string) => `“${s}”`;
// Not format/plural.ts: a module the search page shares with another page's script becomes a
// file of its own, one more round trip before the first result.
const papers = (n: number) => `${formatCount(n)} ${n === 1 ? 'paper' : 'papers'}`;

/** The status line above the results. */
export function statusText({ count, query, partial, missing, correctedFrom, searched }: StatusInput): string {
  if (missing.length > 0) {
    const words = missing.map(quote).join(missing.length === 2 ? ' or ' : ', ');
    return `No paper mentions ${words}.`;
  }
  const what = query ? ` for ${quote(query)}` : '';
  if (partial) return `${papers(count)} found so far${what}; still searching…`;
  const fixed = correctedFrom ? ` No paper mentions ${quote(correctedFrom)}; showing results${what}.` : '';
  const found = count === 0 ? `No paper found${what}` : fixed ? `${papers(count)} found` : `${papers(count)} found${what}`;
  const rest = searched ? ` in ${formatCount(searched.papers)} of the ${formatCount(searched.of)} papers that could match; “Show more results” searches the others` : '';
  return `${found}${rest}.${fixed}`;
}
