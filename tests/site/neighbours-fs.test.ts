// The related papers kept between builds (src/related/neighbours-fs.ts): read back exactly as
// written; nothing for another salt, a file cut short, or a numbering that no longer gives the
// kept terms their numbers; and a build that keeps them finds what a fresh computation finds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readNeighbours, writeNeighbours } from '../../src/related/neighbours-fs.ts';
import { nearestKeeping, type Vectors } from '../../src/related/related.ts';
import { computeRelated, type PaperInput } from '../../src/related/related-papers.ts';

let dir = '';
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neighbours-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const vectors: Vectors = {
  start: Int32Array.of(0, 2, 3, 5),
  term: Int32Array.of(0, 2, 0, 1, 2),
  weight: Float64Array.of(0.8, 0.6, 1, 0.6, 0.8),
  terms: 3,
};
const ids = ['a', 'b', 'c'];
const terms = ['alpha', 'beta', 'gamma'];
const kept = nearestKeeping(vectors, ids, undefined, { count: 2 }).kept;
const plain = (k: ReturnType<typeof readNeighbours>) =>
  k && { ids: [...k.ids], start: [...k.vectors.start], term: [...k.vectors.term], weight: [...k.vectors.weight], terms: k.vectors.terms, neighbours: k.neighbours.map((l) => [...l]) };

describe('readNeighbours / writeNeighbours', () => {
  it('reads back the ids, vectors and neighbours, also once the numbering has grown', () => {
    writeNeighbours(dir, 'salt', terms, kept);
    expect(plain(readNeighbours(dir, 'salt', terms))).toEqual(plain(kept));
    expect(plain(readNeighbours(dir, 'salt', [...terms, 'delta']))).toEqual(plain(kept));
    expect(readNeighbours(dir, 'salt', terms)!.keys).toBeUndefined();
  });

  it('reads back the keys and IDF kept with them', () => {
    writeNeighbours(dir, 'salt', terms, { ...kept, keys: ['a:1', 'b:1', 'c:1'], idf: Float64Array.of(0.5, 0, Math.LN2) });
    const back = readNeighbours(dir, 'salt', terms)!;
    expect(plain(back)).toEqual(plain(kept));
    expect(back.keys).toEqual(['a:1', 'b:1', 'c:1']);
    expect([...back.idf!]).toEqual([0.5, 0, Math.LN2]);
  });

  it('gives nothing for another salt, a numbering that renumbers the kept terms, a file cut short, or none', () => {
    expect(readNeighbours(dir, 'salt', terms)).toBeUndefined();
    writeNeighbours(dir, 'salt', terms, kept);
    expect(readNeighbours(dir, 'other', terms)).toBeUndefined();
    expect(readNeighbours(dir, 'salt', ['alpha', 'gamma', 'beta'])).toBeUndefined();
    expect(readNeighbours(dir, 'salt', ['alpha', 'beta'])).toBeUndefined();
    const file = path.join(dir, fs.readdirSync(dir)[0]);
    fs.truncateSync(file, fs.statSync(file).size - 4);
    expect(readNeighbours(dir, 'salt', terms)).toBeUndefined();
  });
});

describe('computeRelated with a folder to keep them in', () => {
  // Made-up words, so stemming leaves them apart: "qab", "qac", …
  const words = Array.from({ length: 80 }, (_, k) => `q${String.fromCharCode(97 + Math.floor(k / 26))}${String.fromCharCode(97 + (k % 26))}`);
  /** Paper i's title and abstract: four of the words, so papers share some; `shift` changes them. */
  const paper = (i: number, day: string, shift = 0): PaperInput & { abstract: string } => {
    const w = (j: number) => words[(i * 7 + j * 13 + j * j * i + shift) % words.length];
    return { id: `p${String(i).padStart(4, '0')}`, data: { title: `${w(0)} ${w(1)}`, days: [day] }, digest: `${i}:${shift}`, abstract: `${w(0)} ${w(2)} ${w(3)} ${w(3)}` };
  };
  const related = (papers: ReturnType<typeof paper>[], keepIn?: string) => {
    const bySlug = new Map(papers.map((p) => [p.id, p.abstract]));
    return computeRelated(papers, { dir: keepIn, abstractOf: (slug) => bySlug.get(slug)!, related: { count: 3, topTerms: 16, maxShare: 0.05 } });
  };

  it('finds, day after day, what a computation from nothing finds', () => {
    // 1,000 papers of past months, so IDF is counted over them and a new day changes no old vector.
    let papers = Array.from({ length: 1000 }, (_, i) => paper(i * 2, '2025-01-02'));
    expect([...related(papers, dir)]).toEqual([...related(papers)]);
    expect(fs.readdirSync(dir)).toContain('related-neighbours.bin');
    // A new day: papers sorting between the old ones, two of them copies of old papers (so they
    // come into those papers' neighbours); then one copy gone and the other changed.
    const copy = (of: number, id: string) => ({ ...paper(of, '2025-02-03'), id, digest: id });
    papers = [...papers, paper(5, '2025-02-03'), copy(40, 'p0041'), copy(60, 'p0061'), paper(2001, '2025-02-03')];
    expect([...related(papers, dir)]).toEqual([...related(papers)]);
    papers = [...papers.filter((p) => p.id !== 'p0041'), paper(3, '2025-02-04')].map((p) => (p.id === 'p0061' ? paper(61, '2025-02-03', 4) : p));
    expect([...related(papers, dir)]).toEqual([...related(papers)]);
  });
});
