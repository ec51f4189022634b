// Periods and the calendar (src/archive/periods.ts, calendar.ts), at the edges the existing
// tests leave open: unsorted input, relisted papers, unknown counts, empty archives.
import { describe, expect, it } from 'vitest';
import { calendarMonths, LEVELS } from '../src/archive/calendar.ts';
import { groupPeriods } from '../src/archive/periods.ts';
import { monthOf } from '../src/format/dates.ts';

describe('groupPeriods', () => {
  it('sorts the days first, whatever order they come in', () => {
    const days = [
      { id: '2025-02-01', papers: ['c'] },
      { id: '2025-01-20', papers: ['b'] },
      { id: '2025-01-10', papers: ['a'] },
    ];
    expect(groupPeriods(days, monthOf, () => 1)).toEqual([
      { id: '2025-01', days: ['2025-01-10', '2025-01-20'], papers: ['a', 'b'] },
      { id: '2025-02', days: ['2025-02-01'], papers: ['c'] },
    ]);
  });

  it('gives nothing for no days', () => {
    expect(groupPeriods([], monthOf, () => 1)).toEqual([]);
  });

  it('breaks ties by the first listing: a relisted paper keeps its first place', () => {
    const days = [
      { id: '2025-01-01', papers: ['a', 'b', 'c'] },
      { id: '2025-01-02', papers: ['a', 'd'] },
    ];
    expect(groupPeriods(days, monthOf, () => 2)[0].papers).toEqual(['a', 'b', 'c', 'd']);
    expect(groupPeriods([{ id: '2025-01-01', papers: ['z', 'y', 'x', 'w', 'v'] }], monthOf, () => 0)[0].papers).toEqual(['z', 'y', 'x', 'w', 'v']);
  });

  it('puts unknown comment counts after zero', () => {
    const comments: Record<string, number | null> = { a: null, b: 0, c: 1 };
    expect(groupPeriods([{ id: '2025-01-01', papers: ['a', 'b', 'c'] }], monthOf, (s) => comments[s])[0].papers).toEqual(['c', 'b', 'a']);
  });
});

describe('calendarMonths', () => {
  it('orders months newest first whatever order the days come in', () => {
    const counts = new Map([
      ['2025-12-01', 1],
      ['2025-10-01', 1],
      ['2025-11-01', 1],
    ]);
    expect(calendarMonths(counts).map((m) => m.id)).toEqual(['2025-12', '2025-11', '2025-10']);
  });

  it('lays out a leap February from its Thursday start, padded to whole weeks', () => {
    // 2024-02-01 was a Thursday: three empty cells first; 3 + 29 = 32 cells, padded to 35.
    const [feb] = calendarMonths(new Map([['2024-02-29', 15]]));
    expect(feb.weeks).toHaveLength(5);
    expect(feb.weeks[0].slice(0, 3)).toEqual([null, null, null]);
    expect(feb.weeks[0][3]).toEqual({ id: '2024-02-01', day: 1, count: undefined, level: 0 });
    expect(feb.weeks[4]).toEqual([
      { id: '2024-02-26', day: 26, count: undefined, level: 0 },
      { id: '2024-02-27', day: 27, count: undefined, level: 0 },
      { id: '2024-02-28', day: 28, count: undefined, level: 0 },
      { id: '2024-02-29', day: 29, count: 15, level: 2 },
      null,
      null,
      null,
    ]);
    expect(feb.total).toBe(15);
  });

  it('adds no padding to a month that fills its weeks', () => {
    // 2021-02-01 was a Monday and February 2021 had 28 days: exactly four weeks.
    const [feb] = calendarMonths(new Map([['2021-02-01', 0]]));
    expect(feb.weeks).toHaveLength(4);
    expect(feb.weeks.flat().every((c) => c !== null)).toBe(true);
    expect(feb.weeks[0][0]).toEqual({ id: '2021-02-01', day: 1, count: 0, level: 1 });
  });

  it('names the shade levels', () => {
    expect(LEVELS).toEqual([
      { level: 1, label: '1–14 papers' },
      { level: 2, label: '15–29' },
      { level: 3, label: '30–39' },
      { level: 4, label: '40 or more' },
    ]);
  });
});
