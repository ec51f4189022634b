// The open data's files, from the archive and every paper's abstract (src/utils/abstract.ts);
// the whole-archive files stream out record by record. src/utils/open-data-fs.ts writes them.
import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import { DATA_SCHEMA_VERSION, type DataIndex, type DayRecord } from '../schema.ts';
import { csvCells, csvColumns, dayRecord, paperRecord, papersNewestFirst, type SiteAt } from './data-records.ts';
import { DATA_SCHEMA_NAMES } from './data-schema.ts';
import type { Archive, Paper } from './load-archive.ts';
import { absoluteUrl, dataSchemaPath, dayDataPath, papersCsvPath, papersNdjsonPath } from './paths.ts';

/**
 * RFC 4180: CRLF ends each record; a field holding a comma, a quote, a CR or an LF is quoted
 * (csv-stringify quotes a lone CR or LF only when asked, once the delimiter is CRLF).
 */
export const CSV_OPTIONS = { record_delimiter: 'windows', quote_record_delimiter: true } as const;

/** What the whole-archive files need of the archive. */
type Papers = Pick<Archive, 'newestFirst' | 'paperBySlug'>;
/** A paper's whole abstract. */
export type AbstractOf = (paper: Paper) => string;

/** A paper's record as JSON text. */
export type RecordJson = (paper: Paper) => string;

/** Each paper's record as JSON text, made once however many files hold it. */
export function recordJson(at: SiteAt, abstractOf: AbstractOf): RecordJson {
  const made = new Map<string, string>();
  return (paper) => {
    let json = made.get(paper.id);
    if (json === undefined) made.set(paper.id, (json = JSON.stringify(paperRecord(paper, abstractOf(paper), at))));
    return json;
  };
}

/** papers.ndjson in pieces of `batch` lines: every paper's record a line, newest first. */
export function* ndjsonLines(archive: Papers, json: RecordJson, batch = 1): Generator<string> {
  let piece = '';
  let lines = 0;
  for (const paper of papersNewestFirst(archive)) {
    piece += `${json(paper)}\n`;
    if (++lines % batch === 0) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}

/** papers.csv's rows as cells: the column names, then every paper, newest first. */
export function* csvRows(archive: Papers, at: SiteAt, abstractOf: AbstractOf): Generator<string[]> {
  const columns = csvColumns();
  yield columns;
  for (const paper of papersNewestFirst(archive)) yield csvCells(paperRecord(paper, abstractOf(paper), at), columns);
}

/** papers.csv as a Node stream of text (one stringifier for the whole file; an error fails the stream). */
export function csvText(archive: Papers, at: SiteAt, abstractOf: AbstractOf): Readable {
  return pipeline(Readable.from(csvRows(archive, at, abstractOf)), stringify(CSV_OPTIONS), () => {});
}

/** A day's record, its papers (given in listed order) with their whole abstracts. */
export function dayFile(date: string, papers: readonly Paper[], at: SiteAt, abstractOf: AbstractOf): DayRecord {
  return dayRecord(date, papers.map((p) => paperRecord(p, abstractOf(p), at)), at);
}

/** `dayFile` as the file's text (one line), its papers' records joined from their JSON. */
export function dayFileText(date: string, papers: readonly Paper[], at: SiteAt, json: RecordJson): string {
  // `papers` is the record's last field: its empty list closes the text (`…"papers":[]}`).
  const empty = JSON.stringify(dayRecord(date, [], at));
  return `${empty.slice(0, -2)}${papers.map(json).join(',')}]}\n`;
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
