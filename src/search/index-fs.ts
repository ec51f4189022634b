// Builds the sharded Pagefind index from the paper collection on disk: each shard is indexed
// once into a cache folder keyed by its inputs, with what the term map, the facts and the
// vocabulary need of it; then the files beside the bundles are made from those (site-files.ts).
// place-fs.ts puts it all in the build output.
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { INDEX_CHUNK_SIZE, orderForShards, RECORD_VERSION, shardKey, splitShards, type SearchPaper } from './plan.ts';
import { addCounts, addPaper, countsOf, emptyTally, vocabularyOfTally, type WordCounts, type WordTally } from './vocabulary.ts';
import { recordUrl, toRecord } from './record.ts';
import { addTextKeys } from './terms.ts';
import { addShardTerms, siteFiles, type ShardParts, type TermTable } from './site-files.ts';
import { cacheKey } from '../cache/cache-key.ts';
import { readKept, writeWhole } from '../cache/write-whole-fs.ts';
import { markdownText } from '../format/markdown-text.ts';
import { ENGINE } from './engine-fs.ts';
import { readBody, readPapers } from './papers-fs.ts';

export interface IndexOptions {
  /** Folder of `<slug>.md` paper files. */
  papersDir: string;
  /** Where finished shards are kept between builds. */
  cacheDir: string;
  /** Where what was read of each paper file is kept between builds (see `readPapers`). */
  papersCache?: string;
  shardSize: number;
  log?: (message: string) => void;
}

export interface IndexResult {
  /** Cache folder of the engine: Pagefind's scripts and wasm, and an index of one empty page. */
  engine: string;
  /** Cache folder of each shard's bundle, by shard id (oldest papers first). */
  shards: string[];
  /** Papers in each shard, in the same order. */
  counts: number[];
  /** The shard size it was split with. */
  shardSize: number;
  papers: number;
  /** How many shards were indexed now (the rest came from the cache). */
  built: number;
  /** Cache folder of the files placed beside the bundles: the plan, term map, facts and vocabulary. */
  site: string;
}

/** Indexes every shard missing from the cache, one Pagefind process at a time, then makes the site files. */
export async function buildSearchIndex(opts: IndexOptions): Promise<IndexResult> {
  const papers = readPapers(opts.papersDir, opts.papersCache);
  const shards = splitShards(orderForShards(papers), opts.shardSize);
  fs.mkdirSync(opts.cacheDir, { recursive: true });
  const engine = await buildEngine(opts.cacheDir);
  const dirs: string[] = [];
  let built = 0;
  for (const [i, papers] of shards.entries()) {
    const dir = path.join(opts.cacheDir, shardKey(papers, ENGINE));
    dirs.push(dir);
    if (fs.existsSync(dir)) {
      const now = new Date();
      fs.utimesSync(dir, now, now); // marks it as in use for pruneCache
    } else {
      const started = performance.now();
      await indexShard(papers, opts.papersDir, dir);
      built++;
      opts.log?.(`search shard ${i + 1}/${shards.length}: ${papers.length} papers in ${Math.round(performance.now() - started)} ms`);
    }
  }
  // The terms and word counts of the full shards, which never change, are kept added up; only
  // those of the shards after them (the newest papers) are added each build.
  let full = 0;
  while (full < shards.length && shards[full].length === opts.shardSize) full++;
  const prefix = fullShardTerms(opts.cacheDir, shards, dirs, full);
  const parts: ShardParts[] = shards.map((papers, id) => {
    const { pages, ...bytes } = shardSite(dirs[id]);
    const keys = id < full ? [] : readKeptFile(dirs[id]).keys;
    return { papers, key: path.basename(dirs[id]), keys, pageIds: new Map(pages), ...bytes };
  });
  const tally = prefix.tally;
  for (let id = full; id < shards.length; id++) addCounts(tally, readWords(dirs[id]));
  const site = writeSiteFiles(opts.cacheDir, parts, tally, prefix.table, full);
  pruneCache(opts.cacheDir, new Set([engine, site, prefix.file, ...dirs].map((d) => path.basename(d))));
  return { engine, shards: dirs, counts: shards.map((s) => s.length), shardSize: opts.shardSize, papers: papers.length, built, site };
}

const readWords = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, WORDS_FILE), 'utf8')) as WordCounts;
const readKeptFile = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, KEPT_FILE), 'utf8')) as Kept;

