// Feature: related papers. Each paper's nearest papers by the words of its title and abstract
// (Porter2 stems, tf-idf, cosine), computed once per build and kept between builds by digest.
// Depends on archive/, cache/ and format/words.ts; the paper page shows the result.
//
// The numbering of related-paper terms kept between builds (src/related/related-terms.ts,
// `numberTermsKeeping`): numbering 3 million term counts took 0.8–0.9 s of every build, and a
// daily rebuild now numbers only the new and changed papers' terms. One file in the
// derived-values folder: a JSON header (the salt, the terms by number, each document's key and
// row count), padded to a multiple of 4 bytes and ended by a newline, then every document's
// rows as 32-bit integers. A missing, other or unreadable file means numbering everything.
import fs from 'node:fs';
import path from 'node:path';
import type { KeptNumbering } from './related-terms.ts';
import { writeWhole } from '../cache/write-whole-fs.ts';

/** Bump when the file's shape changes. */
const FORMAT = 1;

interface Header {
  format: number;
  salt: string;
  terms: string[];
  keys: string[];
  /** Per document, its rows' length in integers (two per term). */
  lengths: number[];
}

const fileIn = (dir: string) => path.join(dir, 'related-numbering.bin');

/** The numbering kept in `dir` with `salt`, if there is a readable one. */
export function readNumbering(dir: string, salt: string): KeptNumbering | undefined {
  try {
    const bytes = fs.readFileSync(fileIn(dir));
    const end = bytes.indexOf(10);
    const header = JSON.parse(bytes.toString('utf8', 0, end)) as Header;
    if (header.format !== FORMAT || header.salt !== salt) return undefined;
    const ints = new Int32Array(bytes.buffer, bytes.byteOffset + end + 1, (bytes.length - end - 1) / 4);
    const rows = new Map<string, Int32Array>();
    let at = 0;
    header.keys.forEach((key, d) => {
      rows.set(key, ints.subarray(at, (at += header.lengths[d])));
    });
    return at === ints.length ? { terms: header.terms, rows } : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `numbering` in `dir` for the next build. */
export function writeNumbering(dir: string, salt: string, numbering: KeptNumbering): void {
  const keys = [...numbering.rows.keys()];
  const rows = [...numbering.rows.values()];
  let header = JSON.stringify({ format: FORMAT, salt, terms: numbering.terms, keys, lengths: rows.map((r) => r.length) } satisfies Header);
  // The rows start at a multiple of 4 bytes, so they read back as one Int32Array.
  header += ' '.repeat((4 - ((Buffer.byteLength(header) + 1) % 4)) % 4);
  writeWhole(fileIn(dir), [Buffer.from(`${header}\n`), Buffer.concat(rows.map((r) => new Uint8Array(r.buffer, r.byteOffset, r.byteLength)))]);
}
