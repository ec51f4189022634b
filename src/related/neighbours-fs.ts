// The related papers one build found, kept for the next (src/related/related.ts,
// `nearestKeeping` and `termVectorsKeeping`): a daily rebuild then weighs again only the papers
// whose terms or IDF changed and scores only those a change can reach, where doing it for all
// took 0.3 s at 1,000 days and grew faster than the archive. One file in the derived-values
// folder: a JSON header (the salt, how many terms of the numbering the vectors use and a digest
// of them, the ids and keys) ended by a newline, then the weights and the IDF as 64-bit floats,
// the vectors' starts and terms and the neighbours' starts and indices as 32-bit integers. A
// missing, other or unreadable file, or one whose terms are not numbered as this build numbers
// them, means doing everything.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { KeptNeighbours } from './related.ts';
import { writeWhole } from '../cache/write-whole-fs.ts';

/** Bump when the file's shape changes. */
const FORMAT = 2;

interface Header {
  format: number;
  salt: string;
  /** The vectors use terms numbered below this, numbered as `termsDigest` says. */
  terms: number;
  termsDigest: string;
  ids: string[];
  /** Each document's key (its terms'), when the build gave them; then `idf` IDF values follow the weights. */
  keys?: string[];
  idf: number;
  /** Lengths of the vectors' rows and of the neighbours' lists, all documents together. */
  rows: number;
  listed: number;
}

const fileIn = (dir: string) => path.join(dir, 'related-neighbours.bin');

/** A digest of the first `count` terms of a numbering: the kept vectors are only valid under it. */
const termsDigest = (terms: readonly string[], count: number) => createHash('sha256').update(terms.slice(0, count).join('\n')).digest('base64url');

/** The neighbours kept in `dir` with `salt`, if there are readable ones whose term numbers `terms` (this build's numbering) keeps. */
export function readNeighbours(dir: string, salt: string, terms: readonly string[]): KeptNeighbours | undefined {
  try {
    const bytes = fs.readFileSync(fileIn(dir));
    const end = bytes.indexOf(10);
    const header = JSON.parse(bytes.toString('utf8', 0, end)) as Header;
    if (header.format !== FORMAT || header.salt !== salt || header.terms > terms.length || header.termsDigest !== termsDigest(terms, header.terms)) return undefined;
    const n = header.ids.length;
    // A copy whose start is aligned for the 64-bit floats.
    const body = new Uint8Array(bytes.subarray(end + 1)).buffer;
    let at = 0;
    const take = <T>(make: (offset: number, length: number) => T, length: number, size: number): T => {
      const array = make(at, length);
      at += length * size;
      return array;
    };
    const weight = take((o, l) => new Float64Array(body, o, l), header.rows, 8);
    const idf = take((o, l) => new Float64Array(body, o, l), header.idf, 8);
    const start = take((o, l) => new Int32Array(body, o, l), n + 1, 4);
    const term = take((o, l) => new Int32Array(body, o, l), header.rows, 4);
    const listStart = take((o, l) => new Int32Array(body, o, l), n + 1, 4);
    const listed = take((o, l) => new Int32Array(body, o, l), header.listed, 4);
    if (at !== body.byteLength) return undefined;
    return {
      ids: header.ids,
      vectors: { start, term, weight, terms: header.terms },
      neighbours: header.ids.map((_, d) => listed.subarray(listStart[d], listStart[d + 1])),
      ...(header.keys ? { keys: header.keys, idf } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Keeps `kept` in `dir` for the next build; `terms` is the numbering its vectors use. */
export function writeNeighbours(dir: string, salt: string, terms: readonly string[], kept: KeptNeighbours): void {
  const { ids, vectors, neighbours } = kept;
  // Keys and IDF are kept together or not at all.
  const keys = kept.keys && kept.idf ? kept.keys : undefined;
  const idf = keys ? kept.idf! : new Float64Array(0);
  const listStart = new Int32Array(ids.length + 1);
  neighbours.forEach((list, d) => {
    listStart[d + 1] = listStart[d] + list.length;
  });
  const listed = new Int32Array(listStart[ids.length]);
  neighbours.forEach((list, d) => listed.set(list, listStart[d]));
  const header: Header = {
    format: FORMAT,
    salt,
    terms: vectors.terms,
    termsDigest: termsDigest(terms, vectors.terms),
    ids: [...ids],
    ...(keys ? { keys: [...keys] } : {}),
    idf: idf.length,
    rows: vectors.term.length,
    listed: listed.length,
  };
  const json = JSON.stringify(header);
  const bytesOf = (a: Float64Array | Int32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  writeWhole(fileIn(dir), [Buffer.from(`${json}\n`), bytesOf(vectors.weight), bytesOf(idf), bytesOf(vectors.start), bytesOf(vectors.term), bytesOf(listStart), bytesOf(listed)]);
}