/** The term table and word counts of shards `[0, full)`, kept in a file named by their keys (made when missing). */
function fullShardTerms(cacheDir: string, shards: readonly SearchPaper[][], dirs: readonly string[], full: number): { table: TermTable; tally: WordTally; file: string } {
  const file = path.join(cacheDir, `full-${cacheKey(RECORD_VERSION, dirs.slice(0, full).map((d) => path.basename(d))).slice(0, 20)}.json`);
  const kept = readKept(file, (v: { entries?: unknown; counts?: unknown }) => (Array.isArray(v.entries) && v.counts ? (v as { entries: TermRow[]; counts: WordCounts }) : undefined));
  const table: TermTable = new Map();
  const tally = emptyTally();
  if (kept) {
    for (const row of kept.entries) table.set(row[0], row);
    addCounts(tally, kept.counts);
    return { table, tally, file };
  }
  for (let id = 0; id < full; id++) {
    const { pages } = shardSite(dirs[id]);
    const { keys } = readKeptFile(dirs[id]);
    addShardTerms(table, { keys, papers: shards[id], pageIds: new Map(pages) }, id, recordUrl);
    addCounts(tally, readWords(dirs[id]));
  }
  writeWhole(file, JSON.stringify({ entries: [...table.values()], counts: countsOf(tally) }));
  return { table, tally, file };
}
type TermRow = TermTable extends Map<string, infer R> ? R : never;

/** What the site files need of a shard's bundle besides its terms (kept beside them, so the terms need not be read). */
const SITE_FILE = 'site.json';
type ShardSite = Pick<Kept, 'pages' | 'meta' | 'metaBytes' | 'chunkBytes'>;
function shardSite(dir: string): ShardSite {
  const file = path.join(dir, SITE_FILE);
  const kept = readKept(file, (v: ShardSite) => (Array.isArray(v.pages) ? v : undefined));
  if (kept) return kept;
  // A shard cached before this file existed: made from the one that holds it all.
  const { pages, meta, metaBytes, chunkBytes } = readKeptFile(dir);
  writeWhole(file, JSON.stringify({ pages, meta, metaBytes, chunkBytes } satisfies ShardSite));
  return { pages, meta, metaBytes, chunkBytes };
}

/** A shard's word counts for the vocabulary, kept in its cache folder (never published). */
const WORDS_FILE = 'words.json';
/** What else a shard's indexing keeps for the site files (never published). */
const KEPT_FILE = 'kept.json';
interface Kept {
  /** Term-map keys of its papers, each with the number of papers holding it. */
  keys: [key: string, papers: number][];
  /** Pagefind's page id of each record URL. */
  pages: [url: string, id: string][];
  meta: string;
  metaBytes: number;
  chunkBytes: number;
}

/** Records sent to Pagefind before waiting for their answers (the service queues all it is sent). */
const IN_FLIGHT = 256;

