// The content index: per collection, what the build keeps of each content file (its
// validated front matter and derived fields, its digest, and the stat signature that lets a
// rebuild skip reading it). Written by the content loader during content sync
// (src/archive/front-matter-loader.ts), read by the pages through src/archive/load-archive.ts.
//
// In the derived-values folder of Astro's cacheDir, per collection: `content-<name>.json`
// names the index's parts and holds every file's stat signature; each part,
// `content-<name>/<part>-<key>.json`, holds its entries' digests and data. A part is a group of
// entries that change together (a month of papers by first listing): a daily rebuild writes the
// month its new papers join and those of papers listed again, where writing the whole index
// took 0.3 s at 1,000 days. A part's file name carries a digest of what it holds, so a part is
// never written over: new parts are written, then the list naming them, then old parts are
// removed. Signatures are kept apart from the parts, as a fresh checkout changes every one.
//
// Within one process, a file read or written here is kept parsed until it changes on disk
// (same inode, size and modification time), so the pages do not parse again the index the
// content loader has just read and written.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { derivedDir } from '../cache/derived-cache-fs.ts';
import { readKept, writeWhole } from '../cache/write-whole-fs.ts';
import { compareText } from '../format/compare.ts';

/** The collections, by the name of their index. */
export const COLLECTIONS = { days: 'days', papers: 'papers' } as const;

/** Bump when the files' shape changes: an index of another version is rebuilt. */
const VERSION = 3;

export interface IndexedEntry {
  /** `mtimeMs:size` of the file when it was read. */
  signature: string;
  /** Digest of the file's whole text (front matter and body). */
  digest: string;
  data: Record<string, unknown>;
  /** Digest of `data`: cache keys name it instead of spelling `data` out on every build. */
  dataDigest: string;
}

/** The list: every entry's signature, and each part's file name by part. */
interface ListFile {
  version: number;
  /** The content folder, schema and derivation it was made with (a digest): another's is not reused. */
  salt: string;
  signatures: Record<string, string>;
  parts: Record<string, string>;
}

type PartFile = Record<string, Omit<IndexedEntry, 'signature'>>;

const listOf = (collection: string, dir: string) => path.join(dir, `content-${collection}.json`);
const partsDir = (collection: string, dir: string) => path.join(dir, `content-${collection}`);

/** The index of `collection`, if there is a readable one (made with `salt`, when given). */
export function readContentIndex(collection: string, salt?: string, dir: string | undefined = derivedDir()): Record<string, IndexedEntry> | undefined {
  if (!dir) return undefined;
  const list = parsed(listOf(collection, dir), (json: ListFile) => (json.version === VERSION && (salt === undefined || json.salt === salt) ? json : undefined));
  if (!list) return undefined;
  const entries: Record<string, IndexedEntry> = {};
  for (const name of Object.values(list.parts)) {
    const part = parsed(path.join(partsDir(collection, dir), name), (json: PartFile) => json);
    if (!part) return undefined;
    for (const [id, e] of Object.entries(part)) {
      const signature = list.signatures[id];
      if (signature === undefined) return undefined;
      entries[id] = { signature, ...e };
    }
  }
  return Object.keys(entries).length === Object.keys(list.signatures).length ? entries : undefined;
}

/**
 * Replaces the index of `collection`: `partOf` groups the entries (one part by default), and
 * only parts whose entries changed are written. A killed build leaves the previous index.
 */
export function writeContentIndex(
  collection: string,
  salt: string,
  entries: Record<string, IndexedEntry>,
  dir: string | undefined = derivedDir(),
  partOf: (id: string, data: Record<string, unknown>) => string = () => 'all',
): void {
  if (!dir) throw new Error('no folder for the content index: Astro\'s cacheDir is unknown outside a build');
  const groups = new Map<string, [string, IndexedEntry][]>();
  for (const id of Object.keys(entries).sort()) {
    const part = partOf(id, entries[id].data);
    const group = groups.get(part);
    if (group) group.push([id, entries[id]]);
    else groups.set(part, [[id, entries[id]]]);
  }
  const folder = partsDir(collection, dir);
  fs.mkdirSync(folder, { recursive: true });
  const list: ListFile = { version: VERSION, salt, signatures: {}, parts: {} };
  for (const [part, group] of [...groups].sort(([a], [b]) => compareText(a, b))) {
    // Named by what it holds: the same entries, the same file, already there.
    const hash = createHash('sha256').update(salt);
    for (const [id, e] of group) hash.update(`\n${id} ${e.digest} ${e.dataDigest}`);
    const key = hash.digest('base64url').slice(0, 16);
    const name = `${encodeURIComponent(part)}-${key}.json`;
    const file = path.join(folder, name);
    if (!fs.existsSync(file)) {
      const body: PartFile = Object.fromEntries(group.map(([id, { digest, data, dataDigest }]) => [id, { digest, data, dataDigest }]));
      writeWhole(file, JSON.stringify(body));
      remember(file, body);
    }
    list.parts[part] = name;
    for (const [id, e] of group) list.signatures[id] = e.signature;
  }
  const listFile = listOf(collection, dir);
  writeWhole(listFile, JSON.stringify(list));
  remember(listFile, list);
  // Parts no list names any more.
  const named = new Set(Object.values(list.parts));
  for (const name of fs.readdirSync(folder)) {
    if (named.has(name)) continue;
    fs.rmSync(path.join(folder, name), { force: true });
    memo.delete(path.join(folder, name));
  }
}

/** Parsed files by path, with the stat they were parsed at; shared by every copy of this module in the process. */
const PARSED = Symbol.for('daily-papers-archive:content-index-parsed');
const host = globalThis as { [PARSED]?: Map<string, { stat: string; value: unknown }> };
const memo = (host[PARSED] ??= new Map());

const statOf = (file: string): string | undefined => {
  try {
    const st = fs.statSync(file);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return undefined;
  }
};

/** `readKept`, through the memo. */
function parsed<T>(file: string, accept: (value: any) => T | undefined): T | undefined {
  const stat = statOf(file);
  if (stat === undefined) return undefined;
  const hit = memo.get(file);
  if (hit?.stat === stat) return accept(hit.value);
  let value: unknown;
  const kept = readKept(file, (json: unknown) => {
    value = json;
    return accept(json);
  });
  if (value !== undefined) memo.set(file, { stat, value });
  return kept;
}

function remember(file: string, value: unknown): void {
  const stat = statOf(file);
  if (stat !== undefined) memo.set(file, { stat, value });
}
