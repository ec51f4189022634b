// The incremental nearest-neighbour update (src/related/related.ts, `nearestKeeping`) against
// the full computation, over random archives and random daily changes: papers added (some
// sorting between old ones), removed, and changed, with weights drawn from a few values so that
// equal scores, and so the lower-index rule, come up often.
import { describe, expect, it } from 'vitest';
import { nearest, nearestKeeping, termVectorsKeeping, type Vectors } from '../src/related/related.ts';
import { numberTermsKeeping, positionsIn } from '../src/related/related-terms.ts';

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Row = [term: number, weight: number][];

/** A document's row: up to `k` distinct terms of `terms`, weights from a few values. */
function row(next: () => number, terms: number, k = 4): Row {
  const picked = new Set<number>();
  const size = 1 + Math.floor(next() * k);
  while (picked.size < size) picked.add(Math.floor(next() * terms));
  return [...picked].map((t) => [t, [0.25, 0.5, 0.75][Math.floor(next() * 3)]]);
}

function vectorsOf(rows: readonly Row[], terms: number): Vectors {
  const start = [0];
  for (const r of rows) start.push(start.at(-1)! + r.length);
  return {
    start: Int32Array.from(start),
    term: Int32Array.from(rows.flat().map(([t]) => t)),
    weight: Float64Array.from(rows.flat().map(([, w]) => w)),
    terms,
  };
}

const lists = (found: readonly Int32Array[]) => found.map((f) => [...f]);

/** An archive as sorted ids and their rows. */
type Archive = Map<string, Row>;
const sortedIds = (a: Archive) => [...a.keys()].sort();
const vectorsIn = (a: Archive, terms: number) => vectorsOf(sortedIds(a).map((id) => a.get(id)!), terms);

describe('nearestKeeping', () => {
  it('finds what nearest finds, day after day, whatever was added, removed or changed', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const terms = 6 + Math.floor(next() * 20);
      const archive: Archive = new Map();
      for (let i = 0; i < 60; i++) archive.set(`p${String(i * 10).padStart(4, '0')}`, row(next, terms));
      let ids = sortedIds(archive);
      let kept = nearestKeeping(vectorsIn(archive, terms), ids, undefined, { count: 3 }).kept;
      for (let day = 0; day < 6; day++) {
        // A day: new papers (some sorting between old ones), a few removed, a few changed.
        for (let i = 0; i < 5; i++) archive.set(`p${String(Math.floor(next() * 10000)).padStart(4, '0')}x`, row(next, terms));
        const old = [...archive.keys()];
        for (let i = 0; i < 2; i++) archive.delete(old[Math.floor(next() * old.length)]);
        for (let i = 0; i < 2; i++) {
          const id = old[Math.floor(next() * old.length)];
          if (archive.has(id)) archive.set(id, row(next, terms));
        }
        ids = sortedIds(archive);
        const v = vectorsIn(archive, terms);
        const found = nearestKeeping(v, ids, kept, { count: 3 });
        expect(lists(found.neighbours), `seed ${seed}, day ${day}`).toEqual(lists(nearest(v, { count: 3 })));
        kept = found.kept;
      }
    }
  });

  it('keeps an unchanged paper’s neighbours without scoring it again, unless a changed paper shares a term', () => {
    // a, b, c share term 0; d and e share term 1; nothing changes but e.
    const rows: Row[] = [[[0, 1]], [[0, 1]], [[0, 1]], [[1, 1]], [[1, 0.5], [2, 0.5]]];
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const v = vectorsOf(rows, 3);
    const { kept } = nearestKeeping(v, ids, undefined, { count: 2 });
    // Kept lists as a last build could not have found them: only the ones recomputed are fixed.
    const wrong = { ...kept, neighbours: kept.neighbours.map(() => Int32Array.of(4)) };
    const changed = vectorsOf([...rows.slice(0, 4), [[1, 0.75], [2, 0.25]]], 3);
    const found = lists(nearestKeeping(changed, ids, wrong, { count: 2 }).neighbours);
    // a, b, c kept the (wrong) list naming e, which changed: found again. d shares term 1 with
    // e: its list is merged with e's score. e itself changed: found again.
    expect(found).toEqual(lists(nearest(changed, { count: 2 })));
    const unchanged = lists(nearestKeeping(v, ids, { ...kept, neighbours: kept.neighbours.map((l, d) => (d < 3 ? Int32Array.of(3) : l)) }, { count: 2 }).neighbours);
    // Nothing changed: the kept lists are given back as they were, right or wrong.
    expect(unchanged.slice(0, 3)).toEqual([[3], [3], [3]]);
  });

  it('finds everything again when nothing was kept or the kept lists are longer than asked', () => {
    const v = vectorsOf([[[0, 1]], [[0, 1]], [[0, 1]]], 1);
    const ids = ['a', 'b', 'c'];
    const { kept } = nearestKeeping(v, ids, undefined, { count: 2 });
    expect(lists(kept.neighbours)).toEqual([[1, 2], [0, 2], [0, 1]]);
    expect(lists(nearestKeeping(v, ids, kept, { count: 1 }).neighbours)).toEqual([[1], [0], [0]]);
  });
});

