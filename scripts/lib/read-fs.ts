// Reads the archive's current state from the content root: dumps, the sources manifest,
// day files and the papers' front matter (never their bodies, which merge does not need).
import fs from 'node:fs';
import path from 'node:path';
import type { DayData, PaperData } from '../../src/schema.ts';
import { readFrontMatter } from './render.ts';

/** `dumps/sources.json`: day → the original file name and hash of its archived dump. */
export type Sources = Record<string, DayData['source']>;

export interface ArchiveState {
  /** Days that have a dump in `dumps/`. */
  dumpDays: string[];
  sources: Sources;
  /** Existing day files' front matter by day. */
  days: Map<string, DayData>;
  papers: Map<string, PaperData>;
  slugByTitle: Map<string, string>;
}

export const SOURCES_FILE = 'sources.json';

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

/** Reads the whole archive state under `root`. */
export function readArchive(root: string): ArchiveState {
  const dumpDays = listIds(path.join(root, 'dumps'), '.txt').filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  let sources: Sources = {};
  try {
    sources = JSON.parse(fs.readFileSync(path.join(root, 'dumps', SOURCES_FILE), 'utf8')) as Sources;
  } catch {
    // No manifest yet (or unreadable): names fall back to the day files' own record.
  }
  const days = new Map<string, DayData>();
  for (const id of listIds(path.join(root, 'days'), '.md')) {
    const data = readFrontMatter(fs.readFileSync(path.join(root, 'days', `${id}.md`), 'utf8')).data as DayData;
    days.set(id, data);
  }
  const papers = new Map<string, PaperData>();
  const slugByTitle = new Map<string, string>();
  const dir = path.join(root, 'papers');
  for (const slug of listIds(dir, '.md')) {
    const text = fs.readFileSync(path.join(dir, `${slug}.md`), 'utf8');
    // Parse the front matter only: the body (abstract) can be far larger.
    const end = text.indexOf('\n---', 4);
    const data = readFrontMatter(end > 0 ? text.slice(0, end + 4) + '\n' : text).data as PaperData;
    papers.set(slug, data);
    if (typeof data.title === 'string') slugByTitle.set(data.title, slug);
  }
  return { dumpDays, sources, days, papers, slugByTitle };
}

/** The bytes of an archived dump. */
export function readDump(root: string, day: string): Buffer {
  return fs.readFileSync(path.join(root, 'dumps', `${day}.txt`));
}
