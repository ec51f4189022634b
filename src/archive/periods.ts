// Weeks (ISO 8601) and months of the archive: which period a day belongs to, the days of a
// period, and the papers listed in it, most discussed first. Pure; computed once per build.

/** `YYYY-Www` of an ISO week (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(dayId: string): string {
  const [y, m, d] = dayId.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  date.setUTCDate(date.getUTCDate() - weekday + 3); // the Thursday of this week
  const year = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** `YYYY-MM` of a day. */
export function monthOf(dayId: string): string {
  return dayId.slice(0, 7);
}

/** The Monday and Sunday (`YYYY-MM-DD`) of an ISO week id. */
export function weekBounds(weekId: string): { start: string; end: string } {
  const [, y, w] = /^(\d{4})-W(\d{2})$/.exec(weekId)!.map(Number);
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (w - 1) * 7 * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { start: monday.toISOString().slice(0, 10), end: sunday.toISOString().slice(0, 10) };
}

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
  const sorted = [...days].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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
