// The per-paper cache of derived values: reused exactly while a paper's digest and the salt
// are unchanged, derived again otherwise, and never a reason for a different answer.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { derivePerPaper } from '../src/utils/derived-cache-fs.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tmp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'derived-'));
  dirs.push(d);
  return d;
}

/** derivePerPaper with a derive that records which ids it was asked for. */
function run(dir: string | undefined, papers: { id: string; digest: string }[], salt = 's1') {
  const asked: string[] = [];
  const out = derivePerPaper(papers, { kind: 'k', salt, dir, derive: (id) => (asked.push(id), `${id}:${papers.find((p) => p.id === id)!.digest}:${salt}`) });
  return { out: Object.fromEntries(out), asked };
}

describe('derivePerPaper', () => {
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
    expect(Object.keys(JSON.parse(readFileSync(path.join(dir, 'k.json'), 'utf8')).entries)).toEqual(['a']);
  });

  it('gives the same answer with a corrupt cache or no cache folder', () => {
    const dir = tmp();
    run(dir, papers);
    writeFileSync(path.join(dir, 'k.json'), '{"salt":"s1","entries":');
    const again = run(dir, papers);
    expect(again.asked).toEqual(['a', 'b']);
    expect(again.out).toEqual(run(undefined, papers).out);
  });
});
