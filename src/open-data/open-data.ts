// The open data's files, from the archive and every paper's abstract (src/archive/abstract.ts);
// the whole-archive files are made in pieces of a few hundred papers, each record once for
// both. src/open-data/open-data-fs.ts writes them.
import { stringify } from 'csv-stringify/sync';
import { DATA_SCHEMA_VERSION, type DataIndex, type PaperRecord } from '../schema.ts';
import { csvCells, csvColumns, dayRecord, paperRecord, type SiteAt } from './data-records.ts';
import { DATA_SCHEMA_NAMES } from './data-schema.ts';
import type { Archive, Paper } from '../archive/load-archive.ts';
import { absoluteUrl, dataSchemaPath, dayDataPath, papersCsvPath, papersNdjsonPath } from '../site/paths.ts';

/**
 * RFC 4180: CRLF ends each record; a field holding a comma, a quote, a CR or an LF is quoted
 * (csv-stringify quotes a lone CR or LF only when asked, once the delimiter is CRLF).
 */
export const CSV_OPTIONS = { record_delimiter: 'windows', quote_record_delimiter: true } as const;

/** A paper's whole abstract. */
export type AbstractOf = (paper: Paper) => string;

/** A paper's record, and as JSON text. */
export interface MadeRecord {
  record: PaperRecord;
  json: string;
}
export type RecordOf = (paper: Paper) => MadeRecord;

/** Each paper's record (and its JSON text), made once however many files hold it. */
export function recordsOf(at: SiteAt, abstractOf: AbstractOf): RecordOf {
  const made = new Map<string, MadeRecord>();
  return (paper) => {
    let m = made.get(paper.id);
    if (m === undefined) {
      const record = paperRecord(paper, abstractOf(paper), at);
      made.set(paper.id, (m = { record, json: JSON.stringify(record) }));
    }
    return m;
  };
}

/** papers.ndjson in pieces of `batch` papers: each paper's record a line, in the order given (the file: `papersNewestFirst`). */
export function* ndjsonPieces(papers: readonly Paper[], recordOf: RecordOf, batch = PIECE): Generator<string> {
  for (const piece of inPieces(papers, batch)) yield piece.map((p) => `${recordOf(p).json}\n`).join('');
}

/** papers.csv's first row: the column names. */
export const csvHeader = (): string => stringify([csvColumns()], CSV_OPTIONS);

/** papers.csv in pieces of `batch` papers: the column names (unless `header` is false), then each paper's record a row, in the order given. */
export function* csvPieces(papers: readonly Paper[], recordOf: RecordOf, { header = true, batch = PIECE } = {}): Generator<string> {
  const columns = csvColumns();
  if (header) yield csvHeader();
  for (const piece of inPieces(papers, batch)) yield stringify(piece.map((p) => csvCells(recordOf(p).record, columns)), CSV_OPTIONS);
}

/** Papers a piece of the whole-archive files holds: one string to write, not 30,000 small ones. */
const PIECE = 256;

function* inPieces<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** A day's data file (one line): its record, its papers (given in listed order) with their
 * whole abstracts, joined from their records' JSON. */
export function dayFileText(date: string, papers: readonly Paper[], at: SiteAt, recordOf: RecordOf): string {
  // `papers` is the record's last field: its empty list closes the text (`…"papers":[]}`).
  const empty = JSON.stringify(dayRecord(date, [], at));
  return `${empty.slice(0, -2)}${papers.map((p) => recordOf(p).json).join(',')}]}\n`;
}

/** The catalogue: the files, the schemas and every day's data file. */
export function dataIndex(archive: Archive, site: URL | string): DataIndex {
  return {
    schemaVersion: DATA_SCHEMA_VERSION,
    latest: archive.latest ?? null,
    papers: archive.paperBySlug.size,
    files: { ndjson: absoluteUrl(papersNdjsonPath(), site), csv: absoluteUrl(papersCsvPath(), site) },
    schemas: Object.fromEntries(DATA_SCHEMA_NAMES.map((n) => [n, absoluteUrl(dataSchemaPath(n, DATA_SCHEMA_VERSION), site)])),
    days: archive.days.map((date) => ({
      date,
      papers: archive.dayById.get(date)!.data.papers.length,
      url: absoluteUrl(dayDataPath(date), site),
    })),
  };
}
