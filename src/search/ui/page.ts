// The search page in the browser (bundled by Astro from src/pages/search.astro): reads the
// search from the URL, asks Pagefind (newest shards first, then the whole archive), shows
// results, says honestly when a word matches nothing, and suggests known words instead.
import { FILTER_KEYS, IDS, META, PAGE_SIZE, SHARD_FILTER, SHARDS_FILE, SORT_KEYS, VOCAB_FILE, type ShardPlan, type Sort, type Vocabulary } from '../contract.ts';
import { isActive, readState, stateSearch, statusText, type SearchState } from './state.ts';
import { missingWords, wordsAt } from './match.ts';
import { replaceWord, suggest } from './suggest.ts';
import { makeExcerpt, titleWordCount } from './excerpt.ts';
import { listCursor, mergeCursor, shardNumber, type Cursor, type Ranked } from './order.ts';

/** What the page uses of a Pagefind result's data. */
interface ResultData {
  url: string;
  content: string;
  locations: number[];
  meta: Record<string, string | undefined>;
}
interface PagefindSearch {
  results: Ranked<ResultData>[];
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, o: Record<string, unknown>): Promise<void>;
  search(q: string | null, o: Record<string, unknown>): Promise<PagefindSearch | null>;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = byId<HTMLFormElement>(IDS.form);
const input = byId<HTMLInputElement>(IDS.input);
const sortSelect = byId<HTMLSelectElement>(IDS.sort);
const filterSelects = FILTER_KEYS.map((key) => byId<HTMLSelectElement>(key));
const status = byId<HTMLElement>(IDS.status);
const suggestions = byId<HTMLElement>(IDS.suggestions);
const list = byId<HTMLOListElement>(IDS.results);
const more = byId<HTMLButtonElement>(IDS.more);
const bundle = form.dataset.bundle ?? '/pagefind/';
const baseUrl = form.dataset.base ?? '/';

function formState(): SearchState {
  const filters: SearchState['filters'] = {};
  FILTER_KEYS.forEach((key, i) => filterSelects[i].value && (filters[key] = filterSelects[i].value));
  return { query: input.value.trim(), filters, sort: sortSelect.value as Sort };
}

function showState(state: SearchState) {
  input.value = state.query;
  sortSelect.value = state.sort;
  FILTER_KEYS.forEach((key, i) => (filterSelects[i].value = state.filters[key] ?? ''));
}

showState(readState(new URLSearchParams(location.search)));

const noPlan: ShardPlan = { first: [], rest: [], tag: '' };
const [pagefind, plan] = await Promise.all([
  import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Pagefind>,
  fetch(`${bundle}${SHARDS_FILE}`).then((r) => (r.ok ? (r.json() as Promise<ShardPlan>) : noPlan), () => noPlan),
]);
const cacheTag = plan.tag ? { metaCacheTag: plan.tag } : {};
await pagefind.options({ baseUrl, ...cacheTag, mergeFilter: { [SHARD_FILTER]: '0' } });
/** Shard numbers merged so far, newest first (0 is the primary). */
const loaded = [0];
const merge = (folders: string[]) =>
  Promise.all(
    folders.map(async (f) => {
      await pagefind.mergeIndex(`${bundle}${f}`, { baseUrl, ...cacheTag, mergeFilter: { [SHARD_FILTER]: String(shardNumber(f)) } });
      loaded.push(shardNumber(f));
      loaded.sort((a, b) => a - b);
    }),
  );
await merge(plan.first);
let merging: Promise<void> | undefined;
let merged = plan.rest.length === 0;
const mergeAll = () => (merging ??= merge(plan.rest).then(() => void (merged = true)));

let vocabulary: Promise<Vocabulary> | undefined;
const loadVocabulary = () =>
  (vocabulary ??= fetch(`${bundle}${VOCAB_FILE}`).then((r) => (r.ok ? r.text().then((t) => t.split('\n')) : []), (): Vocabulary => []));

let cursor: Cursor<ResultData> = listCursor([]);
let latest = 0; // the newest search; older ones that finish late are dropped

/** The results of `state` over the shards merged so far, in the order asked for. */
async function find(state: SearchState): Promise<Cursor<ResultData> | null> {
  const q = state.query || null;
  if (state.sort === 'relevance') {
    const s = await pagefind.search(q, { filters: state.filters });
    return s && listCursor(s.results);
  }
  const key = SORT_KEYS[state.sort];
  const perShard = await Promise.all(
    loaded.map((n) => pagefind.search(q, { filters: { ...state.filters, [SHARD_FILTER]: String(n) }, sort: { [key]: 'desc' } })),
  );
  const lists = perShard.map((s) => s?.results ?? []);
  if (state.sort === 'newest') return listCursor(lists.flat());
  return mergeCursor(lists, (d) => Number(d.meta[META.comments] ?? -1));
}

