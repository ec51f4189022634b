// The numbering of related-paper terms kept between builds (src/related/related-terms.ts,
// `numberTermsKeeping`): each paper's term counts, numbered, by its slug and file digest, so a
// daily rebuild neither reads nor numbers any other paper's terms. One file in the
// derived-values folder: a JSON header (the salt, the terms by number, each document's key),
// padded to a multiple of 4 bytes and ended by a newline, then as 32-bit integers where each
// document's rows start, and every row's term and count. A missing, other or unreadable file
// means numbering everything.
import fs from 'node:fs';
import path from 'node:path';
import type { KeptNumbering } from './related-terms.ts';
import { writeWhole } from '../cache/write-whole-fs.ts';

/** Bump when the file's shape changes. */
const FORMAT = 2;

interface Header {
  format: number;
  salt: string;
  terms: string[];
  keys: string[];
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
    const n = header.keys.length;
    const start = ints.subarray(0, n + 1);
    const rows = start[n];
    if (start.length !== n + 1 || ints.length !== n + 1 + rows * 2) return undefined;
    return { terms: header.terms, keys: header.keys, start, term: ints.subarray(n + 1, n + 1 + rows), count: ints.subarray(n + 1 + rows) };
  } catch {
    return undefined;
  }
}

/** Keeps `numbering` in `dir` for the next build. */
export function writeNumbering(dir: string, salt: string, numbering: KeptNumbering): void {
  const { terms, keys, start, term, count } = numbering;
  let header = JSON.stringify({ format: FORMAT, salt, terms, keys } satisfies Header);
  // The integers start at a multiple of 4 bytes, so they read back as one Int32Array.
  header += ' '.repeat((4 - ((Buffer.byteLength(header) + 1) % 4)) % 4);
  const bytesOf = (a: Int32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  writeWhole(fileIn(dir), [Buffer.from(`${header}\n`), bytesOf(start), bytesOf(term), bytesOf(count)]);
}
