// The open data's files as written into an output folder: complete on the first build, then
// only what changed (a day's papers, the whole-archive files), stale days removed, and never
// a half-written file.
import fs from 'node:fs';
import { text } from 'node:stream/consumers';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paperRecordSchema } from '../../src/schema.ts';
import { indexArchive } from '../../src/archive/index-archive.ts';
import type { Paper } from '../../src/archive/load-archive.ts';
import { openDataFile, writeOpenData, type OpenDataOptions } from '../../src/open-data/open-data-fs.ts';
import { dayRecord, paperRecord } from '../../src/open-data/data-records.ts';

const AT = { site: 'https://example.org', base: '/archive/' };

/** The day file's record built whole, the slow way: the oracle for the written text. */
const dayFile = (date: string, papers: readonly Paper[], at: typeof AT, abstractOf: (p: Paper) => string) =>
  dayRecord(date, papers.map((p) => paperRecord(p, abstractOf(p), at)), at);

function paper(id: string, days: string[], digest = `d-${id}`): Paper {
  return { id, digest, data: { title: `Title ${id}`, authors: 1, organization: null, published: null, comments: null, days, excerpt: '…' } };
}

/** An archive of days (date → slugs), each paper's days taken from the listing. */
function archiveOf(listing: Record<string, string[]>, digests: Record<string, string> = {}): OpenDataOptions['archive'] {
  const daysOf = new Map<string, string[]>();
  for (const [date, slugs] of Object.entries(listing)) for (const s of slugs) daysOf.set(s, [...(daysOf.get(s) ?? []), date].sort());
  const days = Object.entries(listing).map(([id, papers]) => ({ id, papers }));
  return {
    ...indexArchive(days),
    dayById: new Map(days.map((d) => [d.id, { id: d.id, data: { date: d.id, papers: d.papers } as never }])),
    paperBySlug: new Map([...daysOf].map(([slug, ds]) => [slug, paper(slug, ds, digests[slug])])),
  };
}

