// Places the search index in the build output: the engine in `pagefind/` itself, each shard in
// `pagefind/shard-<id>/`, and the site files (plan, term map, facts, vocabulary) beside them,
// hard-linked from the cache when possible. A place that already holds the same cached shard is
// kept, so a daily rebuild replaces the shards that changed, not the files of all of them.
import fs from 'node:fs';
import path from 'node:path';
import { shardFolder } from './contract.ts';
import type { IndexResult } from './index-fs.ts';
import { writeWhole } from '../cache/write-whole-fs.ts';

/** What `placeShards` last placed in an output folder: the cache folder's name at each place. */
interface Placed {
  pagefindOut: string;
  /** By place: `''` for the engine, `shard-<id>/` for a shard. */
  places: Record<string, string>;
}

/**
 * The files a place needs. The engine: Pagefind's script and wasm (the page runs Pagefind on
 * its own thread, without Pagefind's worker), and its one-page index. A shard: its entry,
 * metadata, index chunks and fragments only (the page loads Pagefind's script and wasm once,
 * from the engine; no filter of Pagefind's is ever asked for).
 */
const ENGINE_FILES = /^(pagefind\.js|wasm\.en\.pagefind|pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta|index|fragment)$/;
const SHARD_FILES = /^(pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta|index|fragment)$/;

/**
 * Places `index` in `pagefindOut`; `stateFile` records the placement for the next build. The
 * site files are placed again each time (they are small, and any shard's change changes them).
 */
export function placeShards(index: Pick<IndexResult, 'engine' | 'shards' | 'site'>, pagefindOut: string, stateFile: string): { replaced: number } {
  const before = readPlaced(stateFile, pagefindOut);
  // Forgotten first: a build killed while placing leaves no record, and the next one places all.
  fs.rmSync(stateFile, { force: true });
  if (!before) fs.rmSync(pagefindOut, { recursive: true, force: true });
  const places: Record<string, string> = { '': index.engine, ...Object.fromEntries(index.shards.map((dir, id) => [shardFolder(id), dir])) };
  let replaced = 0;
  for (const [place, dir] of Object.entries(places)) {
    const to = path.join(pagefindOut, place);
    if (before?.places[place] === path.basename(dir) && fs.existsSync(path.join(to, 'pagefind-entry.json'))) continue;
    const keep = place === '' ? ENGINE_FILES : SHARD_FILES;
    if (place === '') {
      // The engine's place is the folder the others sit in: clear only what is its own.
      if (fs.existsSync(to)) for (const name of fs.readdirSync(to)) if (keep.test(name)) fs.rmSync(path.join(to, name), { recursive: true, force: true });
    } else fs.rmSync(to, { recursive: true, force: true });
    linkTree(dir, to, keep);
    replaced++;
  }
  const siteNames = fs.readdirSync(index.site);
  for (const name of siteNames) fs.rmSync(path.join(pagefindOut, name), { recursive: true, force: true });
  linkTree(index.site, pagefindOut);
  // Anything else at the top: places of shards the index no longer has (tail shards merged
  // into a full one), and files that no placement put there.
  const expected = new Set([...fs.readdirSync(index.engine).filter((n) => ENGINE_FILES.test(n)), ...siteNames, ...index.shards.map((_, id) => shardFolder(id).slice(0, -1))]);
  for (const name of fs.readdirSync(pagefindOut)) if (!expected.has(name)) fs.rmSync(path.join(pagefindOut, name), { recursive: true, force: true });
  writeWhole(stateFile, JSON.stringify({ pagefindOut, places: Object.fromEntries(Object.entries(places).map(([p, d]) => [p, path.basename(d)])) } satisfies Placed));
  return { replaced };
}

function readPlaced(stateFile: string, pagefindOut: string): Placed | undefined {
  try {
    const placed = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as Placed;
    return placed.pagefindOut === pagefindOut && typeof placed.places === 'object' && placed.places !== null ? placed : undefined;
  } catch {
    return undefined;
  }
}

/** Links (or copies, across file systems) `from` into `to`; at the top only the names `keep` takes. */
function linkTree(from: string, to: string, keep?: RegExp): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (keep && !keep.test(entry.name)) continue;
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(a, b);
    else {
      try {
        fs.linkSync(a, b);
      } catch {
        fs.copyFileSync(a, b); // another file system
      }
    }
  }
}
