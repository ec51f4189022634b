// The search page in the browser (bundled by Astro from src/pages/search.astro): reads the
// search from the URL, looks its words up in the term map, merges into Pagefind only the shards
// that can answer, in rounds (route.ts), shows results, says honestly when a word matches
// nothing or when older papers are left to ask for, and suggests known words instead.
import { COVERAGE_ATTRIBUTE, ENGINE_FILES, factsFile, orgFile, SHOWN_SEARCH_ATTRIBUTE, FILTER_KEYS, IDS, PAGE_SIZE, PLAN_FILE, SHARD_FILTER, shardFolder, SHOWN, termsFile, VOCAB_FILE, type FilterKey, type ShardFacts, type ShardInfo, type ShardPlan, type Sort, type Vocabulary } from '../contract.ts';
import { asOrgPapers, keepOrg, orgFilter, orgPapersNewestFirst, orgShards, type OrgFilter } from './org-filter.ts';
import { factsById } from '../facts.ts';
import { decodeBucket, searchWords, titlePapers, type TermEntry } from '../terms.ts';
import { isActive, readState, stateSearch, statusText, type SearchState } from './state.ts';
import { missingWords, wordsAt } from './match.ts';
import { replaceWord, suggest } from './suggest.ts';
import { makeExcerpt, titleWordCount } from './excerpt.ts';
import { arrange, listCursor, roundCursor, type Cursor, type Facts, type Ranked } from './order.ts';
import { FIRST_BYTES, lookup, ROUND_BYTES, rounds, route } from './route.ts';

/** What the page uses of a Pagefind result's data. */
interface ResultData {
  url: string;
  content: string;
  locations: number[];
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, o: Record<string, unknown>): Promise<void>;
  search(q: string | null, o: Record<string, unknown>): Promise<{ results: Ranked<ResultData>[] } | null>;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = byId<HTMLFormElement>(IDS.form);
const input = byId<HTMLInputElement>(IDS.input);
const sortSelect = byId<HTMLSelectElement>(IDS.sort);
const filterSelects = FILTER_KEYS.map((key) => byId<HTMLSelectElement>(key));
const orgSelect = byId<HTMLSelectElement>(IDS.org);
const status = byId<HTMLElement>(IDS.status);
const suggestions = byId<HTMLElement>(IDS.suggestions);
const list = byId<HTMLOListElement>(IDS.results);
const more = byId<HTMLButtonElement>(IDS.more);
const bundle = form.dataset.bundle ?? '/pagefind/';
const baseUrl = form.dataset.base ?? '/';
/** The engine's cache tag (its Pagefind version): the page's <head> preloads its entry file with it. */
const engineTag = form.dataset.engine ?? '';

function formState(): SearchState {
  const filters: SearchState['filters'] = {};
  FILTER_KEYS.forEach((key, i) => filterSelects[i].value && (filters[key] = filterSelects[i].value));
  return { query: input.value.trim(), filters, sort: sortSelect.value as Sort, ...(orgSelect.value ? { org: orgSelect.value } : {}) };
}

function showState(state: SearchState) {
  input.value = state.query;
  sortSelect.value = state.sort;
  FILTER_KEYS.forEach((key, i) => (filterSelects[i].value = state.filters[key] ?? ''));
  // The menu lists the organisations with the most papers; any other comes from the URL.
  if (state.org && ![...orgSelect.options].some((o) => o.value === state.org)) orgSelect.add(new Option(state.org, state.org));
  orgSelect.value = state.org ?? '';
}

showState(readState(new URLSearchParams(location.search)));

const noPlan: ShardPlan = { tag: '', shards: [], terms: { first: [] } };
const fetchText = (file: string, version: string) =>
  fetch(`${bundle}${file}?v=${version}`).then((r) => {
    if (!r.ok) throw new Error(`${r.status} fetching ${bundle}${file}`);
    return r.text();
  });
// Both preloaded by the page's <head>, as are the engine's entry file and wasm.
const [pagefind, plan] = await Promise.all([
  import(/* @vite-ignore */ `${bundle}${ENGINE_FILES.script}`) as Promise<Pagefind>,
  fetch(`${bundle}${PLAN_FILE}`).then((r) => (r.ok ? (r.json() as Promise<ShardPlan>) : noPlan), () => noPlan),
]);
// The engine (Pagefind's wasm and an index of one empty page) loads while the query's words are
// looked up; shards are merged into it as queries need them. On the page's own thread, not in
// Pagefind's worker: the worker would be one more file and round trip before the first result,
// and could not use the wasm the page preloads; a search over the few shards a query loads is
// brief.
await pagefind.options({ baseUrl, metaCacheTag: engineTag, noWorker: true });
void pagefind.init();

