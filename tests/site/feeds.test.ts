// The feed builders: which items (papers, days), in which order, up to which limit; the
// JSON Feed document checked against the JSON Feed 1.1 schema; the schema itself strict
// where the spec says "required".
import { describe, expect, it } from 'vitest';
import { digestItems, lastBuildDate, paperItems, type FeedItem } from '../../src/feeds/feed-items.ts';
import { jsonFeed, rfc3339 } from '../../src/feeds/json-feed.ts';
import { jsonFeedErrors } from '../helpers/json-feed-schema.ts';

const papers: Record<string, { title: string; days: string[] }> = {
  c: { title: '<script>alert(1)</script>', days: ['2025-01-01'] },
  a: { title: 'A & B', days: ['2024-12-31', '2025-01-01'] },
  b: { title: 'B', days: ['2024-12-31'] },
};
const paperOf = (slug: string) => ({ ...papers[slug], html: `<p>${slug}</p>`, excerpt: `About ${slug}.` });
const link = (slug: string) => `https://example.org/archive/papers/${slug}/`;

describe('paperItems', () => {
  const items = paperItems(['c', 'a', 'b'], paperOf, link, 10);

  it('links to the permanent URL and dates items by their first listed day at 00:00 UTC', () => {
    expect(items[1]).toEqual({
      url: 'https://example.org/archive/papers/a/',
      title: 'A & B',
      published: new Date('2024-12-31T00:00:00Z'),
      html: '<p>a</p>',
      summary: 'About a.',
    });
    expect(items[0].title).toBe('<script>alert(1)</script>'); // escaped by each writer, not here
  });

  it('keeps the given order and honours the limit', () => {
    expect(items.map((i) => i.url)).toEqual(['c', 'a', 'b'].map(link));
    expect(paperItems(['c', 'a', 'b'], paperOf, link, 2).map((i) => i.url)).toEqual(['c', 'a'].map(link));
  });
});

describe('digestItems', () => {
  const days: Record<string, string[]> = { '2024-12-31': ['a', 'b'], '2025-01-01': ['c', 'a'], '2024-11-29': ['b'] };
  const ascending = Object.keys(days).sort();
  const papersOf = (day: string) => days[day].map((slug) => ({ title: papers[slug].title, url: link(slug) }));
  const dayLink = (day: string) => `https://example.org/archive/days/${day}/`;

  it('makes one item per day, newest first, up to the limit', () => {
    const items = digestItems(ascending, papersOf, dayLink, 2);
    expect(items.map((i) => i.url)).toEqual([dayLink('2025-01-01'), dayLink('2024-12-31')]);
    expect(items.map((i) => i.published.toISOString())).toEqual(['2025-01-01T00:00:00.000Z', '2024-12-31T00:00:00.000Z']);
    expect(digestItems(ascending, papersOf, dayLink, 60)).toHaveLength(3);
  });

  it('titles each day and lists its papers in listed order, escaped, as an ordered list', () => {
    const [newest, , oldest] = digestItems(ascending, papersOf, dayLink, 60);
    expect(newest.title).toBe('Papers of January 1, 2025');
    expect(newest.html).toBe(
      '<ol><li><a href="https://example.org/archive/papers/c/">&lt;script&gt;alert(1)&lt;/script&gt;</a></li>' +
        '<li><a href="https://example.org/archive/papers/a/">A &amp; B</a></li></ol>',
    );
    expect(newest.summary).toBe('2 papers listed on January 1, 2025.');
    expect(oldest.summary).toBe('1 paper listed on November 29, 2024.');
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

describe('jsonFeed', () => {
  const head = {
    title: 'Archive',
    description: 'Every paper.',
    homePageUrl: 'https://example.org/archive/',
    feedUrl: 'https://example.org/archive/feed.json',
    language: 'en',
    faviconUrl: 'https://example.org/archive/favicon.svg',
  };
  const items: FeedItem[] = paperItems(['c', 'a'], paperOf, link, 10);
  const feed = jsonFeed(head, items);

  it('is valid JSON Feed 1.1, also when empty', () => {
    expect(jsonFeedErrors(feed)).toEqual([]);
    expect(jsonFeedErrors(jsonFeed(head, []))).toEqual([]);
  });

  it('says where it lives and carries the items as given, the URL as id', () => {
    expect(feed).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', home_page_url: head.homePageUrl, feed_url: head.feedUrl, language: 'en' });
    expect(feed.items[1]).toEqual({
      id: link('a'),
      url: link('a'),
      title: 'A & B',
      content_html: '<p>a</p>',
      summary: 'About a.',
      date_published: '2024-12-31T00:00:00Z',
    });
  });

  it('leaves out an empty summary', () => {
    const [item] = jsonFeed(head, [{ ...items[0], summary: '' }]).items;
    expect('summary' in item).toBe(false);
  });

  it('writes RFC 3339 dates without zero milliseconds', () => {
    expect(rfc3339(new Date(Date.UTC(2025, 11, 9)))).toBe('2025-12-09T00:00:00Z');
  });
});

describe('the JSON Feed 1.1 schema', () => {
  const valid = { version: 'https://jsonfeed.org/version/1.1', title: 'T', items: [{ id: '1', content_text: 'x' }] };

  it('accepts the spec’s own example', () => {
    expect(jsonFeedErrors({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'My Example Feed',
      home_page_url: 'https://example.org/',
      feed_url: 'https://example.org/feed.json',
      items: [
        { id: '2', content_text: 'This is a second item.', url: 'https://example.org/second-item' },
        { id: '1', content_html: '<p>Hello, world!</p>', url: 'https://example.org/initial-post' },
      ],
    })).toEqual([]);
  });

  it.each([
    ['no version', { ...valid, version: undefined }],
    ['version 1', { ...valid, version: 'https://jsonfeed.org/version/1' }],
    ['no title', { ...valid, title: undefined }],
    ['no items', { ...valid, items: undefined }],
    ['items not an array', { ...valid, items: {} }],
    ['an item without id', { ...valid, items: [{ content_text: 'x' }] }],
    ['a numeric id', { ...valid, items: [{ id: 1, content_text: 'x' }] }],
    ['an item without content', { ...valid, items: [{ id: '1', title: 'x' }] }],
    ['a relative feed_url', { ...valid, feed_url: '/feed.json' }],
    ['a date that is not RFC 3339', { ...valid, items: [{ id: '1', content_text: 'x', date_published: 'Wed, 01 Jan 2025 00:00:00 GMT' }] }],
    ['an empty author', { ...valid, authors: [{}] }],
    ['a misspelt field', { ...valid, items: [{ id: '1', 'content-html': 'x', content_text: 'x' }] }],
  ])('rejects %s', (_, doc) => {
    expect(jsonFeedErrors(JSON.parse(JSON.stringify(doc)))).not.toEqual([]);
  });

  it('allows extensions', () => {
    expect(jsonFeedErrors({ ...valid, _blue_shed: { about: 'https://example.org/' } })).toEqual([]);
  });
});