const abstractOf = (p: Paper) => `Abstract of ${p.id}.`;
let tmp = '';
let outDir = '';
let stateFile = '';
const write = (archive: OpenDataOptions['archive'], over: Partial<OpenDataOptions> = {}) => writeOpenData({ archive, abstractOf, outDir, at: AT, stateFile, ...over });
const dayJson = (date: string) => path.join(outDir, 'data/days', `${date}.json`);
const mtimes = () => Object.fromEntries(fs.readdirSync(path.join(outDir, 'data/days')).map((f) => [f, fs.statSync(path.join(outDir, 'data/days', f)).mtimeMs]));
const leftovers = () => fs.readdirSync(outDir, { recursive: true }).map(String).filter((f) => f.endsWith('.tmp'));

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'open-data-fs-'));
  outDir = path.join(tmp, 'dist');
  stateFile = path.join(tmp, 'cache', 'open-data.json');
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('writeOpenData', () => {
  const listing = { '2025-01-01': ['a', 'b'], '2025-01-02': ['c', 'a'], '2025-01-03': ['d'] };

  it('writes every day file, papers.ndjson and papers.csv on a first build, with URLs under the base', async () => {
    const archive = archiveOf(listing);
    const r = await write(archive);
    expect(r).toEqual({ days: 3, written: ['2025-01-01', '2025-01-02', '2025-01-03'], removed: [], wholeWritten: true, parts: { made: 1, of: 1 } });
    const text = fs.readFileSync(dayJson('2025-01-02'), 'utf8');
    expect(text).toBe(`${JSON.stringify(dayFile('2025-01-02', [archive.paperBySlug.get('c')!, archive.paperBySlug.get('a')!], AT, abstractOf))}\n`);
    const day = JSON.parse(text);
    expect(day.url).toBe('https://example.org/archive/days/2025-01-02/');
    const lines = fs.readFileSync(path.join(outDir, 'data/papers.ndjson'), 'utf8').trimEnd().split('\n').map((l) => paperRecordSchema.parse(JSON.parse(l)));
    expect(lines.map((p) => p.slug)).toEqual(['d', 'c', 'a', 'b']);
    expect(lines[0].url).toBe('https://example.org/archive/papers/d/');
    expect(fs.readFileSync(path.join(outDir, 'data/papers.csv'), 'utf8').split('\r\n')).toHaveLength(4 + 2);
    expect(leftovers()).toEqual([]);
  });

  it('writes nothing again when nothing changed', async () => {
    await write(archiveOf(listing));
    const before = mtimes();
    const ndjson = fs.statSync(path.join(outDir, 'data/papers.ndjson')).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    expect(await write(archiveOf(listing))).toEqual({ days: 3, written: [], removed: [], wholeWritten: false, parts: { made: 0, of: 0 } });
    expect(mtimes()).toEqual(before);
    expect(fs.statSync(path.join(outDir, 'data/papers.ndjson')).mtimeMs).toBe(ndjson);
  });

  it('writes the days a changed paper is listed on, and the whole-archive files', async () => {
    await write(archiveOf(listing));
    const r = await write(archiveOf(listing, { a: 'changed' }));
    expect(r.written).toEqual(['2025-01-01', '2025-01-02']);
    expect(r.wholeWritten).toBe(true);
  });

  it('makes again only the parts of the whole-archive files whose month changed, to the bytes of a fresh build', async () => {
    const months = { '2025-01-30': ['a', 'b'], '2025-01-31': ['c'], '2025-02-03': ['d', 'a'], '2025-03-03': ['e'] };
    const whole = (dir: string) => ['papers.ndjson', 'papers.csv'].map((f) => fs.readFileSync(path.join(dir, 'data', f), 'utf8'));
    expect((await write(archiveOf(months))).parts).toEqual({ made: 3, of: 3 });
    // c changed (January), f new (March): January and March again; February kept.
    const next = archiveOf({ ...months, '2025-03-04': ['f'] }, { c: 'changed' });
    expect((await write(next)).parts).toEqual({ made: 2, of: 3 });
    const fresh = path.join(tmp, 'fresh');
    await write(next, { outDir: fresh, stateFile: path.join(tmp, 'fresh-cache', 'open-data.json') });
    expect(whole(outDir)).toEqual(whole(fresh));
    expect(whole(outDir)[0].split('\n').map((l) => (l ? JSON.parse(l).slug : ''))).toEqual(['f', 'e', 'd', 'c', 'a', 'b', '']);
    // The parts of January and March as they were are removed; three are left, two files each.
    expect(fs.readdirSync(path.join(tmp, 'cache', 'open-data-parts'))).toHaveLength(6);
  });

  it('writes a new day and removes the file of a day no longer archived', async () => {
    await write(archiveOf(listing));
    const { '2025-01-03': _gone, ...rest } = listing;
    const r = await write(archiveOf({ ...rest, '2025-01-06': ['e'] }));
    expect(r.written).toEqual(['2025-01-06']);
    expect(r.removed).toEqual(['2025-01-03']);
    expect(fs.existsSync(dayJson('2025-01-03'))).toBe(false);
    expect(fs.readFileSync(path.join(outDir, 'data/papers.ndjson'), 'utf8')).not.toContain('"slug":"d"');
  });

  it('writes again what is missing from the output, and everything for another output or site', async () => {
    await write(archiveOf(listing));
    fs.rmSync(dayJson('2025-01-01'));
    fs.rmSync(path.join(outDir, 'data/papers.csv'));
    expect(await write(archiveOf(listing))).toMatchObject({ written: ['2025-01-01'], wholeWritten: true });
    expect((await write(archiveOf(listing), { at: { ...AT, site: 'https://example.com' } })).written).toHaveLength(3);
    const other = path.join(tmp, 'other');
    expect(await write(archiveOf(listing), { outDir: other })).toMatchObject({ written: ['2025-01-01', '2025-01-02', '2025-01-03'], wholeWritten: true });
  });

  it('leaves the last complete files when a record fails, and writes them on the next build', async () => {
    await write(archiveOf(listing));
    const ndjson = fs.readFileSync(path.join(outDir, 'data/papers.ndjson'), 'utf8');
    const csv = fs.readFileSync(path.join(outDir, 'data/papers.csv'), 'utf8');
    const failing = (p: Paper) => {
      if (p.id === 'b') throw new Error('unreadable abstract');
      return abstractOf(p);
    };
    // Only the whole-archive files hold b again: its day is unchanged.
    await expect(write(archiveOf(listing, { c: 'changed' }), { abstractOf: failing })).rejects.toThrow('unreadable abstract');
    expect(fs.readFileSync(path.join(outDir, 'data/papers.ndjson'), 'utf8')).toBe(ndjson);
    expect(fs.readFileSync(path.join(outDir, 'data/papers.csv'), 'utf8')).toBe(csv);
    expect(leftovers()).toEqual([]);
    const r = await write(archiveOf(listing, { c: 'changed' }));
    expect(r).toMatchObject({ written: ['2025-01-02'], wholeWritten: true });
  });
});

describe('openDataFile (the dev server)', () => {
  it('makes the same bytes a build writes, and nothing for other paths', async () => {
    const archive = archiveOf({ '2025-01-01': ['a', 'b'], '2025-01-02': ['c'] });
    await write(archive);
    for (const file of ['data/papers.ndjson', 'data/papers.csv', 'data/days/2025-01-02.json']) {
      const made = openDataFile(file, { archive, abstractOf, at: AT });
      expect(made, file).toBeDefined();
      expect(await text(made!.body), file).toBe(fs.readFileSync(path.join(outDir, file), 'utf8'));
    }
    expect(openDataFile('data/papers.csv', { archive, abstractOf, at: AT })!.type).toMatch(/^text\/csv/);
    for (const file of ['data/days/2025-01-03.json', 'data/days/2025-01-01', 'data/index.json', 'papers.ndjson']) expect(openDataFile(file, { archive, abstractOf, at: AT }), file).toBeUndefined();
  });
});

describe('writeOpenData with a paper no day lists', () => {
  it('puts it in the whole-archive files, and writes them again when it changes', async () => {
    const archive = archiveOf({ '2025-01-01': ['a'] });
    archive.paperBySlug.set('loose', paper('loose', []));
    await write(archive);
    expect(fs.readFileSync(path.join(outDir, 'data/papers.ndjson'), 'utf8')).toContain('"slug":"loose"');
    expect((await write(archive)).wholeWritten).toBe(false);
    archive.paperBySlug.set('loose', paper('loose', [], 'changed'));
    expect(await write(archive)).toMatchObject({ written: [], wholeWritten: true });
  });
});
