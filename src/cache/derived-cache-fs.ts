// Values derived from each paper's whole file (which topics it matches, ...), kept between
// builds and keyed by the file's digest from the content layer: a daily rebuild derives them
// for the new and changed papers only, not by reading 30,000 files again. A cache is one file
// of JSON lines per kind under Astro's cacheDir (src/integrations/derived-cache.ts says where); its
// `salt` names everything besides the file that the values depend on (configuration, the
// deriving code), and a different salt discards it. Without a cacheDir (outside a build) or
// with an unreadable cache, everything is derived afresh: the cache changes cost, not output.
import fs from 'node:fs';
import path from 'node:path';
import { writeWhole } from './write-whole-fs.ts';

/** The variable that carries the folder to page code (set by the integration, not by users). */
export const DERIVED_CACHE_ENV = 'ARCHIVE_DERIVED_CACHE_DIR';

/** The folder in Astro's cacheDir `cacheDir`; with none given, the one this build announced. */
export function derivedDir(cacheDir?: string): string | undefined {
  return cacheDir === undefined ? process.env[DERIVED_CACHE_ENV] || undefined : path.join(cacheDir, 'derived');
}

export interface DerivedOptions<T> {
  /** The cache's file name (without `.jsonl`). */
  kind: string;
  salt: string;
  /** The folder; `process.env.ARCHIVE_DERIVED_CACHE_DIR` by default, none outside a build. */
  dir?: string | undefined;
  derive: (id: string) => T;
}

/**
 * `derive(id)` for every paper, reused from the cache where the paper's digest is unchanged.
 * The cache is JSON lines (a header with the salt, then `[id, digest, value]` per line, a
 * later line for an id replacing an earlier one), so a daily rebuild appends the new day's
 * values instead of writing 50 MB again; once a quarter of its lines are replaced or of
 * removed papers, it is written again whole.
 */
export function derivePerPaper<T>(papers: Iterable<{ id: string; digest?: string | number }>, opts: DerivedOptions<T>): Map<string, T> {
  const dir = 'dir' in opts ? opts.dir : derivedDir();
  const file = dir ? path.join(dir, `${opts.kind}.jsonl`) : undefined;
  const before = file ? read<T>(file, opts.salt) : undefined;
  const all: Entry<T>[] = [];
  const fresh: Entry<T>[] = [];
  for (const { id, digest } of papers) {
    const key = String(digest ?? '');
    const hit = key ? before?.entries.get(id) : undefined;
    if (hit && hit[0] === key) all.push([id, key, hit[1]]);
    else {
      const entry: Entry<T> = [id, key, opts.derive(id)];
      all.push(entry);
      fresh.push(entry);
    }
  }
  const out = new Map(all.map(([id, , value]) => [id, value]));
  if (!file) return out;
  // Lines of the file, once the fresh ones are appended, that no paper reads any more.
  const stale = (before?.lines ?? 0) + fresh.length - out.size;
  if (!before || !before.endsWithNewline || stale > out.size * MAX_STALE_SHARE) {
    writeCache(file, opts.salt, all);
  } else if (fresh.length > 0) {
    fs.appendFileSync(file, fresh.map(line).join(''));
  }
  return out;
}

/** Values by paper id, as `derivePerPaperLazily` gives them. */
export interface PaperValues<T> {
  get(id: string): T | undefined;
}

/**
 * `derivePerPaper`, where a cached value is parsed only when asked for: the file is scanned for
 * each line's id and digest, and a line's JSON parsed on the first `get` of its id (a daily
 * rebuild asks for a few thousand of 30,000 abstracts, where parsing 50 MB of them took 0.27 s
 * at 1,000 days). Values are derived, and the file appended to or written again, exactly as
 * `derivePerPaper` does, before this returns.
 */
export function derivePerPaperLazily<T>(iterable: Iterable<{ id: string; digest?: string | number }>, opts: DerivedOptions<T>): PaperValues<T> {
  // Gone through twice when the file is written whole.
  const papers = [...iterable];
  const dir = 'dir' in opts ? opts.dir : derivedDir();
  const file = dir ? path.join(dir, `${opts.kind}.jsonl`) : undefined;
  const before = file ? scan(file, opts.salt) : undefined;
  const lines = new Map<string, [from: number, to: number]>();
  const values = new Map<string, T>();
  const fresh: Entry<T>[] = [];
  for (const { id, digest } of papers) {
    const key = String(digest ?? '');
    const hit = key ? before?.lines.get(id) : undefined;
    if (hit && hit[0] === key) lines.set(id, [hit[1], hit[2]]);
    else {
      const entry: Entry<T> = [id, key, opts.derive(id)];
      values.set(id, entry[2]);
      fresh.push(entry);
    }
  }
  const parseLine = (id: string): T | undefined => {
    const at = lines.get(id);
    if (!at || !before) return undefined;
    try {
      const entry = JSON.parse(before.bytes.toString('utf8', at[0], at[1])) as Entry<T>;
      return entry[2];
    } catch {
      return undefined;
    }
  };
  const get = (id: string): T | undefined => {
    if (values.has(id)) return values.get(id);
    if (!lines.has(id)) return undefined;
    // A line that does not parse after all (the file changed under the build): derived again.
    const value = parseLine(id) ?? opts.derive(id);
    values.set(id, value);
    return value;
  };
  if (file) {
    const live = lines.size + fresh.length;
    const stale = (before?.count ?? 0) + fresh.length - live;
    if (!before || !before.endsWithNewline || stale > live * MAX_STALE_SHARE) {
      const all: Entry<T>[] = [];
      for (const { id, digest } of papers) all.push([id, String(digest ?? ''), get(id)!]);
      writeCache(file, opts.salt, all);
    } else if (fresh.length > 0) {
      fs.appendFileSync(file, fresh.map(line).join(''));
    }
  }
  return { get };
}

