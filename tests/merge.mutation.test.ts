// The archive merge (scripts/ingest/merge.ts), in-process: slugs, counts, which papers are
// written or deleted, and how a paper's record follows its listings (docs/format.md). The
// CLI tests drive it through a child process, which mutation testing cannot see.
import { describe, expect, it } from 'vitest';
import { merge, type IncomingDay, type MergeInput } from '../scripts/ingest/merge.ts';
import type { Entry } from '../scripts/ingest/parse.ts';
import type { PaperData } from '../src/schema.ts';

const entry = (title: string, over: Partial<Entry> = {}): Entry => ({
  title,
  abstract: `About ${title}.`,
  authors: null,
  organization: null,
  published: null,
  comments: null,
  line: 1,
  ...over,
});
const source = (day: string) => ({ file: `${day}.txt`, sha256: day.replace(/-/g, '').padEnd(64, '0') });
const day = (id: string, entries: Entry[]): IncomingDay => ({ day: id, entries, source: source(id) });
const record = (title: string, days: string[], over: Partial<PaperData> = {}): PaperData => ({
  title,
  authors: null,
  organization: null,
  published: null,
  comments: null,
  days,
  ...over,
});

function run(over: Partial<MergeInput> & Pick<MergeInput, 'incoming'>) {
  return merge({
    papers: new Map(),
    slugByTitle: new Map(),
    oldDayPapers: () => undefined,
    loadEntries: (d) => {
      throw new Error(`no archived dump for ${d} in this test`);
    },
    ...over,
  });
}

describe('merge into an empty archive', () => {
  const merged = () => run({
    // Given newest first: merged by day all the same.
    incoming: [
      day('2025-01-02', [entry('Alpha Paper', { comments: 5, organization: 'MIT', abstract: 'Second.' }), entry('Beta Paper')]),
      day('2025-01-01', [entry('Alpha Paper', { comments: 3, authors: 2, published: '2024-12-30', abstract: 'First.' }), entry('Gamma Paper')]),
    ],
  });

  it('gives slugs in day and listing order, and lists each day’s papers', () => {
    const out = merged();
    expect(out.days).toEqual([
      { date: '2025-01-01', papers: ['alpha-paper', 'gamma-paper'], source: source('2025-01-01') },
      { date: '2025-01-02', papers: ['alpha-paper', 'beta-paper'], source: source('2025-01-02') },
    ]);
    expect([...out.slugs]).toEqual([
      ['Alpha Paper', 'alpha-paper'],
      ['Gamma Paper', 'gamma-paper'],
      ['Beta Paper', 'beta-paper'],
    ]);
  });

  it('counts a paper new on the first day it is listed only', () => {
    const out = merged();
    expect(out.stats).toEqual([
      { day: '2025-01-01', entries: 2, newPapers: 2, updatedPapers: 0 },
      { day: '2025-01-02', entries: 2, newPapers: 1, updatedPapers: 0 },
    ]);
  });

  it('keeps every known fact from the latest listing that showed it, the comments and abstract from the latest', () => {
    const out = merged();
    expect([...out.papers.keys()]).toEqual(['alpha-paper', 'beta-paper', 'gamma-paper']);
    expect(out.papers.get('alpha-paper')).toEqual({
      data: { title: 'Alpha Paper', authors: 2, organization: 'MIT', published: '2024-12-30', comments: 5, days: ['2025-01-01', '2025-01-02'] },
      abstract: 'Second.',
    });
    expect(out.papers.get('beta-paper')!.data).toEqual(record('Beta Paper', ['2025-01-02']));
    expect(out.deleted).toEqual([]);
  });

  it('takes the title as the latest listing writes it', () => {
    const o = run({ incoming: [day('2025-01-01', [entry('Cafe\u0301 Models')]), day('2025-01-02', [entry('Caf\u00e9 Models')])] });
    expect([...o.papers.keys()]).toEqual(['cafe-models']);
    expect(o.papers.get('cafe-models')!.data.title).toBe('Caf\u00e9 Models');
    expect(o.stats.map((s) => s.newPapers)).toEqual([1, 0]);
  });

  it('lets a later listing without a count clear the comments but not the other facts', () => {
    const o = run({
      incoming: [
        day('2025-01-01', [entry('P', { comments: 4, authors: 3, organization: 'Lab', published: '2024-12-01' })]),
        day('2025-01-02', [entry('P', { comments: null, authors: null, organization: null, published: null })]),
      ],
    });
    expect(o.papers.get('p')!.data).toEqual({ title: 'P', authors: 3, organization: 'Lab', published: '2024-12-01', comments: null, days: ['2025-01-01', '2025-01-02'] });
  });
});

