import { describe, expect, it } from 'vitest';
import { isoWeek, monthOf, weekBounds } from '../../src/format/dates.ts';
import { groupPeriods } from '../../src/archive/periods.ts';
import { linksOut } from '../../src/format/links-out.ts';

describe('isoWeek', () => {
  it('follows ISO 8601 across year boundaries', () => {
    expect(isoWeek('2020-12-31')).toBe('2020-W53');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2021-01-04')).toBe('2021-W01');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2025-12-09')).toBe('2025-W50');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
  });
  it('gives the Monday and Sunday of a week', () => {
    expect(weekBounds('2025-W01')).toEqual({ start: '2024-12-30', end: '2025-01-05' });
    expect(weekBounds('2020-W53')).toEqual({ start: '2020-12-28', end: '2021-01-03' });
    for (const d of ['2023-05-04', '2024-02-29', '2027-01-01']) {
      const { start, end } = weekBounds(isoWeek(d));
      expect(start <= d && d <= end).toBe(true);
    }
  });
});

describe('groupPeriods', () => {
  const days = [
    { id: '2025-12-09', papers: ['a', 'b', 'c'] },
    { id: '2025-12-10', papers: ['c', 'd'] },
    { id: '2026-01-02', papers: ['e'] },
  ];
  const comments: Record<string, number | null> = { a: 1, b: 5, c: 1, d: null, e: 0 };
  it('lists each paper once per period, most discussed first, ties by first listing', () => {
    const months = groupPeriods(days, monthOf, (s) => comments[s]);
    expect(months.map((m) => m.id)).toEqual(['2025-12', '2026-01']);
    expect(months[0]).toEqual({ id: '2025-12', days: ['2025-12-09', '2025-12-10'], papers: ['b', 'a', 'c', 'd'] });
    expect(months[1].papers).toEqual(['e']);
  });
});

describe('linksOut', () => {
  it('searches arXiv and Hugging Face for the exact title', () => {
    const [arxiv, hf, ...rest] = linksOut('Attention & "All" You Need?');
    expect(arxiv.href).toBe('https://arxiv.org/search/?searchtype=title&query=%22Attention%20%26%20All%20You%20Need%3F%22');
    expect(new URL(hf.href).searchParams.get('q')).toBe('Attention & "All" You Need?');
    expect(rest.map((l) => l.label)).toEqual(['Semantic Scholar', 'Google Scholar']);
  });
});
