// The open data's files, from the archive and every paper's abstract (the endpoints pass
// src/utils/abstract.ts allAbstracts); the whole-archive files stream out record by record.
import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import { DATA_SCHEMA_VERSION, type DataIndex, type DayRecord } from '../schema.ts';
import { csvCells, csvColumns, dayRecord, paperRecord, papersNewestFirst } from './data-records.ts';
import { DATA_SCHEMA_NAMES } from './data-schema.ts';
import type { Archive, Paper } from './load-archive.ts';
import { absoluteUrl, dataSchemaPath, dayDataPath, papersCsvPath, papersNdjsonPath } from './paths.ts';

/**
 * RFC 4180: CRLF ends each record; a field holding a comma, a quote, a CR or an LF is quoted
 * (csv-stringify quotes a lone CR or LF only when asked, once the delimiter is CRLF).
 */
const CSV_OPTIONS = { record_delimiter: 'windows', quote_record_delimiter: true } as const;

/** What the whole-archive files need of the archive. */
type Papers = Pick<Archive, 'newestFirst' | 'paperBySlug'>;
/** A paper's whole abstract. */
export type AbstractOf = (paper: Paper) => string;

/** papers.ndjson, line by line: every paper's record, newest first. */
export function* ndjsonLines(archive: Papers, site: URL | string, abstractOf: AbstractOf): Generator<string> {
  for (const paper of papersNewestFirst(archive)) yield `${JSON.stringify(paperRecord(paper, abstractOf(paper), site))}\n`;
}

/** papers.csv's rows as cells: the column names, then every paper, newest first. */
export function* csvRows(archive: Papers, site: URL | string, abstractOf: AbstractOf): Generator<string[]> {
  const columns = csvColumns();
  yield columns;
  for (const paper of papersNewestFirst(archive)) yield csvCells(paperRecord(paper, abstractOf(paper), site), columns);
}

/** papers.csv as a byte stream (one stringifier for the whole file; an error fails the stream). */
export function csvStream(archive: Papers, site: URL | string, abstractOf: AbstractOf): ReadableStream<Uint8Array> {
  const csv = pipeline(Readable.from(csvRows(archive, site, abstractOf)), stringify(CSV_OPTIONS), () => {});
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}

/** A day's record, its papers (given in listed order) with their whole abstracts. */
export function dayFile(date: string, papers: readonly Paper[], site: URL | string, abstractOf: AbstractOf): DayRecord {
  return dayRecord(date, papers.map((p) => paperRecord(p, abstractOf(p), site)), site);
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