const buckets = new Map<number, Promise<TermEntry[]>>();
const bucket = (i: number) => {
  if (!buckets.has(i)) buckets.set(i, fetchText(termsFile(i), plan.tag).then((t) => decodeBucket(t, plan.shards.map((s) => s.id))));
  return buckets.get(i)!;
};
const merged = new Map<number, Promise<void>>();
const preloaded = new Set<number>();
/**
 * Asks for a shard's entry and metadata files at once, as preloads that Pagefind's own requests
 * then take: Pagefind reads the entry before it asks for the metadata, a round trip more.
 */
const preload = (s: ShardInfo) => {
  if (merged.has(s.id) || preloaded.has(s.id)) return;
  preloaded.add(s.id);
  for (const href of [`${bundle}${shardFolder(s.id)}${ENGINE_FILES.entry}?ts=${s.key}`, `${bundle}${shardFolder(s.id)}${s.meta}`]) {
    const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', href, crossOrigin: 'anonymous' });
    document.head.append(link);
  }
};
const merge = (s: ShardInfo) => {
  if (!merged.has(s.id)) merged.set(s.id, pagefind.mergeIndex(`${bundle}${shardFolder(s.id)}`, { baseUrl, metaCacheTag: s.key, mergeFilter: { [SHARD_FILTER]: String(s.id) } }));
  return merged.get(s.id)!;
};
const facts = new Map<number, Promise<Map<string, Facts>>>();
const factsOf = (s: ShardInfo) => {
  if (!facts.has(s.id))
    facts.set(s.id, fetchText(factsFile(s.id), s.facts).then((t) => new Map([...factsById(JSON.parse(t) as ShardFacts)].map(([id, f]) => [id, { ...f, shard: s.id }]))));
  return facts.get(s.id)!;
};

const orgs = new Map<string, Promise<OrgFilter | null>>();
/** An organisation's papers by its slug; null when the archive has no such organisation. */
const orgOf = (slug: string) => {
  if (!orgs.has(slug))
    orgs.set(
      slug,
      // The slug comes from the URL: encoded, it names a file in orgs/ and nothing else.
      fetch(`${bundle}${orgFile(encodeURIComponent(slug))}?v=${plan.tag}`)
        .then(async (r) => {
          const file = r.ok ? asOrgPapers(await r.json()) : undefined;
          return file ? orgFilter(file) : null;
        })
        .catch(() => null),
    );
  return orgs.get(slug)!;
};

let vocabulary: Promise<Vocabulary> | undefined;
const loadVocabulary = () => (vocabulary ??= fetchText(VOCAB_FILE, plan.tag).then((t) => t.split('\n'), (): Vocabulary => []));

/** Whether a shard's facts are needed: a sort by them, or a filter not every paper of the shard passes. */
const needsFacts = (s: ShardInfo, state: SearchState) =>
  state.sort !== 'relevance' || Object.entries(state.filters).some(([key, value]) => s.whole[key as FilterKey] !== value);

/** The results of `words` in `shards`, filtered and in the order asked for. */
async function search(state: SearchState, words: readonly string[], shards: readonly ShardInfo[], org: OrgFilter | null): Promise<Ranked<ResultData>[]> {
  if (shards.length === 0) return [];
  shards.forEach(preload);
  // Facts for every shard or none: a result without them would be dropped as not passing.
  const need = shards.some((s) => needsFacts(s, state));
  const [found, known] = await Promise.all([
    Promise.all(shards.map(merge)).then(() =>
      pagefind.search(words.length ? words.join(' ') : null, { filters: { [SHARD_FILTER]: { any: shards.map((s) => String(s.id)) } } }),
    ),
    Promise.all(need ? shards.map(factsOf) : []),
  ]);
  const results = org ? keepOrg(found?.results ?? [], org) : (found?.results ?? []);
  return need ? arrange(results, state.sort, state.filters, new Map(known.flatMap((m) => [...m]))) : results;
}

/** What the page shows: the results, and what its status line says of them. */
interface Answer {
  state: SearchState;
  cursor: Cursor<ResultData>;
  /** Papers in each round's shards, and in all the shards that could match. */
  roundPapers: number[];
  of: number;
  correctedFrom?: string;
}
let answer: Answer | undefined;
let latest = 0; // the newest search; older ones that finish late are dropped

