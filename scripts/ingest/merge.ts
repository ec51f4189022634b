// Pure archive merge: the archive's current records plus incoming days → the papers and
// days to write or delete. Knows the rules of docs/format.md about a paper seen on several days.
import type { Corrections, DayData, PaperData } from '../../src/schema.ts';
import type { Entry } from './parse.ts';
import { assignSlug } from './slug.ts';
import { titleKey } from './title-key.ts';

/** One day to (re)derive: a new dump, a replacement, or an archived dump being redone. */
export interface IncomingDay {
  day: string;
  entries: Entry[];
  source: DayData['source'];
}

export interface MergeInput {
  incoming: IncomingDay[];
  /** Existing papers' front matter by slug (none on --rebuild: everything is re-derived). */
  papers: { has(slug: string): boolean; get(slug: string): PaperData | undefined; keys(): Iterable<string> };
  /** Title key (titleKey) → slug of every paper ever written: slugs are never recomputed. */
  slugByTitle: Map<string, string>;
  /** Titles corrected by hand, by slug (content/corrections.json). */
  corrections?: Corrections;
  /** Slugs of the existing day file, for days being replaced (their papers may lose the day). */
  oldDayPapers: (day: string) => string[] | undefined;
  /** Entries of an archived, not incoming, day (read back from its dump when needed). */
  loadEntries: (day: string) => Entry[];
}

export interface PaperOut {
  data: PaperData;
  abstract: string;
}

export interface DayStats {
  day: string;
  entries: number;
  newPapers: number;
  updatedPapers: number;
}

export interface MergeOutput {
  /** Papers whose file must be (re)written, by slug. */
  papers: Map<string, PaperOut>;
  /** Existing papers no longer listed on any day. */
  deleted: string[];
  days: DayData[];
  stats: DayStats[];
  /** Title key → slug, the input's and every slug given now (dumps/slugs.json). */
  slugs: Map<string, string>;
}

interface Listing {
  day: string;
  entry: Entry;
}

/** Merges incoming days into the archive. Deterministic: inputs are processed by day. */
export function merge(input: MergeInput): MergeOutput {
  const incoming = [...input.incoming].sort((a, b) => (a.day < b.day ? -1 : 1));
  const incomingDays = new Set(incoming.map((d) => d.day));
  const slugByTitle = new Map(input.slugByTitle);
  const keyBySlug = new Map<string, string>();
  for (const [t, s] of slugByTitle) keyBySlug.set(s, t);
  const taken = new Set([...slugByTitle.values(), ...input.papers.keys()]);
  const corrections = input.corrections ?? {};

  // New listings by slug, in day order; new titles get slugs in (day, position) order.
  const listings = new Map<string, Listing[]>();
  const days: DayData[] = [];
  const stats: DayStats[] = [];
  const createdHere = new Set<string>();
  for (const inc of incoming) {
    const st: DayStats = { day: inc.day, entries: inc.entries.length, newPapers: 0, updatedPapers: 0 };
    const slugs: string[] = [];
    for (const entry of inc.entries) {
      const key = titleKey(entry.title);
      let slug = slugByTitle.get(key);
      if (slug === undefined) {
        slug = assignSlug(entry.title, taken);
        slugByTitle.set(key, slug);
        keyBySlug.set(slug, key);
        createdHere.add(slug);
        st.newPapers++;
      } else if (!createdHere.has(slug) && input.papers.has(slug)) st.updatedPapers++;
      else if (!createdHere.has(slug)) {
        // A slug known from papers/ (rebuild) but re-derived here: counts as new once.
        createdHere.add(slug);
        st.newPapers++;
      }
      slugs.push(slug);
      const list = listings.get(slug) ?? [];
      list.push({ day: inc.day, entry });
      listings.set(slug, list);
    }
    days.push({ date: inc.day, papers: slugs, source: inc.source });
    stats.push(st);
  }

  // Papers touched: listed on an incoming day now, or listed on a replaced day before.
  const touched = new Set(listings.keys());
  for (const inc of incoming) for (const s of input.oldDayPapers(inc.day) ?? []) if (input.papers.has(s)) touched.add(s);
  // A correction not yet in its paper's file: that paper is written again.
  for (const [slug, c] of Object.entries(corrections)) if (input.papers.has(slug) && input.papers.get(slug)!.title !== c.title) touched.add(slug);

  const out = new Map<string, PaperOut>();
  const deleted: string[] = [];
  for (const slug of [...touched].sort()) {
    const fresh = listings.get(slug) ?? [];
    const old = input.papers.get(slug);
    const kept = (old?.days ?? []).filter((d) => !incomingDays.has(d));
    if (fresh.length === 0 && kept.length === 0) {
      if (old) deleted.push(slug);
      continue;
    }
    const key = keyBySlug.get(slug) ?? titleKey(old!.title);
    const lastKept = kept.at(-1);
    if (old && old.days.every((d) => !incomingDays.has(d)) && fresh.length > 0 && (lastKept === undefined || lastKept < fresh[0].day)) {
      // Fast path: the new listings are all later than the archived ones, so the archived
      // record is the state after its own days and the new listings apply on top.
      out.set(slug, derive(fresh, old, kept));
    } else if (kept.length === 0) {
      out.set(slug, derive(fresh, undefined, []));
    } else {
      // A back-filled or replaced day: re-derive from every listing, archived dumps included.
      const all: Listing[] = [...fresh];
      for (const day of kept) {
        const entry = input.loadEntries(day).find((e) => titleKey(e.title) === key);
        if (entry) all.push({ day, entry });
      }
      all.sort((a, b) => (a.day < b.day ? -1 : 1));
      if (all.length > 0) out.set(slug, derive(all, undefined, []));
      else if (old) deleted.push(slug);
    }
    const fixed = out.get(slug);
    if (fixed && corrections[slug]) fixed.data.title = corrections[slug].title;
  }
  return { papers: out, deleted, days, stats, slugs: slugByTitle };
}

/**
 * A paper's record from its listings (sorted by day), on top of `base` when given. Every
 * known fact is kept: the title as the latest listing wrote it; the author count from the
 * latest listing that showed one, the organisation from the latest that showed one (a
 * listing showing one does not erase the other); the publication date from the latest
 * meta block; the comment count literally the latest listing's.
 */
function derive(listings: Listing[], base: PaperData | undefined, baseDays: string[]): PaperOut {
  const title = listings.at(-1)!.entry.title;
  const data: PaperData = base
    ? { ...base, title }
    : { title, authors: null, organization: null, published: null, comments: null, days: [] };
  for (const { entry } of listings) {
    data.comments = entry.comments;
    if (entry.authors !== null) data.authors = entry.authors;
    if (entry.organization !== null) data.organization = entry.organization;
    if (entry.published !== null) data.published = entry.published;
  }
  data.days = [...new Set([...baseDays, ...listings.map((l) => l.day)])].sort();
  // The abstract comes from the latest listing: a later capture may be less cut.
  return { data, abstract: listings.at(-1)!.entry.abstract };
}
