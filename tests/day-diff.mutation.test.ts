// What a second capture of a day changes (scripts/ingest/day-diff.ts), and title identity
// (title-key.ts) at its edges.
import { describe, expect, it } from 'vitest';
import { describeDiff, diffDay } from '../scripts/ingest/day-diff.ts';
import type { Entry } from '../scripts/ingest/parse.ts';
import { titleKey } from '../scripts/ingest/title-key.ts';

const entry = (title: string, over: Partial<Entry> = {}): Entry => ({
  title,
  abstract: `About ${title}.`,
  authors: 2,
  organization: null,
  published: '2025-01-01',
  comments: 3,
  line: 1,
  ...over,
});

describe('diffDay', () => {
  it('lists added and dropped titles in their listing order', () => {
    const d = diffDay([entry('A'), entry('B'), entry('D')], [entry('C'), entry('A'), entry('E')]);
    expect(d).toEqual({ added: ['C', 'E'], dropped: ['B', 'D'], changed: [] });
  });

  it('matches papers by title identity, naming them as the second capture writes them', () => {
    const d = diffDay([entry('Cafe\u0301 Models', { comments: 1, abstract: 'x' })], [entry('Caf\u00e9  Models\u200B', { comments: 2, abstract: 'x' })]);
    expect(d).toEqual({ added: [], dropped: [], changed: ['Caf\u00e9  Models\u200B: 1 → 2 comments'] });
  });

  it('says which counts changed, unknown where a count is missing, and whether the abstract did', () => {
    const before = [entry('A'), entry('B'), entry('C'), entry('D')];
    const after = [
      entry('A', { comments: 5 }),
      entry('B', { authors: null, comments: null }),
      entry('C', { abstract: 'Longer.' }),
      entry('D', { organization: 'MIT' }),
    ];
    expect(diffDay(before, after).changed).toEqual(['A: 3 → 5 comments', 'B: 3 → unknown comments, 2 → unknown authors', 'C: abstract']);
    expect(diffDay([entry('B', { authors: null, comments: null })], [entry('B', { authors: 4, comments: 0 })]).changed).toEqual([
      'B: unknown → 0 comments, unknown → 4 authors',
    ]);
    expect(diffDay([entry('A')], [entry('A', { authors: 3, abstract: 'x' })]).changed).toEqual(['A: 2 → 3 authors, abstract']);
  });
});

describe('describeDiff', () => {
  it('says the papers are the same when nothing changed', () => {
    expect(describeDiff({ added: [], dropped: [], changed: [] })).toEqual(['  the same papers and counts (the dumps differ only in text outside them)']);
  });

  it('lists each kind with its count, indented, leaving out empty kinds', () => {
    expect(describeDiff({ added: ['A', 'B'], dropped: [], changed: ['C: abstract'] })).toEqual([
      '  papers added (2):',
      '    A',
      '    B',
      '  counts changed (1):',
      '    C: abstract',
    ]);
    expect(describeDiff({ added: [], dropped: ['Z'], changed: [] })).toEqual(['  papers dropped (1):', '    Z']);
  });

  it('shows at most `limit` titles a kind (10 by default) and counts the rest', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `P${i + 1}`);
    const lines = describeDiff({ added: twelve, dropped: [], changed: [] });
    expect(lines).toEqual(['  papers added (12):', ...twelve.slice(0, 10).map((t) => `    ${t}`), '    … and 2 more']);
    expect(describeDiff({ added: ['A', 'B', 'C'], dropped: [], changed: [] }, 2)).toEqual(['  papers added (3):', '    A', '    B', '    … and 1 more']);
    expect(describeDiff({ added: ['A', 'B'], dropped: [], changed: [] }, 2)).toEqual(['  papers added (2):', '    A', '    B']);
  });
});

describe('titleKey', () => {
  it('drops each invisible character the pattern names, everywhere in the title', () => {
    for (const c of ['\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\uFEFF', '\u200E', '\u200F']) {
      expect(titleKey(`${c}Deep${c} Learning${c}`)).toBe('Deep Learning');
    }
  });

  it('trims the ends and folds every run of whitespace to one space', () => {
    expect(titleKey('  Deep \t\n Learning  ')).toBe('Deep Learning');
  });
});
