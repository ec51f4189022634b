// The per-paper cache of derived values: reused exactly while a paper's digest and the salt
// are unchanged, derived again otherwise, and never a reason for a different answer.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { derivePerPaper, derivePerPaperLazily, type DerivedOptions } from '../src/cache/derived-cache-fs.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tmp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'derived-'));
  dirs.push(d);
  return d;
}

const file = (dir: string) => path.join(dir, 'k.jsonl');
/** The ids of the entries the cache file holds, in order. */
const ids = (dir: string) =>
  readFileSync(file(dir), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => (JSON.parse(line.replace(/,$/, '')) as [string])[0]);

type Papers = { id: string; digest: string }[];
/** Both ways to derive, each giving every paper's value by id. */
const variants: [string, (papers: Papers, opts: DerivedOptions<string>) => Record<string, string>][] = [
  ['derivePerPaper', (papers, opts) => Object.fromEntries(derivePerPaper(papers.values(), opts))],
  ['derivePerPaperLazily', (papers, opts) => {
    // Given as a build gives them: an iterator, gone through once.
    const values = derivePerPaperLazily(papers.values(), opts);
    return Object.fromEntries(papers.map((p) => [p.id, values.get(p.id)!]));
  }],
];

describe.each(variants)('%s', (_, derive) => {
  /** A derive that records which ids it was asked for. */
  function run(dir: string | undefined, papers: Papers, salt = 's1') {
    const asked: string[] = [];
    const out = derive(papers, { kind: 'k', salt, dir, derive: (id) => (asked.push(id), `${id}:${papers.find((p) => p.id === id)!.digest}:${salt}`) });
    return { out, asked };
  }

  const papers = [
    { id: 'a', digest: '1' },
    { id: 'b', digest: '2' },
  ];

  it('derives only new and changed papers on a second build', () => {
    const dir = tmp();
    expect(run(dir, papers).asked).toEqual(['a', 'b']);
    const second = run(dir, [{ id: 'a', digest: '1' }, { id: 'b', digest: '3' }, { id: 'c', digest: '4' }]);
    expect(second.asked).toEqual(['b', 'c']);
    expect(second.out).toEqual({ a: 'a:1:s1', b: 'b:3:s1', c: 'c:4:s1' });
  });

  it('starts over when the salt changes, and drops removed papers from the file', () => {
    const dir = tmp();
    run(dir, papers);
    expect(run(dir, papers, 's2').asked).toEqual(['a', 'b']);
    run(dir, papers.slice(0, 1), 's2');
    expect(ids(dir)).toEqual(['a']);
  });

  it('appends new values to the file, and writes it whole once a quarter of it is stale', () => {
    const dir = tmp();
    const many = Array.from({ length: 8 }, (_, i) => ({ id: `p${i}`, digest: '1' }));
    run(dir, many);
    const first = readFileSync(file(dir), 'utf8');
    // A new paper and a changed one: appended, the file's start untouched.
    const next = [...many.slice(0, 7), { id: 'p7', digest: '2' }, { id: 'p8', digest: '1' }];
    expect(run(dir, next).asked).toEqual(['p7', 'p8']);
    const second = readFileSync(file(dir), 'utf8');
    expect(second.startsWith(first)).toBe(true);
    expect(second.split('\n').filter(Boolean)).toHaveLength(1 + 8 + 2);
    // Read back: the later line for p7 wins.
    expect(run(dir, next)).toEqual({ out: run(undefined, next).out, asked: [] });
    // Three papers removed: 4 stale lines of 6 live entries, so the file is written whole.
    run(dir, next.slice(3));
    expect(ids(dir)).toEqual(['p3', 'p4', 'p5', 'p6', 'p7', 'p8']);
    expect(run(dir, next.slice(3)).asked).toEqual([]);
  });

  it('derives again only the entry a killed build cut short', () => {
    const dir = tmp();
    run(dir, papers);
    writeFileSync(file(dir), readFileSync(file(dir), 'utf8').slice(0, -4));
    const again = run(dir, papers);
    expect(again.asked).toEqual(['b']);
    expect(again.out).toEqual(run(undefined, papers).out);
    // Written whole again, so later appends start on a line of their own.
    expect(readFileSync(file(dir), 'utf8').endsWith('\n')).toBe(true);
    expect(run(dir, papers).asked).toEqual([]);
  });

  it('gives the same answer with a corrupt cache or no cache folder', () => {
    const dir = tmp();
    run(dir, papers);
    writeFileSync(file(dir), '{"format":2,"salt":');
    const again = run(dir, papers);
    expect(again.asked).toEqual(['a', 'b']);
    expect(again.out).toEqual(run(undefined, papers).out);
  });
});

describe('derivePerPaperLazily', () => {
  it('parses a cached value only when asked for it, and derives it again if it does not parse', () => {
    const dir = tmp();
    const papers = [
      { id: 'a', digest: '1' },
      { id: 'b', digest: '2' },
    ];
    const asked: string[] = [];
    const opts = { kind: 'k', salt: 's', dir, derive: (id: string) => (asked.push(id), `${id}!`) };
    derivePerPaperLazily(papers, opts);
    // a's line keeps its id and digest but not its value.
    writeFileSync(file(dir), readFileSync(file(dir), 'utf8').replace('"a!"', '"a!'));
    asked.length = 0;
    const values = derivePerPaperLazily(papers, opts);
    expect(asked).toEqual([]);
    expect(values.get('b')).toBe('b!');
    expect(asked).toEqual([]);
    expect(values.get('a')).toBe('a!');
    expect(asked).toEqual(['a']);
    expect(values.get('c')).toBeUndefined();
  });
});