/** A cache file's bytes, and where each id's latest line is, with its digest. */
interface Scanned {
  bytes: Buffer;
  lines: Map<string, [digest: string, from: number, to: number]>;
  count: number;
  endsWithNewline: boolean;
}

/** `read` without parsing the values: each line is `["id","digest",value],`. */
function scan(file: string, salt: string): Scanned | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  let end = bytes.indexOf(10);
  try {
    const header = JSON.parse(bytes.toString('utf8', 0, end)) as { format?: number; salt?: string };
    if (header.format !== FORMAT || header.salt !== salt) return undefined;
  } catch {
    return undefined;
  }
  const lines = new Map<string, [string, number, number]>();
  let count = 0;
  for (let from = end + 1; from < bytes.length; from = end + 1) {
    end = bytes.indexOf(10, from);
    if (end < 0) break; // cut short by a killed build: that paper is derived again
    // The line without its comma; its id and digest are plain strings (slugs and digests
    // need no escapes); any other line is parsed whole.
    const to = bytes[end - 1] === COMMA ? end - 1 : end;
    const head = bytes.toString('utf8', from, Math.min(to, from + 300));
    const m = /^\["([^"\\]*)","([^"\\]*)",/.exec(head);
    if (m) lines.set(m[1], [m[2], from, to]);
    else {
      try {
        const entry = JSON.parse(bytes.toString('utf8', from, to)) as unknown;
        if (!Array.isArray(entry) || entry.length !== 3 || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') continue;
        lines.set(entry[0], [entry[1], from, to]);
      } catch {
        continue;
      }
    }
    count++;
  }
  return { bytes, lines, count, endsWithNewline: bytes[bytes.length - 1] === 10 };
}

const COMMA = 44;

/** The header, then the entries' lines in slices: one string of 50 MB would be made only to be written. */
function* linesOf<T>(salt: string, entries: Entry<T>[]): Generator<string> {
  yield `${JSON.stringify({ format: FORMAT, salt })}\n`;
  for (let i = 0; i < entries.length; i += 1000) yield entries.slice(i, i + 1000).map(line).join('');
}

/** Replaced or removed entries beyond this share of the live ones: the file is written whole. */
const MAX_STALE_SHARE = 0.25;

/** Bump when the file's shape changes. */
const FORMAT = 2;

type Entry<T> = [id: string, digest: string, value: T];

/** An entry's line: its JSON and a comma (see `read`). */
const line = (entry: Entry<unknown>) => `${JSON.stringify(entry)},\n`;

interface Loaded<T> {
  entries: Map<string, [string, T]>;
  /** Entry lines read, the replaced ones included. */
  lines: number;
  /** False when the last line was cut short (a build killed while appending). */
  endsWithNewline: boolean;
}

function read<T>(file: string, salt: string): Loaded<T> | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const header = JSON.parse(text.slice(0, text.indexOf('\n'))) as { format?: number; salt?: string };
    if (header.format !== FORMAT || header.salt !== salt) return undefined;
  } catch {
    return undefined;
  }
  const body = text.slice(text.indexOf('\n') + 1);
  const endsWithNewline = text.endsWith('\n');
  // Each line is an entry and a comma, so the lines together parse as one array (fast); a
  // line cut short by a killed build spoils that, and then they are parsed one by one.
  let parsed: unknown[] | undefined;
  if (endsWithNewline) {
    try {
      parsed = JSON.parse(`[${body.slice(0, body.lastIndexOf(','))}]`) as unknown[];
    } catch {
      parsed = undefined;
    }
  }
  if (!parsed) {
    parsed = [];
    for (const line of body.split('\n')) {
      try {
        parsed.push(JSON.parse(line.replace(/,$/, '')));
      } catch {
        // cut short: that paper is derived again
      }
    }
  }
  const entries = new Map<string, [string, T]>();
  let count = 0;
  for (const entry of parsed) {
    if (!Array.isArray(entry) || entry.length !== 3 || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') continue;
    entries.set(entry[0], [entry[1], entry[2] as T]);
    count++;
  }
  return { entries, lines: count, endsWithNewline };
}

/** Written whole under a temporary name, then renamed: a killed build leaves the old file. */
function writeCache<T>(file: string, salt: string, entries: Entry<T>[]): void {
  writeWhole(file, linesOf(salt, entries));
  // The whole-JSON file of earlier versions.
  fs.rmSync(file.replace(/\.jsonl$/, '.json'), { force: true });
}
