// Writes the open data's files (a JSON file a day, papers.ndjson, papers.csv) into the build
// output once pages are done (src/integrations/open-data.ts), beside Astro's pages rather
// than as pages: 1,000 day files and two 45 MB files through Astro's page pipeline cost
// about 6 s of a 1,000-day build, and as many again copying them into its incremental cache.
// A file is written only when what it holds changed since the last build into the same
// output (a key per file, kept in cacheDir), so a daily rebuild writes the new day's file
// and the two whole-archive files. Each file appears whole (temporary name, then renamed).
// The whole-archive files are put together from parts, one per month of first listing, kept
// in cacheDir by what they hold: a daily rebuild makes the records of the months that changed
// (the new day's, and those of papers listed again) and copies the others' bytes.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ABSTRACT_TEXT_VERSION } from '../archive/abstract.ts';
import { cacheKey, paperPageKeyPart } from '../cache/cache-key.ts';
import { csvCells, dayRecord, paperRecord, papersNewestFirst, PAPER_RECORD_FIELDS, type SiteAt } from './data-records.ts';
import { CSV_OPTIONS, csvHeader, csvPieces, dayFileText, ndjsonPieces, recordsOf, type AbstractOf } from './open-data.ts';
import { papersOf, type Archive, type Paper } from '../archive/load-archive.ts';
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
  /** Where the parts of the whole-archive files are kept between builds (by default `open-data-parts/` beside `stateFile`). */
  partsDir?: string;
}

export interface OpenDataResult {
  days: number;
  /** The days whose file was written now (the others were kept). */
  written: string[];
  /** Day files removed: their day is no longer in the archive. */
  removed: string[];
  /** Whether papers.ndjson and papers.csv were written now. */
  wholeWritten: boolean;
  /** Their parts (a month of first listing each) made now, of all: the others were kept. */
  parts: { made: number; of: number };
}

interface State {
  outDir: string;
  days: Record<string, string>;
  whole: string;
}

/** Writes what changed of the archive's open data since the last build into `outDir`. */
export async function writeOpenData({ archive, abstractOf, outDir, at, stateFile, partsDir = path.join(path.dirname(stateFile), 'open-data-parts') }: OpenDataOptions): Promise<OpenDataResult> {
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
  let parts = { made: 0, of: 0 };
  if (wholeWritten) {
    const made = makeParts(archive, recordOf, at, partsDir);
    parts = { made: made.made, of: made.keys.length };
    const read = function* (ext: string) {
      for (const key of made.keys) yield fs.readFileSync(partFile(partsDir, key, ext));
    };
    writeWhole(ndjson, read(PART.ndjson));
    writeWhole(csv, [csvHeader(), ...read(PART.csv)]);
    removeOtherParts(partsDir, new Set(made.keys));
  }
  // Written last: a build killed before this point is taken for one that wrote nothing.
  writeWhole(stateFile, JSON.stringify(after));
  return { days: archive.days.length, written, removed, wholeWritten, parts };
}

/** A part's files: its records as papers.ndjson lines and as papers.csv rows. */
const PART = { ndjson: '.ndjson', csv: '.csv' } as const;
const partFile = (dir: string, key: string, ext: string) => path.join(dir, `${key}${ext}`);

/**
 * The whole-archive files' parts, in their order (papers newest first, cut where the month of
 * first listing changes), each named by a key of what it holds: those missing are made now.
 */
function makeParts(archive: OpenDataOptions['archive'], recordOf: ReturnType<typeof recordsOf>, at: Required<SiteAt>, dir: string): { keys: string[]; made: number } {
  const keys: string[] = [];
  let made = 0;
  for (const papers of monthRuns(papersNewestFirst(archive))) {
    const key = cacheKey(SALT, at, papers.map(paperPageKeyPart));
    keys.push(key);
    if (fs.existsSync(partFile(dir, key, PART.ndjson)) && fs.existsSync(partFile(dir, key, PART.csv))) continue;
    writeWhole(partFile(dir, key, PART.ndjson), ndjsonPieces(papers, recordOf));
    writeWhole(partFile(dir, key, PART.csv), csvPieces(papers, recordOf, { header: false }));
    made++;
  }
  return { keys, made };
}

/** Papers in runs of the same month of first listing, in their order. */
function* monthRuns(papers: readonly Paper[]): Generator<Paper[]> {
  let run: Paper[] = [];
  for (const p of papers) {
    if (run.length > 0 && run[0].data.days[0]?.slice(0, 7) !== p.data.days[0]?.slice(0, 7)) {
      yield run;
      run = [];
    }
    run.push(p);
  }
  if (run.length > 0) yield run;
}

/** Parts of earlier builds that these files no longer hold. */
function removeOtherParts(dir: string, keep: ReadonlySet<string>): void {
  for (const name of fs.readdirSync(dir)) {
    if (!keep.has(name.replace(/\.[^.]*$/, ''))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** A file of the open data, by its path in the output folder (what the dev server serves). */
export function openDataFile(
  file: string,
  { archive, abstractOf, at }: Pick<OpenDataOptions, 'archive' | 'abstractOf' | 'at'>,
): { type: string; body: Readable } | undefined {
  if (file === PAPERS_NDJSON_FILE) return { type: 'application/x-ndjson; charset=utf-8', body: Readable.from(ndjsonPieces(papersNewestFirst(archive), recordsOf(at, abstractOf))) };
  if (file === PAPERS_CSV_FILE) return { type: 'text/csv; charset=utf-8; header=present', body: Readable.from(csvPieces(papersNewestFirst(archive), recordsOf(at, abstractOf))) };
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
