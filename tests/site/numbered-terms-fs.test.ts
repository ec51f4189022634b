// The related-paper term numbering kept between builds: read back exactly as written, and
// nothing (numbering everything again) for another salt or a file cut short.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readNumbering, writeNumbering } from '../../src/related/numbered-terms-fs.ts';
import { encodeTermCounts, numberTermsKeeping } from '../../src/related/related-terms.ts';

let dir = '';
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'numbering-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('readNumbering / writeNumbering', () => {
  // Terms of every length, so the header's padding to 4 bytes is exercised whatever it is.
  const docs = ['a', 'ab', 'abc', 'ünïcode', ''].map((t, i) => (t ? encodeTermCounts([[t, i + 1], ['zeta', 2]]) : ''));
  const { kept } = numberTermsKeeping(docs, docs.map((_, i) => `p${i}:d`));

  it('reads back the terms and every document’s rows', () => {
    for (const salt of ['s', 'salt', 'salt1', 'salt12']) {
      writeNumbering(dir, salt, kept);
      const back = readNumbering(dir, salt)!;
      expect(back.terms).toEqual(kept.terms);
      expect(back.keys).toEqual(kept.keys);
      expect([back.start, back.term, back.count].map((a) => [...a])).toEqual([kept.start, kept.term, kept.count].map((a) => [...a]));
    }
  });

  it('gives nothing for another salt, a file cut short, or none', () => {
    expect(readNumbering(dir, 'salt')).toBeUndefined();
    writeNumbering(dir, 'salt', kept);
    expect(readNumbering(dir, 'other')).toBeUndefined();
    const file = path.join(dir, fs.readdirSync(dir)[0]);
    fs.truncateSync(file, fs.statSync(file).size - 8);
    expect(readNumbering(dir, 'salt')).toBeUndefined();
  });
});
