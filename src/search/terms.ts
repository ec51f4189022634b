// Pure and browser-safe: the term map, which tells the search page which shards can hold a
// query word before it loads any of them. The indexer lists the keys of every paper (its words
// and their stems, folded); the page looks a query word up by prefix, as Pagefind matches it.
import { stem } from 'porter2';
import { queryWords } from '../format/words.ts';

/**
 * Keys are cut to this many characters (a joined URL makes a key of 60): a query word is cut
 * the same way, so every key a word extends still starts with the cut word.
 */
export const MAX_KEY = 24;

/** Lowercase, without diacritics (Pagefind matches "cafe" to "café"), cut to `MAX_KEY`. */
export function fold(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').slice(0, MAX_KEY);
}

/**
 * The forms of each whitespace-separated token: its words, and for a compound such as
 * "three-finger" also the joined word, which Pagefind indexes too and which a query of the
 * compound searches ("threefinger").
 */
function tokenForms(text: string): string[] {
  const forms: string[] = [];
  for (const token of text.split(/\s+/)) {
    const parts = queryWords(token);
    forms.push(...parts);
    if (parts.length > 1) forms.push(parts.join(''));
  }
  return forms;
}

/**
 * Adds the keys of `text` to `into`: each form folded, and its Porter2 stem folded. A query word
 * can match a paper only through a key that starts with the word or with the word's stem
 * (see `wordPrefixes`): the key set of a shard is all the term map needs to know of it.
 */
export function addTextKeys(text: string, into: Set<string>): Set<string> {
  for (const form of tokenForms(text)) {
    let keys = keysOfForm.get(form);
    if (keys === undefined) {
      if (keysOfForm.size >= MAX_KNOWN_FORMS) keysOfForm.clear();
      keysOfForm.set(form, (keys = [fold(form), fold(stem(form))]));
    }
    into.add(keys[0]);
    into.add(keys[1]);
  }
  return into;
}

/**
 * Each form's two keys, worked out once: an index run of 30,000 papers meets some seven million
 * word occurrences, far fewer distinct forms, and folding and stemming each occurrence was most
 * of this function's CPU time. Bounded, so an odd archive's endless one-off forms cannot make it
 * grow without end.
 */
const keysOfForm = new Map<string, readonly [string, string]>();
const MAX_KNOWN_FORMS = 200_000;

/**
 * Words that carry no meaning for a search. The page leaves them out of a query that has other
 * words: every paper holds them, so they narrow nothing, weigh next to nothing in Pagefind's
 * ranking, and cost an index chunk each in every shard searched.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be by do does for from has have how in into is it its of on or our so than that the their then these this those to via vs was we were what when where which while who why will with'.split(' '),
);

/**
 * The words the page searches for: each whitespace-separated token as one word of letters and
 * digits ("three-finger" → "threefinger", as Pagefind reads a query), lowercase, once each, and
 * without function words unless the query has nothing else.
 */
export function searchWords(query: string): string[] {
  const words = [...new Set(query.split(/\s+/).map((t) => queryWords(t).join('')).filter(Boolean))];
  const meaningful = words.filter((w) => !FUNCTION_WORDS.has(w));
  return meaningful.length ? meaningful : words;
}

/**
 * The prefixes a key must start with to match `word`: Pagefind stems a query word and extends
 * it ("transf" finds "transformer"), and the page also counts the word's own extensions.
 * Shortest first; one that extends another is left out.
 */
export function wordPrefixes(word: string): string[] {
  const both = [...new Set([fold(stem(word.toLowerCase())), fold(word)])].sort((a, b) => a.length - b.length);
  return both.filter((p, i) => !both.slice(0, i).some((q) => p.startsWith(q)));
}

/** The keys that match `word` as such (the word or its stem), rather than as a prefix. */
export function exactKeys(word: string): string[] {
  return [...new Set([fold(word), fold(stem(word.toLowerCase()))])];
}

/** Keys of whole titles start with this (no word key can: words are letters and digits). */
export const TITLE_KEY_MARK = '#';

/**
 * The key of a whole title: a digest of its folded words, so a pasted title finds its shard
 * even when every one of its words is in every shard. Any text gives one; a query is looked up
 * by it when it has enough words to be a title.
 */
export function titleKey(text: string): string {
  return TITLE_KEY_MARK + digest53(queryWords(text).map(fold).join(' ')).toString(36);
}

/** A query needs this many words to be looked up as a whole title. */
export const TITLE_MIN_WORDS = 3;

