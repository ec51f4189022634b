// Feature: open data. Every paper and day as NDJSON, CSV and per-day JSON, with versioned
// JSON Schemas and the /data/ page. Depends on archive/, cache/, site/ and src/schema.ts; the
// files are written after the build by src/integrations/open-data.ts.
//
// The open data's records (paperRecordSchema, dayRecordSchema in src/schema.ts) and CSV rows,
// built from the archive: pure, given each paper's abstract. Fields are taken by the
// schema's own keys, so a field added to the content schema reaches every file unasked.
import { DATA_SCHEMA_VERSION, paperRecordSchema, type DayRecord, type PaperRecord } from '../schema.ts';
import type { Archive, Paper } from '../archive/load-archive.ts';
import { absoluteUrl, dayPath, paperPath } from '../site/paths.ts';

/** The fields of a paper record, in the order the schema gives them (and the files show). */
export const PAPER_RECORD_FIELDS: readonly string[] = Object.keys(paperRecordSchema.shape);

/**
 * Where the records' URLs point: the site, and the base its pages are under (the one Vite
 * gives page code when left out; code outside Vite, the open-data step, passes Astro's).
 */
export interface SiteAt {
  site: URL | string;
  base?: string;
}

/** A paper as a record: its front matter, slug, absolute URLs and whole abstract. */
export function paperRecord(paper: Paper, abstract: string, at: SiteAt, fields: readonly string[] = PAPER_RECORD_FIELDS): PaperRecord {
  const values: Record<string, unknown> = {
    ...paper.data,
    schemaVersion: DATA_SCHEMA_VERSION,
    slug: paper.id,
    url: absoluteUrl(paperPath(paper.id, at.base), at.site),
    dayUrls: paper.data.days.map((d) => absoluteUrl(dayPath(d, at.base), at.site)),
    abstract,
  };
  // Only the record's fields, in its order: the store's `excerpt` stays out.
  return Object.fromEntries(fields.map((f) => [f, values[f]])) as PaperRecord;
}

/** A day as a record, its papers in listed order. */
export function dayRecord(date: string, papers: readonly PaperRecord[], at: SiteAt): DayRecord {
  return { schemaVersion: DATA_SCHEMA_VERSION, date, url: absoluteUrl(dayPath(date, at.base), at.site), papers: [...papers] };
}

/** Every paper once, newest first (by the day first listed, then listed order), then any never listed. */
export function papersNewestFirst(archive: Pick<Archive, 'newestFirst' | 'paperBySlug'>): Paper[] {
  const listed = new Set(archive.newestFirst);
  const unlisted = [...archive.paperBySlug.keys()].filter((s) => !listed.has(s)).sort();
  return [...archive.newestFirst, ...unlisted].map((s) => archive.paperBySlug.get(s)!);
}

/** The CSV columns: every record field but the version (the file's columns are those of its version). */
export function csvColumns(fields: readonly string[] = PAPER_RECORD_FIELDS): string[] {
  return fields.filter((f) => f !== 'schemaVersion');
}

/** A record as CSV cells: null as an empty cell, a list joined by single spaces. */
export function csvCells(record: PaperRecord, columns: readonly string[] = csvColumns()): string[] {
  const values = record as unknown as Record<string, unknown>;
  return columns.map((c) => {
    const v = values[c];
    return v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v);
  });
}
