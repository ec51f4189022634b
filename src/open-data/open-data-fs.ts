// Writes the open data's files (a JSON file a day, papers.ndjson, papers.csv) into the build
// output once pages are done (src/integrations/open-data.ts), beside Astro's pages rather
// than as pages: 1,000 day files and two 45 MB files through Astro's page pipeline cost
// about 6 s of a 1,000-day build, and as many again copying them into its incremental cache.
// A file is written only when what it holds changed since the last build into the same
// output (a key per file, kept in cacheDir), so a daily rebuild writes the new day's file
// and the two whole-archive files. Each file appears whole (temporary name, then renamed).
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ABSTRACT_TEXT_VERSION } from '../archive/abstract.ts';
import { cacheKey, paperPageKeyPart } from '../cache/cache-key.ts';
import { csvCells, dayRecord, paperRecord, PAPER_RECORD_FIELDS, type SiteAt } from './data-records.ts';
import { CSV_OPTIONS, csvPieces, dayFileText, ndjsonPieces, recordsOf, type AbstractOf } from './open-data.ts';
import { papersOf, type Archive } from '../archive/load-archive.ts';
import { DAY_DATA_DIR, PAPERS_CSV_FILE, PAPERS_NDJSON_FILE } from '../site/paths.ts';
import { DATA_SCHEMA_VERSION } from '../schema.ts';
import { readKept, writeWhole } from '../cache/write-whole-fs.ts';

/** The output's files and folders this step manages (relative to the output folder). */
export const OPEN_DATA_OUTPUTS = [DAY_DATA_DIR, PAPERS_NDJSON_FILE, PAPERS_CSV_FILE] as const;

/** What the files hold besides the papers: a change (a field, the code making records) rewrites all. */
const SALT = JSON.stringify([
  DATA_SCHEMA_VERSION,
  PAPER_RECORD_FIELDS,
  ABSTRACT_TEXT_VERSION,
  CSV_OPTIONS,
  String(paperRecord),
  String(dayRecord),
  String(csvCells),
]);

export interface OpenDataOptions {
  archive: Pick<Archive, 'days' | 'dayById' | 'newestFirst' | 'paperBySlug'>;
  abstractOf: AbstractOf;
  /** The build output folder. */
  outDir: string;
  at: Required<SiteAt>;
  /** Where the keys of the files last written into `outDir` are kept between builds. */
  stateFile: string;
}

export interface OpenDataResult {
  days: number;
  /** The days whose file was written now (the others were kept). */
  written: string[];
  /** Day files removed: their day is no longer in the archive. */
  removed: string[];
  /** Whether papers.ndjson and papers.csv were written now. */
  wholeWritten: boolean;
}

interface State {
  outDir: string;
  days: Record<string, string>;
  whole: string;
}

/** Writes what changed of the archive's open data since the last build into `outDir`. */
export async function writeOpenData({ archive, abstractOf, outDir, at, stateFile }: OpenDataOptions): Promise<OpenDataResult> {
  const before = readState(stateFile, outDir);
  const recordOf = recordsOf(at, abstractOf);
  const after: State = { outDir, days: {}, whole: '' };

  const daysDir = path.join(outDir, DAY_DATA_DIR);
  fs.mkdirSync(daysDir, { recursive: true });
  const written: string[] = [];
  for (const date of archive.days) {
    const papers = papersOf(archive, archive.dayById.get(date)!);
    const key = cacheKey(SALT, at, papers.map(paperPageKeyPart));
    after.days[date] = key;
    const file = path.join(daysDir, `${date}.json`);
    if (before?.days[date] === key && fs.existsSync(file)) continue;
    writeWhole(file, dayFileText(date, papers, at, recordOf));
    written.push(date);
  }
  const removed = removeOtherDays(daysDir, archive);

  // The day keys cover every listed paper and the order of the whole-archive files.
  const listed = new Set(archive.days.flatMap((d) => archive.dayById.get(d)!.data.papers));
  const unlisted = [...archive.paperBySlug.values()].filter((p) => !listed.has(p.id));
  after.whole = cacheKey(SALT, at, archive.days.map((d) => after.days[d]), unlisted.map(paperPageKeyPart));
  const ndjson = path.join(outDir, PAPERS_NDJSON_FILE);
  const csv = path.join(outDir, PAPERS_CSV_FILE);
  const wholeWritten = before?.whole !== after.whole || !fs.existsSync(ndjson) || !fs.existsSync(csv);
  if (wholeWritten) {
    writeWhole(ndjson, ndjsonPieces(archive, recordOf));
    writeWhole(csv, csvPieces(archive, recordOf));
  }
  // Written last: a build killed before this point is taken for one that wrote nothing.
  writeWhole(stateFile, JSON.stringify(after));
  return { days: archive.days.length, written, removed, wholeWritten };
}

/** A file of the open data, by its path in the output folder (what the dev server serves). */
export function openDataFile(
  file: string,
  { archive, abstractOf, at }: Pick<OpenDataOptions, 'archive' | 'abstractOf' | 'at'>,
): { type: string; body: Readable } | undefined {
  if (file === PAPERS_NDJSON_FILE) return { type: 'application/x-ndjson; charset=utf-8', body: Readable.from(ndjsonPieces(archive, recordsOf(at, abstractOf))) };
  if (file === PAPERS_CSV_FILE) return { type: 'text/csv; charset=utf-8; header=present', body: Readable.from(csvPieces(archive, recordsOf(at, abstractOf))) };
  const date = file.startsWith(`${DAY_DATA_DIR}/`) && file.endsWith('.json') ? file.slice(DAY_DATA_DIR.length + 1, -5) : undefined;
  const day = date === undefined ? undefined : archive.dayById.get(date);
  if (!day) return undefined;
  return { type: 'application/json; charset=utf-8', body: Readable.from([dayFileText(day.id, papersOf(archive, day), at, recordsOf(at, abstractOf))]) };
}

/** Day files in `dir` whose day is not in the archive (from an earlier archive), removed. */
function removeOtherDays(dir: string, archive: Pick<Archive, 'dayById'>): string[] {
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const date = name.replace(/\.json$/, '');
    if (archive.dayById.has(date)) continue;
    fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    removed.push(date);
  }
  return removed.sort();
}

function readState(file: string, outDir: string): State | undefined {
  return readKept(file, (state: State) => (state.outDir === outDir && state.days && typeof state.days === 'object' ? state : undefined));
}