async function run() {
  const ticket = ++latest;
  const state = formState();
  history.replaceState(null, '', `${location.pathname}${stateSearch(state)}`);
  suggestions.replaceChildren();
  if (!isActive(state)) {
    answer = undefined;
    list.replaceChildren();
    list.removeAttribute(SHOWN_SEARCH_ATTRIBUTE);
    status.textContent = '';
    list.setAttribute('aria-busy', 'false');
    more.hidden = true;
    return;
  }
  list.setAttribute('aria-busy', 'true');
  const missing = await find(state, ticket);
  if (missing && ticket === latest) await answerMissing(state, missing, ticket);
}

/**
 * Searches `state` and shows it; resolves to the words no paper mentions instead, when there are
 * any (then nothing is shown). `correctedFrom`: the query as typed, when this is its correction.
 */
async function find(state: SearchState, ticket: number, correctedFrom?: string): Promise<string[] | undefined> {
  const words = searchWords(state.query);
  const look = lookup(state.query, words, plan);
  const org = state.org ? await orgOf(state.org) : null;
  if (ticket !== latest) return;
  if (state.org && !org) {
    showNothing(state, `No organisation “${state.org}” in the archive.`);
    return;
  }
  if (org) {
    // An organisation from the URL that the menu does not list was added under its slug: name it.
    for (const option of orgSelect.options) if (option.value === state.org && option.text === state.org) option.text = org.name;
    // Every paper of the organisation, newest first: its own list, no index needed.
    if (words.length === 0 && Object.keys(state.filters).length === 0 && state.sort !== 'comments') {
      const cursor = listCursor(orgPapersNewestFirst(org).map(({ shard, page }) => ({ id: page, data: () => fragment(shard, page) })));
      const page = await cursor.next(PAGE_SIZE);
      if (ticket === latest) show({ state, cursor, roundPapers: [], of: 0, correctedFrom }, page, false);
      return;
    }
  }
  // A pasted title is shown from its term-map entry and its fragment alone, before any shard is
  // loaded (unless the round's answer is there first); without filters, which need the facts.
  let settled = false;
  const title = Object.keys(state.filters).length === 0 && !org ? look.title : null;
  const quick = title
    ? bucket(title.bucket)
        .then(async (entries) => {
          const hits = titlePapers(entries, title.key);
          if (hits.length === 0 || ticket !== latest) return;
          const page = await Promise.all(hits.slice(0, PAGE_SIZE).map(({ shard, page }) => fragment(shard, page)));
          if (ticket === latest && !settled) show({ state, cursor: listCursor([]), roundPapers: [], of: 0, correctedFrom }, page, true);
        })
        .catch(() => {}) // the round's answer follows anyway
    : undefined;
  const needed = [...new Set([...look.words.flatMap((w) => w.buckets ?? []), ...(look.title ? [look.title.bucket] : [])])];
  const fetched = new Map(await Promise.all(needed.map(async (i) => [i, await bucket(i).catch((): TermEntry[] => [])] as const)));
  if (ticket !== latest) return;
  const { missing, order, density, titles } = route(org ? { shards: orgShards(plan.shards, org) } : plan, look, (i) => fetched.get(i) ?? [], state.filters, state.sort);
  if (missing.length) return missing;
  // A sort by comments needs every shard that can match before it can show the first result.
  const planned = rounds(order, density, state.sort === 'comments' ? Infinity : ROUND_BYTES);
  const first = planned[0] ?? [];
  const head = rounds(first, density, FIRST_BYTES)[0] ?? [];
  const of = order.reduce((n, s) => n + s.papers, 0);
  const roundPapers = planned.map((r) => r.reduce((n, s) => n + s.papers, 0));
  if (quick && titles.length) {
    // A pasted title: its paper is painted before the round is asked for.
    await quick;
    await new Promise((resolve) => setTimeout(resolve));
    if (ticket !== latest) return;
  } else if (head.length < first.length && state.sort !== 'comments') {
    // A first answer from the first shards while the rest of the first round loads.
    const partial = await search(state, words, head, org);
    if (ticket !== latest) return;
    const cursor = roundCursor(partial, 1, async () => []);
    const page = await cursor.next(PAGE_SIZE);
    if (ticket !== latest) return;
    if (page.length) show({ state, cursor, roundPapers, of, correctedFrom }, page, true);
    // The first results are painted before the rest of the round is asked for.
    await new Promise((resolve) => setTimeout(resolve));
    if (ticket !== latest) return;
  }
  const results = await search(state, words, first, org);
  if (ticket !== latest) return;
  const cursor = roundCursor(results, planned.length, (i) => search(state, words, planned[i], org));
  const page = await cursor.next(PAGE_SIZE);
  if (ticket !== latest) return;
  const unmatched = words.length ? missingWords(words, page.map(matched)) : [];
  if (page.length && unmatched.length) return unmatched;
  settled = true;
  show({ state, cursor, roundPapers, of, correctedFrom }, page, false);
}