describe('termVectorsKeeping', () => {
  /** Encoded term counts over a small vocabulary, so terms are shared and some are rare. */
  const doc = (next: () => number) =>
    [...new Set(Array.from({ length: 2 + Math.floor(next() * 5) }, () => `t${Math.floor(next() * 30)}`))].sort().map((t) => `${t}:${1 + Math.floor(next() * 3)}`).join(' ');
  const plain = (v: Vectors) => ({ start: [...v.start], term: [...v.term], weight: [...v.weight] });

  it('weighs what termVectors weighs, whatever the archive gained, lost or changed', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const next = random(seed);
      let ids = Array.from({ length: 40 }, (_, i) => `p${String(i * 10).padStart(4, '0')}`);
      const docs = new Map(ids.map((id) => [id, doc(next)]));
      // Keys change with the terms: the document's own.
      const keyOf = (id: string) => `${id}\0${docs.get(id)}`;
      // The first half counted for IDF (past months), the rest not.
      const counted = (list: string[]) => list.map((id) => id < 'p0200');
      const opts = { topTerms: 3, maxShare: 0.3 };
      let keys = ids.map(keyOf);
      let rows = numberTermsKeeping(ids.map((id) => docs.get(id)!), keys);
      let kept = termVectorsKeeping(rows.numbered, opts, counted(ids));
      for (let day = 0; day < 5; day++) {
        for (let i = 0; i < 3; i++) docs.set(`p${String(200 + Math.floor(next() * 800)).padStart(4, '0')}n${day}`, doc(next));
        const some = [...docs.keys()];
        docs.set(some[Math.floor(next() * some.length)], doc(next));
        docs.delete(some[Math.floor(next() * some.length)]);
        const before = keys;
        ids = [...docs.keys()].sort();
        keys = ids.map(keyOf);
        rows = numberTermsKeeping(ids.map((id) => docs.get(id)!), keys, rows.kept);
        const again = termVectorsKeeping(rows.numbered, opts, counted(ids), { ...kept, from: positionsIn(before, keys) });
        const fresh = termVectorsKeeping(rows.numbered, opts, counted(ids));
        expect(plain(again.vectors), `seed ${seed}, day ${day}`).toEqual(plain(fresh.vectors));
        expect([...again.idf]).toEqual([...fresh.idf]);
        kept = again;
      }
    }
  });

  it('keeps a document’s vector, unweighed, while its rows and their IDF are unchanged', () => {
    // a and b share "x"; c alone has "z". Nothing counted apart: IDF over all three.
    const docs = ['x:2 y', 'x w', 'z y'];
    const { numbered } = numberTermsKeeping(docs, ['a', 'b', 'c']);
    const opts = { topTerms: 3, maxShare: 1 };
    const first = termVectorsKeeping(numbered, opts);
    // Kept vectors no build could have made: one term each, weight 7.
    const wrong: Vectors = { start: Int32Array.of(0, 1, 2, 3), term: Int32Array.of(0, 0, 0), weight: Float64Array.of(7, 7, 7), terms: first.vectors.terms };
    const kept = termVectorsKeeping(numbered, opts, undefined, { vectors: wrong, idf: first.idf, from: Int32Array.of(0, 1, -1) });
    // a and b kept theirs; c had none to keep.
    expect([...kept.vectors.weight.subarray(0, 2)]).toEqual([7, 7]);
    expect(plain(kept.vectors).weight.slice(2)).toEqual(plain(first.vectors).weight.slice(first.vectors.start[2]));
    // The IDF of "x" moved: a and b are weighed again.
    const moved = Float64Array.from(first.idf, (w, t) => (t === 0 ? w + 1 : w));
    expect(plain(termVectorsKeeping(numbered, opts, undefined, { vectors: wrong, idf: moved, from: Int32Array.of(0, 1, 2) }).vectors).weight.slice(0, -1)).toEqual(plain(first.vectors).weight.slice(0, -1));
  });
});
