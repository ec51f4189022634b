// Feature: statistics. The numbers and series of /stats/, pure, from the archive's days,
// papers, topic matches and organisations; the charts are src/components/charts/. Depends on format/.
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
/** An organisation (src/orgs/orgs.ts: one identity for all its spellings) and its papers. */
export interface StatsOrg {
  slug: string;
  name: string;
  papers: readonly string[];
}
export interface OrganizationCount { slug: string; name: string; papers: number }
export interface OrgMonths {
  /** Every month from the first archived to the last (`YYYY-MM`), gaps included. */
  months: string[];
  /** For each organisation, its papers first listed in each month. */
  orgs: { slug: string; name: string; counts: number[] }[];
}
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
  organizations: { withOrganization: number; top: OrganizationCount[]; byMonth: OrgMonths };
  topicShares: TopicShares;
}

export const MOST_DISCUSSED = 20;
export const TOP_ORGANIZATIONS = 15;
/** Organisations drawn month by month: the few with the most papers. */
export const ORGS_BY_MONTH = 4;

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

/** Organisations by paper count, largest first; ties by name, then slug. */
function byPapers(orgs: readonly StatsOrg[]): StatsOrg[] {
  return [...orgs].sort((a, b) => b.papers.length - a.papers.length || compareText(a.name, b.name) || compareText(a.slug, b.slug));
}

/** Organisations by paper count, the `n` largest; ties by name, then slug. */
export function topOrganizations(orgs: readonly StatsOrg[], n = TOP_ORGANIZATIONS): { withOrganization: number; top: OrganizationCount[] } {
  const top = byPapers(orgs)
    .slice(0, n)
    .map((o) => ({ slug: o.slug, name: o.name, papers: o.papers.length }));
  return { withOrganization: orgs.reduce((a, o) => a + o.papers.length, 0), top };
}

/**
 * For each of `orgs`, its papers first listed in each month of the archive's life, gaps
 * included: a paper counts once, in the month of its first archived day, so the months add up
 * to the organisation's papers.
 */
export function orgsByMonth(days: readonly StatsDay[], orgs: readonly StatsOrg[]): OrgMonths {
  const sorted = [...days].sort(compareById);
  const months = sorted.length ? monthsBetween(sorted[0].id, sorted.at(-1)!.id) : [];
  const index = new Map(months.map((m, i) => [m, i]));
  const firstMonth = new Map<string, number>();
  for (const day of sorted) for (const slug of day.papers) if (!firstMonth.has(slug)) firstMonth.set(slug, index.get(monthOf(day.id))!);
  return {
    months,
    orgs: orgs.map((o) => {
      const counts = months.map(() => 0);
      for (const slug of o.papers) {
        const at = firstMonth.get(slug);
        if (at !== undefined) counts[at]++;
      }
      return { slug: o.slug, name: o.name, counts };
    }),
  };
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
export function archiveStats(days: readonly StatsDay[], papers: readonly StatsPaper[], topics: readonly StatsTopic[], orgs: readonly StatsOrg[] = []): ArchiveStats {
  const ids = days.map((d) => d.id).sort();
  return {
    days: days.length,
    papers: papers.length,
    first: ids[0] ?? null,
    last: ids.at(-1) ?? null,
    perWeek: papersPerWeek(days),
    mostDiscussed: mostDiscussed(papers),
    relisting: relisting(papers),
    organizations: { ...topOrganizations(orgs), byMonth: orgsByMonth(days, byPapers(orgs).slice(0, ORGS_BY_MONTH)) },
    topicShares: topicSharesByMonth(days, topics),
  };
}
