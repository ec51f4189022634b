// Archive-wide lookups: day order, neighbours, feed order, calendar grouping (feed items: feeds.test.ts).
import { describe, expect, it } from 'vitest';
import { calendarMonths, level } from '../../src/archive/calendar.ts';
import { indexArchive } from '../../src/archive/index-archive.ts';

const listings = [
  { id: '2025-01-01', papers: ['c', 'a', 'd'] },
  { id: '2024-11-29', papers: ['x', 'y'] },
  { id: '2024-12-31', papers: ['a', 'b'] },
];

describe('indexArchive', () => {
  const index = indexArchive(listings);

  it('sorts days and knows each day’s neighbours', () => {
    expect(index.days).toEqual(['2024-11-29', '2024-12-31', '2025-01-01']);
    expect(index.latest).toBe('2025-01-01');
    expect(index.neighbours.get('2024-11-29')).toEqual({ prev: undefined, next: '2024-12-31' });
    expect(index.neighbours.get('2025-01-01')).toEqual({ prev: '2024-12-31', next: undefined });
  });

  it('orders papers newest first by first listed day, then listed order; relisted papers stay put', () => {
    expect(index.newestFirst).toEqual(['c', 'd', 'a', 'b', 'x', 'y']);
  });

  it('handles an empty archive', () => {
    expect(indexArchive([])).toMatchObject({ days: [], latest: undefined, newestFirst: [] });
  });
});

describe('calendarMonths', () => {
  it('lays each month out from Monday, newest month first, with shade levels and totals', () => {
    const months = calendarMonths(new Map([['2025-12-09', 37], ['2025-12-31', 12], ['2026-01-02', 41]]));
    expect(months.map((m) => m.id)).toEqual(['2026-01', '2025-12']);
    const dec = months[1];
    expect(dec.weeks[0].slice(0, 1)).toEqual([{ id: '2025-12-01', day: 1, count: undefined, level: 0 }]); // Dec 1, 2025 is a Monday
    expect(dec.weeks.every((w) => w.length === 7)).toBe(true);
    expect(dec.weeks.flat().filter((c) => c !== null)).toHaveLength(31);
    expect(dec.weeks[1][1]).toEqual({ id: '2025-12-09', day: 9, count: 37, level: 3 });
    expect(dec.total).toBe(49);
    expect(months[0].weeks[0].slice(0, 4)).toEqual([null, null, null, { id: '2026-01-01', day: 1, count: undefined, level: 0 }]);
    expect(months[0].weeks[0][4]).toMatchObject({ id: '2026-01-02', level: 4 });
  });
  it('shades by fixed bounds', () => {
    expect([undefined, 1, 14, 15, 29, 30, 39, 40].map(level)).toEqual([0, 1, 1, 2, 2, 3, 3, 4]);
  });
});
