// The archive as pages need it, loaded once per build from the content index the content
// loader wrote during content sync (src/archive/content-index-fs.ts), and shared by every page
// (a module-level cache keeps 30,000 pages from rescanning it, and the build's shared store
// gives the same archive to the integrations). Entries are reduced to what pages show (id,
// data, digest): page props stay small.
import type { DayData, StoredPaperData } from '../schema.ts';
import { buildShared } from '../cache/build-shared.ts';
import { COLLECTIONS, readContentIndex, type IndexedEntry } from './content-index-fs.ts';
import { indexArchive, type ArchiveIndex } from './index-archive.ts';
import { isoWeek, monthOf } from '../format/dates.ts';
import { groupPeriods, type Period } from './periods.ts';
import { compareText } from '../format/compare.ts';

/** A day: its id and front matter. */
export interface Day {
  id: string;
  data: DayData;
}
/** A paper: its slug, front matter with the abstract's excerpt, its file's digest and its data's. */
export interface Paper {
  id: string;
  data: StoredPaperData;
  digest?: string | number;
  dataDigest?: string;
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
  cached ??= sharedArchive();
  return cached;
}

/** The build's archive, shared with the integrations; outside a build, read now. */
export function sharedArchive(): Promise<Archive> {
  return buildShared('archive', readArchive);
}

/** The whole archive, read now. */
export async function readArchive(): Promise<Archive> {
  const days: Day[] = entries(COLLECTIONS.days).map(([id, e]) => ({ id, data: e.data as DayData }));
  const papers: Paper[] = entries(COLLECTIONS.papers).map(([id, e]) => ({ id, data: e.data as StoredPaperData, digest: e.digest, dataDigest: e.dataDigest }));
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

/** A collection's entries, sorted by id (as the files are). */
function entries(collection: string): [string, IndexedEntry][] {
  const index = readContentIndex(collection);
  if (!index) throw new Error(`No content index for "${collection}": it is written by the content loader when a build syncs content.`);
  return Object.entries(index).sort(([a], [b]) => compareText(a, b));
}

/** The papers of a day, in listed order. */
export function papersOf(archive: Pick<Archive, 'paperBySlug'>, day: Day): Paper[] {
  return day.data.papers.map((slug) => archive.paperBySlug.get(slug)!);
}
