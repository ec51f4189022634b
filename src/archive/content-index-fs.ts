// The content index: per collection, what the build keeps of each content file (its
// validated front matter and derived fields, its digest, and the stat signature that lets a
// rebuild skip reading it). Written by the content loader during content sync
// (src/archive/front-matter-loader.ts), read by the pages through src/archive/load-archive.ts.
// One JSON file per collection in the derived-values folder of Astro's cacheDir.
import path from 'node:path';
import { derivedDir } from '../cache/derived-cache-fs.ts';
import { readKept, writeWhole } from '../cache/write-whole-fs.ts';

/** The collections, by the name of their index. */
export const COLLECTIONS = { days: 'days', papers: 'papers' } as const;

/** Bump when the file's shape changes: an index of another version is rebuilt. */
const VERSION = 2;

export interface IndexedEntry {
  /** `mtimeMs:size` of the file when it was read. */
  signature: string;
  /** Digest of the file's whole text (front matter and body). */
  digest: string;
  data: Record<string, unknown>;
  /** Digest of `data`: cache keys name it instead of spelling `data` out on every build. */
  dataDigest: string;
}

interface IndexFile {
  version: number;
  /** The content folder, schema and derivation it was made with (a digest): another's is not reused. */
  salt: string;
  entries: Record<string, IndexedEntry>;
}

const fileOf = (collection: string, dir: string) => path.join(dir, `content-${collection}.json`);

/** The index of `collection`, if there is a readable one (made with `salt`, when given). */
export function readContentIndex(collection: string, salt?: string, dir: string | undefined = derivedDir()): Record<string, IndexedEntry> | undefined {
  if (!dir) return undefined;
  return readKept(fileOf(collection, dir), (json: IndexFile) => (json.version === VERSION && (salt === undefined || json.salt === salt) ? json.entries : undefined));
}

/** Replaces the index of `collection`, whole: a killed build leaves the previous one. */
export function writeContentIndex(collection: string, salt: string, entries: Record<string, IndexedEntry>, dir: string | undefined = derivedDir()): void {
  if (!dir) throw new Error('no folder for the content index: Astro\'s cacheDir is unknown outside a build');
  writeWhole(fileOf(collection, dir), JSON.stringify({ version: VERSION, salt, entries } satisfies IndexFile));
}
