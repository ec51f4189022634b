// Feature: statistics. The numbers and series of /stats/, pure, from the archive's days,
// papers and topic matches; the charts are src/components/charts/. Depends on format/.
//
// The archive's statistics for /stats/: pure functions from the archive's days, papers and
// topic matches to the numbers the page shows. Computed once per build (the page is one page).
import { DAY_MS, isoWeek, monthOf, weekBounds } from '../format/dates.ts';
import { compareById, compareText } from '../format/compare.ts';

/** What the statistics need of a day: its id and papers in listed order. */
export interface StatsDay {
  id: string;
  papers: readonly string[];
}

/** What the statistics need of a paper (its slug and front matter fields). */
export interface StatsPaper {
  id: string;
  title: string;
  comments: number | null;
  organization: string | null;
  /** Every day it was listed. */
  days: readonly string[];
}

/** A topic and the slugs of every paper it matches. */
export interface StatsTopic {
  name: string;
  label: string;
  papers: readonly string[];
}

export interface WeekCount { week: string; papers: number }
export interface Discussed { slug: string; title: string; comments: number }
export interface Relisting {
  /** Papers in the archive. */
  papers: number;
  /** Papers listed on more than one day. */
  relisted: number;
  /** For each number of days listed, 1 to the most, how many papers were listed that often. */
  byDays: { days: number; papers: number }[];
}
export interface OrganizationCount { name: string; papers: number }
export interface TopicShares {
  /** Every month from the first archived to the last (`YYYY-MM`), gaps included. */
  months: string[];
  /** Papers listed in each month, each once (0 for a month without an archived day). */
  totals: number[];
  /** For each topic, how many of each month's papers it matches. */
  topics: { name: string; label: string; counts: number[] }[];
}

export interface ArchiveStats {
  days: number;
  papers: number;
  first: string | null;
  last: string | null;
  perWeek: WeekCount[];
  mostDiscussed: Discussed[];
  relisting: Relisting;
  organizations: { withOrganization: number; top: OrganizationCount[] };
  topicShares: TopicShares;
}

export const MOST_DISCUSSED = 20;
export const TOP_ORGANIZATIONS = 15;

/** Every ISO week from the one holding `first` to the one holding `last` (day ids), in order. */
export function weeksBetween(first: string, last: string): string[] {
  const end = isoWeek(last);
  const weeks: string[] = [];
  if (first > last) return weeks;
  let monday = Date.parse(weekBounds(isoWeek(first)).start);
  for (;;) {
    const week = isoWeek(new Date(monday).toISOString().slice(0, 10));
    weeks.push(week);
    if (week >= end) return weeks;
    monday += 7 * DAY_MS;
  }
}

/** Every month (`YYYY-MM`) from `first`'s to `last`'s (day or month ids), in order. */
export function monthsBetween(first: string, last: string): string[] {
  let [y, m] = first.split('-').map(Number);
  const end = monthOf(last);
  const months: string[] = [];
  if (monthOf(first) > end) return months;
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month >= end) return months;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

/** Distinct papers listed in each period of `periods`, keyed by `periodOf(day)`. */
function papersPerPeriod(days: readonly StatsDay[], periods: readonly string[], periodOf: (day: string) => string): Map<string, Set<string>> {
  const out = new Map(periods.map((p) => [p, new Set<string>()]));
  for (const day of days) {
    const set = out.get(periodOf(day.id));
    if (set) for (const slug of day.papers) set.add(slug);
  }
  return out;
}

/** Papers listed in each ISO week (each paper once a week), every week of the archive's life. */
export function papersPerWeek(days: readonly StatsDay[]): WeekCount[] {
  if (days.length === 0) return [];
  const sorted = [...days].sort(compareById);
  const weeks = weeksBetween(sorted[0].id, sorted.at(-1)!.id);
  const sets = papersPerPeriod(sorted, weeks, isoWeek);
  return weeks.map((week) => ({ week, papers: sets.get(week)!.size }));
}

/** The `n` papers with the most comments (unknown counts left out); ties by title, then slug. */
export function mostDiscussed(papers: readonly StatsPaper[], n = MOST_DISCUSSED): Discussed[] {
  return papers
    .filter((p): p is StatsPaper & { comments: number } => p.comments !== null)
    .sort((a, b) => b.comments - a.comments || (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : 1))
    .slice(0, n)
    .map((p) => ({ slug: p.id, title: p.title, comments: p.comments }));
}

/** How many papers were listed on more than one day, and how often papers were listed. */
export function relisting(papers: readonly StatsPaper[]): Relisting {
  const counts: number[] = [];
  for (const p of papers) counts[p.days.length] = (counts[p.days.length] ?? 0) + 1;
  const byDays = [];
  for (let d = 1; d < counts.length; d++) byDays.push({ days: d, papers: counts[d] ?? 0 });
  return { papers: papers.length, relisted: papers.filter((p) => p.days.length > 1).length, byDays };
}

/** Organisations by paper count, the `n` largest; ties by name. */
export function topOrganizations(papers: readonly StatsPaper[], n = TOP_ORGANIZATIONS): { withOrganization: number; top: OrganizationCount[] } {
  const counts = new Map<string, number>();
  for (const p of papers) if (p.organization !== null) counts.set(p.organization, (counts.get(p.organization) ?? 0) + 1);
  const top = [...counts]
    .map(([name, count]) => ({ name, papers: count }))
    .sort((a, b) => b.papers - a.papers || compareText(a.name, b.name))
    .slice(0, n);
  return { withOrganization: [...counts.values()].reduce((a, b) => a + b, 0), top };
}

/** For every month of the archive's life, its papers (each once) and how many each topic matches. */
export function topicSharesByMonth(days: readonly StatsDay[], topics: readonly StatsTopic[]): TopicShares {
  if (days.length === 0) return { months: [], totals: [], topics: topics.map((t) => ({ name: t.name, label: t.label, counts: [] })) };
  const sorted = [...days].sort(compareById);
  const months = monthsBetween(sorted[0].id, sorted.at(-1)!.id);
  const sets = papersPerPeriod(sorted, months, monthOf);
  return {
    months,
    totals: months.map((m) => sets.get(m)!.size),
    topics: topics.map((t) => {
      const matched = new Set(t.papers);
      return {
        name: t.name,
        label: t.label,
        counts: months.map((m) => {
          let n = 0;
          for (const slug of sets.get(m)!) if (matched.has(slug)) n++;
          return n;
        }),
      };
    }),
  };
}

/** Every statistic of the page. */
export function archiveStats(days: readonly StatsDay[], papers: readonly StatsPaper[], topics: readonly StatsTopic[]): ArchiveStats {
  const ids = days.map((d) => d.id).sort();
  return {
    days: days.length,
    papers: papers.length,
    first: ids[0] ?? null,
    last: ids.at(-1) ?? null,
    perWeek: papersPerWeek(days),
    mostDiscussed: mostDiscussed(papers),
    relisting: relisting(papers),
    organizations: topOrganizations(papers),
    topicShares: topicSharesByMonth(days, topics),
  };
}
