// Pure lookups over the whole archive, computed once per build (not once per page):
// day order, previous/next day, and the feed's paper order.

/** What this module needs of a day: its id and its papers in listed order. */
export interface DayListing {
  id: string;
  papers: readonly string[];
}

export interface ArchiveIndex {
  /** Every day id, oldest first. */
  days: string[];
  /** The newest day, or undefined for an empty archive. */
  latest: string | undefined;
  /** Neighbouring archived days of each day. */
  neighbours: Map<string, { prev?: string; next?: string }>;
  /** Every listed paper once, newest first: by the day it was first listed, then listed order. */
  newestFirst: string[];
}

/** Index day listings (any order). O(days log days + listings). */
export function indexArchive(listings: readonly DayListing[]): ArchiveIndex {
  const sorted = [...listings].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const days = sorted.map((d) => d.id);
  const neighbours = new Map<string, { prev?: string; next?: string }>();
  days.forEach((id, i) => neighbours.set(id, { prev: days[i - 1], next: days[i + 1] }));

  // A paper listed again later keeps its first day: it must not reappear as new.
  const firstDay = new Map<string, string>();
  for (const day of sorted) for (const slug of day.papers) if (!firstDay.has(slug)) firstDay.set(slug, day.id);

  const newestFirst: string[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const day = sorted[i];
    for (const slug of day.papers) if (firstDay.get(slug) === day.id) {
      firstDay.delete(slug); // guards against a slug listed twice on its first day
      newestFirst.push(slug);
    }
  }
  return { days, latest: days.at(-1), neighbours, newestFirst };
}