describe('merge into an existing archive', () => {
  const alpha = record('Alpha Paper', ['2025-01-01'], { authors: 2, published: '2024-12-30', comments: 3 });

  it('adds a new day on top of a paper’s record, counting it as updated', () => {
    const out = run({
      incoming: [day('2025-01-02', [entry('Alpha Paper', { comments: 7, abstract: 'Now.' }), entry('Delta')])],
      papers: new Map([['alpha-paper', alpha]]),
      slugByTitle: new Map([['Alpha Paper', 'alpha-paper']]),
    });
    expect(out.papers.get('alpha-paper')).toEqual({ data: { ...alpha, comments: 7, days: ['2025-01-01', '2025-01-02'] }, abstract: 'Now.' });
    expect(out.stats).toEqual([{ day: '2025-01-02', entries: 2, newPapers: 1, updatedPapers: 1 }]);
    expect([...out.papers.keys()]).toEqual(['alpha-paper', 'delta']);
  });

  it('never gives a slug that is taken, by the slugs file or by a paper file', () => {
    const out = run({
      incoming: [day('2025-01-02', [entry('Alpha Paper!'), entry('Omega'), entry('Alpha: Paper')])],
      papers: new Map([['alpha-paper', alpha], ['omega', record('Omega Old', ['2025-01-01'])]]),
      slugByTitle: new Map([['Alpha Paper', 'alpha-paper']]),
    });
    expect(out.days[0].papers).toEqual(['alpha-paper-2', 'omega-2', 'alpha-paper-3']);
    expect(out.slugs.get('Alpha Paper')).toBe('alpha-paper');
    expect(out.slugs.get('Omega')).toBe('omega-2');
  });

  it('counts a paper known from the slugs file but without a file (a rebuild) as new once', () => {
    const out = run({
      incoming: [day('2025-01-01', [entry('Alpha Paper', { comments: 1 })]), day('2025-01-02', [entry('Alpha Paper', { comments: 2 })])],
      slugByTitle: new Map([['Alpha Paper', 'alpha-paper']]),
    });
    expect(out.stats.map((s) => [s.newPapers, s.updatedPapers])).toEqual([
      [1, 0],
      [0, 0],
    ]);
    expect(out.papers.get('alpha-paper')!.data).toEqual(record('Alpha Paper', ['2025-01-01', '2025-01-02'], { comments: 2 }));
  });

  it('re-derives a paper of a replaced day from the new listing alone, and deletes papers the day no longer lists', () => {
    const out = run({
      incoming: [day('2025-01-01', [entry('Alpha Paper', { comments: 9 })])],
      papers: new Map([
        ['alpha-paper', alpha],
        ['gamma-paper', record('Gamma Paper', ['2025-01-01'])],
        ['kept-paper', record('Kept Paper', ['2024-12-31'])],
      ]),
      slugByTitle: new Map([['Alpha Paper', 'alpha-paper'], ['Gamma Paper', 'gamma-paper'], ['Kept Paper', 'kept-paper']]),
      // The old day also named a slug with no file: nothing to delete for it.
      oldDayPapers: (d) => (d === '2025-01-01' ? ['alpha-paper', 'gamma-paper', 'ghost'] : undefined),
    });
    // Not on top of the old record: its author count and date came from the day replaced.
    expect(out.papers.get('alpha-paper')!.data).toEqual(record('Alpha Paper', ['2025-01-01'], { comments: 9 }));
    expect(out.deleted).toEqual(['gamma-paper']);
    expect([...out.papers.keys()]).toEqual(['alpha-paper']);
    expect(out.stats).toEqual([{ day: '2025-01-01', entries: 1, newPapers: 0, updatedPapers: 1 }]);
  });

  it('re-derives a back-filled paper from every listing, the archived dumps’ included', () => {
    const beta = record('Beta Paper', ['2025-01-05'], { comments: 8, authors: 4 });
    const loaded: string[] = [];
    const out = run({
      incoming: [day('2025-01-03', [entry('Beta  Paper', { comments: 1, organization: 'Lab', abstract: 'Early.' })])],
      papers: new Map([['beta-paper', beta]]),
      slugByTitle: new Map([['Beta Paper', 'beta-paper']]),
      loadEntries: (d) => {
        loaded.push(d);
        return [entry('Other'), entry('Beta Paper', { comments: 8, authors: 4, abstract: 'Late.' })];
      },
    });
    expect(loaded).toEqual(['2025-01-05']);
    expect(out.papers.get('beta-paper')).toEqual({
      data: { title: 'Beta Paper', authors: 4, organization: 'Lab', published: null, comments: 8, days: ['2025-01-03', '2025-01-05'] },
      abstract: 'Late.',
    });
  });

  it('re-derives when a new listing falls on an archived day’s date', () => {
    // The fast path needs the new listings to come after every kept day; the same date does not.
    const beta = record('Beta Paper', ['2025-01-02'], { comments: 8 });
    const out = run({
      incoming: [day('2025-01-02', [entry('Beta Paper', { comments: 1 })]), day('2025-01-03', [])],
      papers: new Map([['beta-paper', beta]]),
      slugByTitle: new Map([['Beta Paper', 'beta-paper']]),
    });
    expect(out.papers.get('beta-paper')!.data).toEqual(record('Beta Paper', ['2025-01-02'], { comments: 1 }));
  });

  it('re-derives from every listing when a replaced day is the latest: facts only the old capture had go', () => {
    const record2 = record('Eta', ['2025-01-01', '2025-01-03'], { comments: 5, organization: 'Lab' });
    const out = run({
      incoming: [day('2025-01-03', [entry('Eta', { comments: 9, abstract: 'New.' })])],
      papers: new Map([['eta', record2]]),
      slugByTitle: new Map([['Eta', 'eta']]),
      oldDayPapers: () => ['eta'],
      loadEntries: (d) => (d === '2025-01-01' ? [entry('Eta', { comments: 2, abstract: 'Old.' })] : []),
    });
    // Listings by day: 01-01 (archived), then 01-03 (new): the latest gives comments and abstract.
    expect(out.papers.get('eta')).toEqual({ data: record('Eta', ['2025-01-01', '2025-01-03'], { comments: 9 }), abstract: 'New.' });
  });

  it('deletes a paper whose remaining days’ dumps do not list it', () => {
    const zeta = record('Zeta', ['2025-01-01', '2025-01-02']);
    const out = run({
      incoming: [day('2025-01-02', [])],
      papers: new Map([['zeta', zeta]]),
      slugByTitle: new Map([['Zeta', 'zeta']]),
      oldDayPapers: () => ['zeta'],
      loadEntries: () => [entry('Someone Else')],
    });
    expect(out.deleted).toEqual(['zeta']);
    expect(out.papers.size).toBe(0);
    expect(out.days).toEqual([{ date: '2025-01-02', papers: [], source: source('2025-01-02') }]);
  });

  it('keeps a paper listed on a kept day when its replaced day drops it', () => {
    const zeta = record('Zeta', ['2025-01-01', '2025-01-02'], { comments: 2 });
    const out = run({
      incoming: [day('2025-01-02', [])],
      papers: new Map([['zeta', zeta]]),
      slugByTitle: new Map([['Zeta', 'zeta']]),
      oldDayPapers: () => ['zeta'],
      loadEntries: () => [entry('Zeta', { comments: 6 })],
    });
    expect(out.deleted).toEqual([]);
    expect(out.papers.get('zeta')!.data).toEqual(record('Zeta', ['2025-01-01'], { comments: 6 }));
  });
});

