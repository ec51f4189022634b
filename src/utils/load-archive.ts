// The archive as pages need it, loaded from the content collections once per build and
// shared by every page (a module-level cache keeps 30,000 pages from rescanning it). Entries
// are reduced to what pages show (id, data, digest): page props stay small.
import { getCollection, type CollectionEntry } from 'astro:content';
import { indexArchive, type ArchiveIndex } from './index-archive.ts';
import { groupPeriods, isoWeek, monthOf, type Period } from './periods.ts';

/** A day: its id and front matter. */
export interface Day {
  id: string;
  data: CollectionEntry<'days'>['data'];
}
/** A paper: its slug, front matter with the abstract's excerpt, and its file's digest. */
export interface Paper {
  id: string;
  data: CollectionEntry<'papers'>['data'];
  digest?: string | number;
}

export interface Archive extends ArchiveIndex {
  dayById: Map<string, Day>;
  paperBySlug: Map<string, Paper>;
  /** ISO weeks and months with archived days, oldest first. */
  weeks: Period[];
  months: Period[];
}

let cached: Promise<Archive> | undefined;

/** The whole archive, indexed; the same promise for every caller in a build. */
export function loadArchive(): Promise<Archive> {
  cached ??= load();
  return cached;
}

async function load(): Promise<Archive> {
  const [dayEntries, paperEntries] = await Promise.all([getCollection('days'), getCollection('papers')]);
  const days: Day[] = dayEntries.map((d) => ({ id: d.id, data: d.data }));
  const papers: Paper[] = paperEntries.map((p) => ({ id: p.id, data: p.data, digest: p.digest }));
  const paperBySlug = new Map(papers.map((p) => [p.id, p]));
  // A day naming a paper with no file would make a dead link: fail the build instead.
  for (const day of days) {
    for (const slug of day.data.papers) {
      if (!paperBySlug.has(slug)) throw new Error(`Day ${day.id} lists "${slug}", but papers/${slug}.md is missing.`);
    }
  }
  const index = indexArchive(days.map((d) => ({ id: d.id, papers: d.data.papers })));
  const listed = days.map((d) => ({ id: d.id, papers: d.data.papers }));
  const comments = (slug: string) => paperBySlug.get(slug)!.data.comments;
  return {
    ...index,
    dayById: new Map(days.map((d) => [d.id, d])),
    paperBySlug,
    weeks: groupPeriods(listed, isoWeek, comments),
    months: groupPeriods(listed, monthOf, comments),
  };
}

/** The papers of a day, in listed order. */
export function papersOf(archive: Archive, day: Day): Paper[] {
  return day.data.papers.map((slug) => archive.paperBySlug.get(slug)!);
}
