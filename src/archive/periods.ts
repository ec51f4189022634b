// Weeks (ISO 8601) and months of the archive: which period a day belongs to, the days of a
// period, and the papers listed in it, most discussed first. Pure; computed once per build.
import { compareById } from '../format/compare.ts';

/** What a period page needs of the archive's days: each day's papers in listed order. */
export interface ListedDay {
  id: string;
  papers: readonly string[];
}

/** One period: its id, its archived days (ascending), and its papers, most discussed first. */
export interface Period {
  id: string;
  days: string[];
  papers: string[];
}

/**
 * Groups days into periods by `periodOf`, oldest first. A period's papers are every paper
 * listed in it once, by comments (most first; unknown last), ties by first listing in the
 * period (day, then position).
 */
export function groupPeriods(days: readonly ListedDay[], periodOf: (dayId: string) => string, commentsOf: (slug: string) => number | null): Period[] {
  const sorted = [...days].sort(compareById);
  const periods: Period[] = [];
  let current: (Period & { order: Map<string, number> }) | undefined;
  for (const day of sorted) {
    const id = periodOf(day.id);
    if (current?.id !== id) {
      if (current) periods.push(finish(current, commentsOf));
      current = { id, days: [], papers: [], order: new Map() };
    }
    current.days.push(day.id);
    for (const slug of day.papers) if (!current.order.has(slug)) current.order.set(slug, current.order.size);
  }
  if (current) periods.push(finish(current, commentsOf));
  return periods;
}

function finish(p: Period & { order: Map<string, number> }, commentsOf: (slug: string) => number | null): Period {
  const slugs = [...p.order.keys()];
  const score = (s: string) => commentsOf(s) ?? -1;
  slugs.sort((a, b) => score(b) - score(a) || p.order.get(a)! - p.order.get(b)!);
  return { id: p.id, days: p.days, papers: slugs };
}