describe('corrections', () => {
  const alpha = record('Alpha Paper', ['2025-01-01'], { comments: 3 });

  it('writes again a paper whose file does not show its correction yet, with the corrected title', () => {
    const out = run({
      incoming: [day('2025-01-05', [entry('Unrelated')])],
      papers: new Map([
        ['alpha-paper', alpha],
        ['done-paper', record('Done, Right', ['2025-01-01'])],
      ]),
      slugByTitle: new Map([['Alpha Paper', 'alpha-paper'], ['Done Rihgt', 'done-paper']]),
      corrections: { 'alpha-paper': { title: 'Alpha Paper, Fixed' }, 'done-paper': { title: 'Done, Right' }, 'no-such-paper': { title: 'X' } },
      loadEntries: (d) => (d === '2025-01-01' ? [entry('Alpha Paper', { comments: 3 })] : []),
    });
    expect([...out.papers.keys()]).toEqual(['alpha-paper', 'unrelated']);
    expect(out.papers.get('alpha-paper')!.data).toEqual({ ...alpha, title: 'Alpha Paper, Fixed' });
    // A paper whose file shows its correction is not read again, nor one without a file.
    expect(out.deleted).toEqual([]);
    // The identity stays the captured title.
    expect(out.slugs.get('Alpha Paper')).toBe('alpha-paper');
  });

  it('finds a paper missing from the slugs file in the archived dumps by its record’s title', () => {
    const out = run({
      incoming: [],
      papers: new Map([['alpha-paper', alpha]]),
      slugByTitle: new Map(),
      corrections: { 'alpha-paper': { title: 'Alpha Paper, Fixed' } },
      loadEntries: () => [entry('Other', { comments: 1 }), entry('Alpha  Paper', { comments: 3 })],
    });
    expect(out.papers.get('alpha-paper')!.data).toEqual({ ...alpha, title: 'Alpha Paper, Fixed' });
  });

  it('corrects a paper listed again today', () => {
    const out = run({
      incoming: [day('2025-01-02', [entry('Alpha Paper', { comments: 4 })])],
      papers: new Map([['alpha-paper', { ...alpha, title: 'Alpha Paper, Fixed' }]]),
      slugByTitle: new Map([['Alpha Paper', 'alpha-paper']]),
      corrections: { 'alpha-paper': { title: 'Alpha Paper, Fixed' } },
    });
    expect(out.papers.get('alpha-paper')!.data).toEqual(record('Alpha Paper, Fixed', ['2025-01-01', '2025-01-02'], { comments: 4 }));
  });
});
