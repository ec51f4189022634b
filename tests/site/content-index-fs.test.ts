// The content index kept in parts (src/archive/content-index-fs.ts): read back as written;
// a write replaces only the parts whose entries changed, never a file in place; signatures
// alone change no part; nothing is read from a list naming a missing part, or of another salt;
// and a file changed on disk is parsed again, not taken from what this process remembers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readContentIndex, writeContentIndex, type IndexedEntry } from '../../src/archive/content-index-fs.ts';

let dir = '';
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'content-index-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const entry = (month: string, n: number, signature = '1:1'): IndexedEntry => ({ signature, digest: `d${n}`, data: { days: [`${month}-0${(n % 9) + 1}`], n }, dataDigest: `dd${n}` });
const byMonth = (_: string, data: Record<string, unknown>) => String((data.days as string[])[0]).slice(0, 7);
const entries = (): Record<string, IndexedEntry> => ({ a: entry('2025-01', 1), b: entry('2025-01', 2), c: entry('2025-02', 3), d: entry('2025-03', 4) });
/** Each part file's name and inode. */
const parts = () => Object.fromEntries(fs.readdirSync(path.join(dir, 'content-papers')).map((name) => [name, fs.statSync(path.join(dir, 'content-papers', name)).ino]));

describe('readContentIndex / writeContentIndex', () => {
  it('reads back every entry, kept in one file per part', () => {
    writeContentIndex('papers', 's', entries(), dir, byMonth);
    expect(readContentIndex('papers', 's', dir)).toEqual(entries());
    expect(Object.keys(parts()).map((n) => n.slice(0, 7)).sort()).toEqual(['2025-01', '2025-02', '2025-03']);
  });

  it('writes only the parts whose entries changed, and removes the ones replaced', () => {
    writeContentIndex('papers', 's', entries(), dir, byMonth);
    const before = parts();
    const changed: Record<string, IndexedEntry> = { ...entries(), c: { ...entry('2025-02', 3), digest: 'new', dataDigest: 'new' }, e: entry('2025-03', 5) };
    delete changed.b;
    writeContentIndex('papers', 's', changed, dir, byMonth);
    expect(readContentIndex('papers', 's', dir)).toEqual(changed);
    const after = parts();
    // January lost b, February's c changed, March gained e: three new files, three old ones gone.
    expect(Object.keys(after).filter((n) => n in before)).toEqual([]);
    writeContentIndex('papers', 's', { ...changed, a: { ...changed.a, signature: '2:2' } }, dir, byMonth);
    // A new signature alone is kept in the list: every part file is the same file.
    expect(parts()).toEqual(after);
    expect(readContentIndex('papers', 's', dir)!.a.signature).toBe('2:2');
  });

  it('gives nothing for another salt, a missing part, or a list whose parts lack an entry', () => {
    expect(readContentIndex('papers', 's', dir)).toBeUndefined();
    writeContentIndex('papers', 's', entries(), dir, byMonth);
    expect(readContentIndex('papers', 'other', dir)).toBeUndefined();
    expect(readContentIndex('papers', undefined, dir)).toEqual(entries());
    const list = path.join(dir, 'content-papers.json');
    const json = JSON.parse(fs.readFileSync(list, 'utf8'));
    fs.writeFileSync(list, JSON.stringify({ ...json, signatures: { ...json.signatures, z: '1:1' } }));
    expect(readContentIndex('papers', 's', dir)).toBeUndefined();
    // As many signatures as entries, but one for an entry no part holds.
    const { a, ...others } = json.signatures;
    fs.writeFileSync(list, JSON.stringify({ ...json, signatures: { ...others, z: a } }));
    expect(readContentIndex('papers', 's', dir)).toBeUndefined();
    fs.writeFileSync(list, JSON.stringify(json));
    fs.rmSync(path.join(dir, 'content-papers', Object.keys(parts())[0]));
    expect(readContentIndex('papers', 's', dir)).toBeUndefined();
  });

  it('parses a file again once it changed on disk', () => {
    writeContentIndex('papers', 's', entries(), dir, byMonth);
    expect(readContentIndex('papers', 's', dir)!.a.signature).toBe('1:1');
    const list = path.join(dir, 'content-papers.json');
    const json = JSON.parse(fs.readFileSync(list, 'utf8'));
    // Another process replaces the list (a new file, as every writer here does).
    fs.writeFileSync(`${list}.tmp`, JSON.stringify({ ...json, signatures: { ...json.signatures, a: '9:9' } }));
    fs.renameSync(`${list}.tmp`, list);
    expect(readContentIndex('papers', 's', dir)!.a.signature).toBe('9:9');
  });
});