async function run() {
  const ticket = ++latest;
  const state = formState();
  history.replaceState(null, '', `${location.pathname}${stateSearch(state)}`);
  suggestions.replaceChildren();
  if (!isActive(state)) {
    list.replaceChildren();
    status.textContent = '';
    list.setAttribute('aria-busy', 'false');
    more.hidden = true;
    return;
  }
  // A first, partial answer from the newest shards, then the whole archive.
  if (!merged) {
    list.setAttribute('aria-busy', 'true');
    const partial = await find(state);
    if (ticket !== latest || !partial) return;
    const page = await partial.next(PAGE_SIZE);
    if (ticket !== latest) return;
    // A word missing from the newest papers may be in older ones: no verdict yet.
    if (missingWords(state.query, page.map(matched)).length === 0) show(partial, page, state, true);
    await mergeAll();
    if (ticket !== latest) return;
  }
  const all = await find(state);
  if (ticket !== latest || !all) return;
  const page = await all.next(PAGE_SIZE);
  if (ticket !== latest) return;
  const missing = state.query ? missingWords(state.query, page.map(matched)) : [];
  if (missing.length === 0) return show(all, page, state, false);
  await answerMissing(state, missing, ticket);
}

/** The words of a result at its matches. */
const matched = (d: ResultData) => wordsAt(d.content, d.locations);

/**
 * Some query words match nothing: offer the closest known words, and when every missing
 * word has one, show the results of the corrected query right away (a typo still finds
 * its paper), saying so.
 */
async function answerMissing(state: SearchState, missing: string[], ticket: number) {
  const vocab = await loadVocabulary();
  if (ticket !== latest) return;
  const options = missing.map((word) => ({ word, near: suggest(word, vocab) }));
  let corrected = state.query;
  for (const { word, near } of options) if (near[0]) corrected = replaceWord(corrected, word, near[0]);
  const links = options.flatMap(({ word, near }) => near.map((n) => ({ word, query: replaceWord(state.query, word, n) })));
  if (links.length) {
    suggestions.append('Did you mean ');
    links.forEach(({ query }, i) => {
      const a = document.createElement('a');
      a.href = `${location.pathname}${stateSearch({ ...state, query })}`;
      a.textContent = query;
      a.addEventListener('click', (event) => {
        event.preventDefault();
        input.value = query;
        void run();
      });
      suggestions.append(...(i ? [i === links.length - 1 ? ' or ' : ', '] : []), a);
    });
    suggestions.append('?');
  }
  const fixable = options.every((o) => o.near.length > 0);
  if (fixable) {
    const next = await find({ ...state, query: corrected });
    if (ticket !== latest || !next) return;
    const page = await next.next(PAGE_SIZE);
    if (ticket !== latest) return;
    if (page.length && missingWords(corrected, page.map(matched)).length === 0) {
      return show(next, page, { ...state, query: corrected }, false, state.query);
    }
  }
  cursor = listCursor([]);
  list.replaceChildren();
  list.setAttribute('aria-busy', 'false');
  more.hidden = true;
  status.textContent = statusText({ count: 0, query: state.query, partial: false, missing });
}

function show(results: Cursor<ResultData>, page: ResultData[], state: SearchState, partial: boolean, correctedFrom?: string) {
  cursor = results;
  list.replaceChildren(...page.map(render));
  // aria-busy stays true while older papers are still being searched.
  list.setAttribute('aria-busy', String(partial));
  more.hidden = cursor.done();
  status.textContent = statusText({ count: results.total, query: state.query, partial, missing: [], correctedFrom });
}

function render(r: ResultData): HTMLLIElement {
  const li = document.createElement('li');
  const title = r.meta[META.title] ?? r.url;
  const a = li.appendChild(document.createElement('h2')).appendChild(document.createElement('a'));
  a.href = r.url;
  a.textContent = title;
  const p = li.appendChild(document.createElement('p'));
  for (const part of makeExcerpt(r.content, r.locations, titleWordCount(title))) {
    if (!part.mark) p.append(part.text);
    else p.appendChild(document.createElement('mark')).textContent = part.text;
  }
  const meta = li.appendChild(document.createElement('p'));
  meta.className = 'meta';
  meta.textContent = `Published ${r.meta[META.published] ?? 'unknown'} · first listed ${r.meta[META.listed] ?? 'unknown'}`;
  return li;
}

let typing: ReturnType<typeof setTimeout> | undefined;
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typing);
  void run();
});
// Searches after a pause in typing, so each keystroke doesn't search.
input.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => void run(), 150);
});
for (const select of [sortSelect, ...filterSelects]) select.addEventListener('change', () => void run());
more.addEventListener('click', async () => {
  const page = (await cursor.next(PAGE_SIZE)).map(render);
  list.append(...page);
  more.hidden = cursor.done();
  // The button may be gone: focus the first new result, so the next Tab continues there.
  page[0]?.querySelector('a')?.focus();
});
addEventListener('popstate', () => {
  showState(readState(new URLSearchParams(location.search)));
  void run();
});
// Opened without a search: load the older shards while the reader types.
if (!isActive(formState())) void mergeAll();
void run();
