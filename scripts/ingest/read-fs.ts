// Reads the archive's current state from the content root: dumps, the manifests, day files
// and the papers' front matter (never their bodies, which merge does not need). Every record
// is validated with the content schemas: a hand-edited or damaged file is reported as
// `file: field: problem`, never used.
import fs from 'node:fs';
import path from 'node:path';
import {
  correctionsSchema,
  daySchema,
  paperSchema,
  slugsSchema,
  sourcesSchema,
  type Corrections,
  type DayData,
  type PaperData,
  type Slugs,
  type Sources,
} from '../../src/schema.ts';
import { check } from '../../src/schema-report.ts';
import { readFrontMatter } from './render.ts';
import { titleKey } from './title-key.ts';
import { fileLabel } from '../../src/schema-report.ts';
import { contentPaths } from '../../src/content-dir.ts';

export type { Sources };

export interface ArchiveState {
  /** Days that have a dump in `dumps/`. */
  dumpDays: string[];
  sources: Sources;
  /** Existing day files' front matter by day. */
  days: Map<string, DayData>;
  /** Existing papers' front matter by slug, each file read when first asked for. */
  papers: PaperStore;
  /** Title key → slug: `dumps/slugs.json`, completed from the papers' own titles. */
  slugByTitle: Map<string, string>;
  /** `dumps/slugs.json` as read (empty when missing). */
  slugs: Slugs;
  corrections: Corrections;
  /** Invalid files, as `file: field: problem` lines; the state is unusable when any. */
  problems: string[];
}

/**
 * The archive's papers by slug. A daily ingest touches a few dozen of tens of thousands, so a
 * file is read and validated only when its paper is asked for (the build validates every file
 * it reads too). A damaged file throws DamagedArchive when asked for; `readAll` reads the
 * rest, so that every problem can be reported at once.
 */
export interface PaperStore {
  has(slug: string): boolean;
  get(slug: string): PaperData | undefined;
  keys(): Iterable<string>;
  /** Reads every paper not read yet (their problems join the state's). */
  readAll(): void;
}

/** A paper file that does not pass the schema was asked for: see the state's problems. */
export class DamagedArchive extends Error {}

export const SOURCES_FILE = 'sources.json';
export const SLUGS_FILE = 'slugs.json';
export const CORRECTIONS_FILE = 'corrections.json';

/** Lists `dir`'s `*.ext` files' base names, sorted; [] when the folder is missing. */
export function listIds(dir: string, ext: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith(ext) && !n.startsWith('.'))
    .map((n) => n.slice(0, -ext.length))
    .sort();
}

/** Reads the whole archive state under `root`; `label` names files in problems. */
export function readArchive(root: string, label: (file: string) => string = fileLabel): ArchiveState {
  const content = contentPaths(root);
  const problems: string[] = [];
  const readJson = <T>(file: string, schema: Parameters<typeof check<T>>[0], fallback: T): T => {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`${label(file)}: cannot be read: ${(e as Error).message}`);
      return fallback;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      problems.push(`${label(file)}: not valid JSON: ${(e as Error).message}`);
      return fallback;
    }
    const r = check(schema, data, label(file));
    if (!r.ok) problems.push(...r.problems);
    return r.ok ? r.value : fallback;
  };
  const readRecord = <T>(file: string, schema: Parameters<typeof check<T>>[0], frontMatterOnly: boolean): T | undefined => {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      problems.push(`${label(file)}: cannot be read: ${(e as Error).message}`);
      return undefined;
    }
    // Parse the front matter only: the body (abstract) can be far larger.
    const end = frontMatterOnly ? text.indexOf('\n---', 4) : -1;
    let data: unknown;
    try {
      data = readFrontMatter(end > 0 ? text.slice(0, end + 4) + '\n' : text).data;
    } catch (e) {
      problems.push(`${label(file)}: front matter: ${(e as Error).message.split('\n')[0]}`);
      return undefined;
    }
    const r = check(schema, data, label(file));
    if (!r.ok) problems.push(...r.problems);
    return r.ok ? r.value : undefined;
  };

  const dumpDays = listIds(content.dumps, '.txt').filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  const sources = readJson(path.join(content.dumps, SOURCES_FILE), sourcesSchema, {});
  const slugs = readJson(path.join(content.dumps, SLUGS_FILE), slugsSchema, {});
  const corrections = readJson(path.join(root, CORRECTIONS_FILE), correctionsSchema, {});
  const days = new Map<string, DayData>();
  for (const id of listIds(content.days, '.md')) {
    const file = content.dayFile(id);
    const data = readRecord(file, daySchema, false);
    if (data && data.date !== id) problems.push(`${label(file)}: date: ${data.date} does not match the file name`);
    else if (data) days.set(id, data);
  }
  const slugByTitle = new Map<string, string>(Object.entries(slugs));
  const known = new Set(slugByTitle.values());
  const present = new Set(listIds(content.papers, '.md'));
  const read = new Map<string, PaperData | undefined>();
  const readPaper = (slug: string): PaperData | undefined => {
    if (!read.has(slug)) read.set(slug, readRecord(content.paperFile(slug), paperSchema, true));
    return read.get(slug);
  };
  const papers: PaperStore = {
    has: (slug) => present.has(slug),
    get(slug) {
      if (!present.has(slug)) return undefined;
      const data = readPaper(slug);
      if (!data) throw new DamagedArchive(`${label(content.paperFile(slug))}: does not pass the schema`);
      return data;
    },
    keys: () => present,
    readAll: () => present.forEach(readPaper),
  };
  // Archives written before slugs.json: a paper slugs.json does not name is named by its title.
  for (const slug of present) {
    if (known.has(slug)) continue;
    const data = readPaper(slug);
    if (data && !slugByTitle.has(titleKey(data.title))) slugByTitle.set(titleKey(data.title), slug);
  }
  for (const slug of Object.keys(corrections))
    if (!papers.has(slug) && !known.has(slug)) problems.push(`${label(path.join(root, CORRECTIONS_FILE))}: ${slug}: no paper has this slug`);
  return { dumpDays, sources, days, papers, slugByTitle, slugs, corrections, problems };
}

/** The bytes of an archived dump. */
export function readDump(root: string, day: string): Buffer {
  return fs.readFileSync(contentPaths(root).dumpFile(day));
}