/**
 * A result's data read straight from its Pagefind fragment (gzip of a 12-byte signature and
 * the page's JSON), as Pagefind's `result.data()` gives it but with no match locations.
 */
async function fragment(shard: number, page: string): Promise<ResultData> {
  const response = await fetch(`${bundle}${shardFolder(shard)}fragment/${page}.pf_fragment`);
  if (!response.ok) throw new Error(`${response.status} fetching fragment ${page}`);
  const body = response.body!.pipeThrough(new DecompressionStream('gzip'));
  const data = JSON.parse(new TextDecoder().decode((await new Response(body).arrayBuffer()).slice(12))) as Omit<ResultData, 'locations'>;
  // Pagefind joins the base and the record's URL the same way.
  return { ...data, content: data.content.replace(/\u200B/g, ''), url: `${baseUrl}/${data.url}`.replace(/\/+/g, '/'), locations: [] };
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
  if (options.every((o) => o.near.length > 0) && !(await find({ ...state, query: corrected }, ticket, state.query))) return;
  if (ticket !== latest) return;
  showNothing(state, statusText({ count: 0, query: state.query, partial: false, missing }));
}

/** Shows no results, and why. */
function showNothing(state: SearchState, why: string) {
  answer = undefined;
  list.replaceChildren();
  list.setAttribute('aria-busy', 'false');
  list.setAttribute(SHOWN_SEARCH_ATTRIBUTE, stateSearch(state));
  more.hidden = true;
  status.removeAttribute(COVERAGE_ATTRIBUTE);
  status.textContent = why;
}

/** Shows the first page of `next`; `partial` while the rest of its first round is still searched. */
function show(next: Answer, page: ResultData[], partial: boolean) {
  answer = next;
  list.replaceChildren(...page.map(render));
  list.setAttribute(SHOWN_SEARCH_ATTRIBUTE, stateSearch(next.state));
  // aria-busy stays true while the first round is still being searched.
  list.setAttribute('aria-busy', String(partial));
  more.hidden = partial || next.cursor.done();
  updateStatus(partial);
}

function updateStatus(partial: boolean) {
  if (!answer) return;
  const { state, cursor, roundPapers, of, correctedFrom } = answer;
  const whole = cursor.complete();
  const searched = whole || partial ? undefined : { papers: roundPapers.slice(0, cursor.loaded()).reduce((a, b) => a + b, 0), of };
  status.setAttribute(COVERAGE_ATTRIBUTE, whole ? 'all' : 'part');
  status.textContent = statusText({ count: cursor.total(), query: state.query, partial, missing: [], correctedFrom, searched });
}

function render(r: ResultData): HTMLLIElement {
  const li = document.createElement('li');
  const title = r.meta.title ?? r.url;
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
  meta.textContent = `Published ${r.filters[SHOWN.published]?.[0] ?? 'unknown'} · first listed ${r.filters[SHOWN.listed]?.[0] ?? 'unknown'}`;
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
for (const select of [sortSelect, orgSelect, ...filterSelects]) select.addEventListener('change', () => void run());
more.addEventListener('click', async () => {
  const shown = answer;
  if (!shown) return;
  list.setAttribute('aria-busy', 'true');
  const page = (await shown.cursor.next(PAGE_SIZE, true)).map(render);
  if (answer !== shown) return;
  list.append(...page);
  list.setAttribute('aria-busy', 'false');
  more.hidden = shown.cursor.done();
  updateStatus(false);
  // The button may be gone: focus the first new result, so the next Tab continues there.
  page[0]?.querySelector('a')?.focus();
});
addEventListener('popstate', () => {
  showState(readState(new URLSearchParams(location.search)));
  void run();
});
void run();
