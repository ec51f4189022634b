// Archive-wide lookups: day order, neighbours, feed order and items, grouping, feed limit.
import { describe, expect, it } from 'vitest';
import { feedItems, lastBuildDate } from '../../src/utils/feed-items.ts';
import { DEFAULT_FEED_LIMIT, feedLimit } from '../../src/utils/feed-limit.ts';
import { groupDays } from '../../src/utils/group-days.ts';
import { indexArchive } from '../../src/utils/index-archive.ts';

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

describe('feedItems', () => {
  const papers: Record<string, { title: string; days: string[] }> = {
    c: { title: '<script>alert(1)</script>', days: ['2025-01-01'] },
    a: { title: 'A', days: ['2024-12-31', '2025-01-01'] },
  };
  const items = feedItems(
    ['c', 'a'],
    (slug) => ({ slug, ...papers[slug], html: `<p>${slug}</p>` }),
    (slug) => `https://example.org/archive/papers/${slug}/`,
    10,
  );

  it('links to the permanent URL and dates items by their first listed day at 00:00 UTC', () => {
    expect(items[1]).toEqual({
      title: 'A',
      link: 'https://example.org/archive/papers/a/',
      pubDate: new Date('2024-12-31T00:00:00Z'),
      description: '<p>a</p>',
    });
    expect(items[0].title).toBe('<script>alert(1)</script>'); // escaped by the XML writer, not here
  });

  it('honours the limit', () => {
    expect(feedItems(['c', 'a'], (s) => ({ slug: s, ...papers[s], html: '' }), (s) => s, 1)).toHaveLength(1);
  });
});

describe('feedLimit', () => {
  it('defaults to 100 and accepts positive whole numbers', () => {
    expect(feedLimit(undefined)).toBe(DEFAULT_FEED_LIMIT);
    expect(feedLimit('')).toBe(100);
    expect(feedLimit('25')).toBe(25);
  });

  it('names the variable in its error', () => {
    expect(() => feedLimit('0')).toThrow('FEED_LIMIT must be a positive whole number, got "0".');
    expect(() => feedLimit('ten')).toThrow('FEED_LIMIT must be a positive whole number, got "ten".');
  });
});

describe('groupDays', () => {
  it('groups by year then month, newest first', () => {
    const groups = groupDays([{ id: '2024-12-31' }, { id: '2025-01-02' }, { id: '2024-11-29' }, { id: '2025-01-01' }]);
    expect(groups).toEqual([
      { year: '2025', months: [{ month: '2025-01', days: [{ id: '2025-01-02' }, { id: '2025-01-01' }] }] },
      {
        year: '2024',
        months: [
          { month: '2024-12', days: [{ id: '2024-12-31' }] },
          { month: '2024-11', days: [{ id: '2024-11-29' }] },
        ],
      },
    ]);
  });
});

describe('lastBuildDate', () => {
  it('is midnight UTC of the newest listed day, in RFC 822', () => {
    expect(lastBuildDate(['2024-11-29', '2024-12-31', '2025-01-01'])).toBe('Wed, 01 Jan 2025 00:00:00 GMT');
  });
  it('is absent for an empty archive', () => {
    expect(lastBuildDate([])).toBeUndefined();
  });
});