/** cyrb53 (public domain): a 53-bit string digest, small and fast, good enough to tell titles apart. */
function digest53(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

// ---- Buckets: the map's sorted keys cut into files of a few hundred keys each ----

/**
 * One key of the map: the shards holding it (ids, ascending), how many papers hold it in all,
 * and for a whole title the papers themselves, as `<shard id>:<Pagefind page id>`.
 */
export type TermEntry = readonly [key: string, shards: readonly number[], papers: number, pages?: readonly string[]];

/**
 * A bucket's text: one `key<TAB>shards<TAB>papers[<TAB>pages]` line per key, sorted. The shards
 * in the shortest of three forms: base-36 ids joined by commas, `!` and the ids of the shards
 * *without* the key, or `*` and the set as a base-36 bit mask; the paper count in base 36.
 */
export function encodeBucket(entries: readonly TermEntry[], shardIds: readonly number[]): string {
  const ids = (list: readonly number[]) => list.map((id) => id.toString(36)).join(',');
  return entries
    .map(([key, shards, papers, pages]) => {
      const forms = [ids(shards), `!${ids(shardIds.filter((id) => !shards.includes(id)))}`, `*${shards.reduce((mask, id) => mask | (1n << BigInt(id)), 0n).toString(36)}`];
      const list = forms.reduce((a, b) => (b.length < a.length ? b : a));
      return `${key}\t${list}\t${papers.toString(36)}${pages ? `\t${pages.join(',')}` : ''}`;
    })
    .join('\n');
}

/** The entries of a bucket's text; `shardIds`: every shard of the plan. */
export function decodeBucket(text: string, shardIds: readonly number[]): TermEntry[] {
  if (text === '') return [];
  const ids = (s: string) => (s === '' ? [] : s.split(',').map((id) => parseInt(id, 36)));
  const shardsOf = (list: string): number[] => {
    if (list.startsWith('!')) {
      const absent = new Set(ids(list.slice(1)));
      return shardIds.filter((id) => !absent.has(id));
    }
    if (!list.startsWith('*')) return ids(list);
    let mask = [...list.slice(1)].reduce((n, c) => n * 36n + BigInt(parseInt(c, 36)), 0n);
    const out: number[] = [];
    for (let id = 0; mask > 0n; id++, mask >>= 1n) if (mask & 1n) out.push(id);
    return out;
  };
  return text.split('\n').map((line) => {
    const [key, list, papers, pages] = line.split('\t');
    const entry = [key, shardsOf(list), parseInt(papers, 36)] as const;
    return pages === undefined ? entry : ([...entry, pages.split(',')] as const);
  });
}

/**
 * Splits sorted entries into buckets of `size` keys; returns them with each bucket's bound: the
 * shortest start of its first key that sorts after the bucket before's last key (the plan, which
 * every search loads, lists them), so that every key of a bucket is at or after its bound and
 * every key before it is before.
 */
export function splitBuckets(entries: readonly TermEntry[], size: number): { first: string[]; buckets: TermEntry[][] } {
  const buckets: TermEntry[][] = [];
  for (let i = 0; i < entries.length; i += size) buckets.push(entries.slice(i, i + size));
  const first = buckets.map((b, i) => {
    const key = b[0][0];
    if (i === 0) return '';
    const before = buckets[i - 1][buckets[i - 1].length - 1][0];
    let n = 1;
    while (key.slice(0, n) <= before) n++;
    return key.slice(0, n);
  });
  return { first, buckets };
}

/** Index of the bucket that would hold `key` (the last whose first key is not after it). */
function bucketOf(key: string, first: readonly string[]): number {
  let lo = 0;
  let hi = first.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (first[mid] <= key) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The buckets that can hold keys starting with `prefix` (consecutive, ascending). */
export function bucketsFor(prefix: string, first: readonly string[]): number[] {
  if (first.length === 0) return [];
  const from = bucketOf(prefix, first);
  const to = bucketOf(prefix + '\uffff', first);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The papers holding `key` as a whole title: shard id and Pagefind page id. */
export function titlePapers(entries: readonly TermEntry[], key: string): { shard: number; page: string }[] {
  return entries
    .filter(([k]) => k === key)
    .flatMap(([, , , pages]) => pages ?? [])
    .map((p) => ({ shard: Number(p.slice(0, p.indexOf(':'))), page: p.slice(p.indexOf(':') + 1) }));
}

/**
 * The shards holding a key that starts with one of `prefixes`, those holding one of `exact`, and
 * how many papers hold such keys (at most: a paper holding two of them counts twice).
 */
export function shardsOf(entries: readonly TermEntry[], prefixes: readonly string[], exact: readonly string[]): { any: Set<number>; exact: Set<number>; papers: number } {
  const any = new Set<number>();
  const found = new Set<number>();
  let papers = 0;
  for (const [key, shards, count] of entries) {
    if (!prefixes.some((p) => key.startsWith(p))) continue;
    papers += count;
    for (const id of shards) any.add(id);
    if (exact.includes(key)) for (const id of shards) found.add(id);
  }
  return { any, exact: found, papers };
}