/** Pagefind's service with this build's index chunk size (it reads it from its environment when it starts). */
async function createIndex() {
  const before = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(INDEX_CHUNK_SIZE);
  // The service process is spawned within this call, before it returns.
  const created = pagefind.createIndex({ forceLanguage: 'en' });
  if (before === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = before;
  const { index, errors } = await created;
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  return index;
}

/**
 * Writes a Pagefind bundle into `dir` with `fill` (which adds the records), whole: it is
 * written under a temporary name and appears under its final name at once, so a killed build
 * never leaves a half-written one in the cache.
 */
async function writeBundle(dir: string, fill: (index: pagefind.PagefindIndex) => Promise<void>, finish?: (temp: string) => void): Promise<void> {
  const temp = `${dir}.${process.pid}.tmp`;
  fs.rmSync(temp, { recursive: true, force: true });
  try {
    const index = await createIndex();
    await fill(index);
    failOn([await index.writeFiles({ outputPath: temp })]);
    finish?.(temp);
    fs.renameSync(temp, dir);
  } finally {
    // One service per bundle: its memory is returned to the system before the next one.
    await pagefind.close();
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * The engine: Pagefind's scripts and wasm, with an index of one page that no query can match
 * (its only word is "_", which the page's query words never hold). The search page loads it as
 * Pagefind's primary index and merges only the shards a query needs.
 */
async function buildEngine(cacheDir: string): Promise<string> {
  const dir = path.join(cacheDir, `engine-${ENGINE}`);
  if (fs.existsSync(dir)) {
    const now = new Date();
    fs.utimesSync(dir, now, now);
    return dir;
  }
  await writeBundle(dir, async (index) => {
    failOn([await index.addHTMLFile({ url: '/', content: '<html lang="en"><body><main data-pagefind-body><p>_</p></main></body></html>' })]);
  });
  return dir;
}

/** Indexes one shard into `dir`, with its word counts and what the site files need of it. */
async function indexShard(papers: SearchPaper[], papersDir: string, dir: string): Promise<void> {
  const tally = emptyTally();
  const keys = new Map<string, number>();
  await writeBundle(
    dir,
    async (index) => {
      const pending: Promise<{ errors: string[] }>[] = [];
      // One paper at a time from its file to Pagefind: no abstract outlives its record.
      for (const paper of papers) {
        const text = markdownText(readBody(papersDir, paper));
        addPaper(tally, { title: paper.title, text });
        for (const key of addTextKeys(`${paper.title} ${text}`, new Set())) keys.set(key, (keys.get(key) ?? 0) + 1);
        pending.push(index.addHTMLFile(toRecord(paper, text)));
        if (pending.length >= IN_FLIGHT) failOn(await Promise.all(pending.splice(0)));
      }
      failOn(await Promise.all(pending));
    },
    (temp) => {
      fs.writeFileSync(path.join(temp, WORDS_FILE), JSON.stringify(countsOf(tally)));
      const site: ShardSite = { pages: pageIds(temp), ...indexBytes(temp) };
      fs.writeFileSync(path.join(temp, KEPT_FILE), JSON.stringify({ keys: [...keys], ...site } satisfies Kept));
      fs.writeFileSync(path.join(temp, SITE_FILE), JSON.stringify(site));
    },
  );
}

/** Pagefind's page id (its fragment's name) of each record URL in a written bundle. */
function pageIds(bundle: string): [string, string][] {
  const dir = path.join(bundle, 'fragment');
  return fs
    .readdirSync(dir)
    .sort()
    .map((name) => {
      // A fragment is gzip of a 12-byte signature ("pagefind_dcd") and the page's JSON.
      const fragment = JSON.parse(gunzipSync(fs.readFileSync(path.join(dir, name))).subarray(12).toString('utf8')) as { url: string };
      return [fragment.url, name.replace(/\.pf_fragment$/, '')];
    });
}

/** A bundle's metadata file, its bytes, and its index chunks' on average, as served (they are gzip already). */
function indexBytes(bundle: string): { meta: string; metaBytes: number; chunkBytes: number } {
  const meta = fs.readdirSync(bundle).find((n) => n.endsWith('.pf_meta'));
  if (!meta) throw new Error(`Pagefind wrote no metadata file in ${bundle}`);
  const chunks = fs.readdirSync(path.join(bundle, 'index')).map((n) => fs.statSync(path.join(bundle, 'index', n)).size);
  return {
    meta,
    metaBytes: fs.statSync(path.join(bundle, meta)).size,
    chunkBytes: chunks.length ? Math.round(chunks.reduce((a, b) => a + b, 0) / chunks.length) : 0,
  };
}

/** Writes the site files into a cache folder named by their tag (kept when it exists). */
function writeSiteFiles(cacheDir: string, parts: ShardParts[], tally: WordTally, table: TermTable, from: number): string {
  const { files, tag } = siteFiles(parts, recordUrl, vocabularyOfTally(tally), { table, from });
  const dir = path.join(cacheDir, `site-${tag}`);
  if (fs.existsSync(dir)) return dir;
  const temp = `${dir}.${process.pid}.tmp`;
  fs.rmSync(temp, { recursive: true, force: true });
  for (const [name, text] of files) {
    fs.mkdirSync(path.dirname(path.join(temp, name)), { recursive: true });
    fs.writeFileSync(path.join(temp, name), text);
  }
  fs.renameSync(temp, dir);
  return dir;
}

function failOn(responses: { errors: string[] }[]): void {
  const errors = responses.flatMap((r) => r.errors);
  if (errors.length) throw new Error(`Pagefind: ${errors.join('; ')}`);
}

/** Unused for this long, a cached shard is removed (another build may still be using it). */
const CACHE_GRACE_MS = 60 * 60 * 1000;

function pruneCache(cacheDir: string, keep: Set<string>): void {
  for (const name of fs.readdirSync(cacheDir)) {
    const dir = path.join(cacheDir, name);
    if (keep.has(name) || Date.now() - fs.statSync(dir).mtimeMs < CACHE_GRACE_MS) continue;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
