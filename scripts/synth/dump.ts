// The dump generator's core: (seed, start date, day index) → the exact text of that day's
// raw dump (see docs/format.md). Pure and deterministic; papers are keyed by (first day, slot)
// so any day can be produced without generating the days before it in full.
import { hash32, rng, unit, type Rng } from './prng.ts';
import { abstract, title, topic } from './text.ts';
import { ORGANIZATIONS, vocabulary, zipf } from './words.ts';
import { DAY_MS, SHORT_MONTH_NAMES } from '../../src/format/dates.ts';

export const MIN_ENTRIES = 25;
export const MAX_ENTRIES = 45;
/** Share of papers listed again on a later day, and of entries without a meta block. */
export const RELIST_RATE = 0.155;
export const METALESS_RATE = 0.08;
const ORGANIZATION_RATE = 0.03;
const COMMENT_RATE = 0.15;
/** A relisted paper comes back within this many days. */
const MAX_RELIST_DELAY = 120;
/** At most this many relisted papers on one day, so most of the day stays new. */
const MAX_RELISTED_PER_DAY = 12;

export const HEADER = ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'Daily Papers', 'byAK and the research community'];
const SALT = { size: 1, relist: 2, delay: 3, paper: 4, appearance: 5, order: 6, again: 7 };

export interface SynthOptions {
  seed: number;
  /** First day of the series, `YYYY-MM-DD`. */
  start: string;
  /**
   * Papers listed under an organisation instead of an author count: their share, and how many
   * organisations there are (the first few far more often than the rest, as in real listings).
   * By default 3 %, evenly over the 23 in words.ts.
   */
  organizations?: { share: number; count: number };
}

/** Organisation names: the named ones, then made-up labs. */
export function organizationNames(count: number): string[] {
  const { nameParts } = vocabulary();
  const kinds = ['Lab', 'AI', 'Research', 'Institute', 'University'];
  const names = ORGANIZATIONS.slice(0, count);
  for (let i = 0; names.length < count; i++) names.push(`${nameParts[i % nameParts.length]} ${kinds[Math.floor(i / nameParts.length) % kinds.length]}`);
  return names;
}

export interface Paper {
  title: string;
  abstract: string;
  /** null: no meta block. */
  meta: null | { authors: number | string; published: number /* UTC ms */ };
}

export interface Appearance {
  paper: Paper;
  /** Key of the paper: `${firstDay}:${slot}`. */
  key: string;
  comments: number;
  relisted: boolean;
}

export interface SynthDay {
  index: number;
  /** `YYYY-MM-DD`. */
  date: string;
  fileName: string;
  entries: Appearance[];
  text: string;
}

