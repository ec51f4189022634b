// Values derived from each paper's whole file (which topics it matches, ...), kept between
// builds and keyed by the file's digest from the content layer: a daily rebuild derives them
// for the new and changed papers only, not by reading 30,000 files again. A cache is one JSON
// file per kind under Astro's cacheDir (src/integrations/derived-cache.ts says where); its
// `salt` names everything besides the file that the values depend on (configuration, the
// deriving code), and a different salt discards it. Without a cacheDir (outside a build) or
// with an unreadable cache, everything is derived afresh: the cache changes cost, not output.
import fs from 'node:fs';
import path from 'node:path';

/** The variable that carries the folder to page code (set by the integration, not by users). */
export const DERIVED_CACHE_ENV = 'ARCHIVE_DERIVED_CACHE_DIR';

/** The folder in Astro's cacheDir `cacheDir`; with none given, the one this build announced. */
export function derivedDir(cacheDir?: string): string | undefined {
  return cacheDir === undefined ? process.env[DERIVED_CACHE_ENV] || undefined : path.join(cacheDir, 'derived');
}

interface CacheFile<T> {
  salt: string;
  /** id → [digest, value] */
  entries: Record<string, [string, T]>;
}

export interface DerivedOptions<T> {
  /** The cache's file name (without `.json`). */
  kind: string;
  salt: string;
  /** The folder; `process.env.ARCHIVE_DERIVED_CACHE_DIR` by default, none outside a build. */
  dir?: string | undefined;
  derive: (id: string) => T;
}

/** `derive(id)` for every paper, reused from the cache where the paper's digest is unchanged. */
export function derivePerPaper<T>(papers: Iterable<{ id: string; digest?: string | number }>, opts: DerivedOptions<T>): Map<string, T> {
  const dir = 'dir' in opts ? opts.dir : derivedDir();
  const file = dir ? path.join(dir, `${opts.kind}.json`) : undefined;
  const before = file ? read<T>(file, opts.salt) : {};
  const after: Record<string, [string, T]> = {};
  const out = new Map<string, T>();
  let changed = !file || !fs.existsSync(file);
  for (const { id, digest } of papers) {
    const key = String(digest ?? '');
    const hit = key && before[id]?.[0] === key ? before[id] : undefined;
    const value = hit ? hit[1] : opts.derive(id);
    if (!hit) changed = true;
    after[id] = [key, value];
    out.set(id, value);
  }
  if (file && (changed || Object.keys(before).length !== out.size)) write(file, { salt: opts.salt, entries: after });
  return out;
}

function read<T>(file: string, salt: string): Record<string, [string, T]> {
  try {
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile<T>;
    return json.salt === salt && json.entries && typeof json.entries === 'object' ? json.entries : {};
  } catch {
    return {};
  }
}

/** Written whole under a temporary name, then renamed: a killed build leaves the old file. */
function write<T>(file: string, data: CacheFile<T>): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(data));
  fs.renameSync(temp, file);
}