/** `YYYY-MM-DD` of day `index` of the series. */
export function dayDate(start: string, index: number): string {
  const base = Date.parse(start + 'T00:00:00Z');
  if (Number.isNaN(base) || !/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new Error(`invalid start date: ${start}`);
  return new Date(base + index * DAY_MS).toISOString().slice(0, 10);
}

/** The day's header line / yearless date: "Dec 9". */
export function monthDay(ms: number): string {
  const d = new Date(ms);
  return `${SHORT_MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCDate()}`;
}

/**
 * A generator for one series. It memoises the per-day plan (how many entries, which are
 * relisted), which every later day depends on; texts are produced on demand.
 */
export function synthSeries(options: SynthOptions) {
  const { seed } = options;
  const orgShare = options.organizations?.share ?? ORGANIZATION_RATE;
  const orgs = options.organizations ? zipf(organizationNames(options.organizations.count), 1, 2.7) : undefined;
  const pickOrganization = (r: Rng) => (orgs ? orgs.sample(r.next()) : r.pick(ORGANIZATIONS));
  const startMs = Date.parse(dayDate(options.start, 0) + 'T00:00:00Z');
  const newCounts: number[] = [];
  const relistedInto = new Map<number, string[]>();

  /** Later days on which paper (day, slot) is listed again. */
  function relistDays(day: number, slot: number): number[] {
    if (unit(seed, SALT.relist, day, slot) >= RELIST_RATE) return [];
    const delay = (salt: number): number => {
      const u = unit(seed, SALT.delay, day, slot, salt);
      return u < 0.5 ? 1 + Math.floor(u * 2 * 14) : 15 + Math.floor((u - 0.5) * 2 * (MAX_RELIST_DELAY - 14));
    };
    const first = day + delay(0);
    return unit(seed, SALT.again, day, slot) < 0.2 ? [first, first + delay(1)] : [first];
  }

  /** Number of new papers on `day`; fills `relistedInto` for later days as a side effect. */
  function plan(day: number): number {
    for (let d = newCounts.length; d <= day; d++) {
      const size = MIN_ENTRIES + (hash32(seed, SALT.size, d) % (MAX_ENTRIES - MIN_ENTRIES + 1));
      const relisted = (relistedInto.get(d) ?? []).slice(0, MAX_RELISTED_PER_DAY);
      relistedInto.set(d, relisted);
      const fresh = size - relisted.length;
      newCounts.push(fresh);
      for (let slot = 0; slot < fresh; slot++) {
        for (const later of relistDays(d, slot)) {
          const list = relistedInto.get(later) ?? [];
          list.push(`${d}:${slot}`);
          relistedInto.set(later, list);
        }
      }
      if (d >= MAX_RELIST_DELAY * 2) relistedInto.delete(d - MAX_RELIST_DELAY * 2);
    }
    return newCounts[day];
  }

  /** The paper first listed on `day` in `slot`: its text never changes between listings. */
  function paper(day: number, slot: number): Paper {
    const r = rng(hash32(seed, SALT.paper, day, slot));
    const t = topic(r);
    const paperTitle = title(r, t);
    const paperAbstract = abstract(r, t);
    if (r.chance(METALESS_RATE)) return { title: paperTitle, abstract: paperAbstract, meta: null };
    const listed = startMs + day * DAY_MS;
    const k = r.next();
    const ageDays = k < 0.55 ? r.int(0, 30) : k < 0.8 ? r.int(31, 365) : r.int(366, 365 * 12);
    let authors: number | string;
    if (r.chance(orgShare)) authors = pickOrganization(r);
    else {
      const a = r.next();
      authors = a < 0.06 ? 1 : a < 0.9 ? r.int(2, 10) : a < 0.98 ? r.int(11, 25) : r.int(26, 40);
    }
    return { title: paperTitle, abstract: paperAbstract, meta: { authors, published: listed - ageDays * DAY_MS } };
  }

  function metaLines(p: Paper, comments: number, dayMs: number): string {
    if (!p.meta) return '';
    const { authors, published } = p.meta;
    const who = typeof authors === 'number' ? `${authors} authors` : authors;
    const sameYear = new Date(published).getUTCFullYear() === new Date(dayMs).getUTCFullYear();
    const date = sameYear ? monthDay(published) : `${monthDay(published)}, ${new Date(published).getUTCFullYear()}`;
    return `\n\n  • ${who}\n·\n${date}${comments > 0 ? ` ${comments}` : ''}`;
  }

  /** Everything about day `index`, including the dump text. */
  function day(index: number): SynthDay {
    if (!Number.isInteger(index) || index < 0) throw new Error(`invalid day index: ${index}`);
    const fresh = plan(index);
    const keys = [...relistedInto.get(index)!, ...Array.from({ length: fresh }, (_, s) => `${index}:${s}`)];
    // Relisted papers are mixed in among the new ones, not appended.
    const order = keys.map((key, i) => ({ key, at: hash32(seed, SALT.order, index, i) }));
    order.sort((a, b) => a.at - b.at);
    const dayMs = startMs + index * DAY_MS;
    const date = dayDate(options.start, index);
    const entries: Appearance[] = order.map(({ key }, i) => {
      const [d, s] = key.split(':').map(Number);
      const u = unit(seed, SALT.appearance, index, i);
      const comments = u < COMMENT_RATE ? 1 + Math.floor(-Math.log(1 - u / COMMENT_RATE) * 2) : 0;
      return { key, paper: paper(d, s), comments, relisted: d !== index };
    });
    let text = [...HEADER, monthDay(dayMs)].join('\n\n');
    for (const e of entries) text += `\n\n${e.paper.title}\n\n${e.paper.abstract}${metaLines(e.paper, e.comments, dayMs)}`;
    return { index, date, fileName: `daily-papers-${date}.txt`, entries, text };
  }

  return { day };
}
