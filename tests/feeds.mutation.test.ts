// The feed catalogue (src/feeds/feed-catalog.ts) and JSON Feed fields the other feed tests
// leave out: optional fields present when given.
import { describe, expect, it } from 'vitest';
import { digestFeed, feedGroups, mainFeed, orgFeed, topicFeed } from '../src/feeds/feed-catalog.ts';
import { JSON_FEED_TYPE, jsonFeed, rfc3339 } from '../src/feeds/json-feed.ts';

describe('feed catalogue', () => {
  it('names every feed, its page and its two formats', () => {
    expect(mainFeed()).toEqual({
      name: 'Every paper',
      title: 'Daily Papers Archive',
      description: 'Every paper from the Daily Papers listing, day by day, with search and a feed.',
      pagePath: '/',
      rssPath: '/rss.xml',
      jsonPath: '/feed.json',
    });
    expect(digestFeed()).toEqual({
      name: 'Daily digest',
      title: 'Daily Papers Archive: daily digest',
      description: 'One item per archived day, listing that day’s papers in listed order.',
      pagePath: '/days/',
      rssPath: '/digest.xml',
      jsonPath: '/digest.json',
    });
    expect(topicFeed({ name: '3d', label: '3D' })).toEqual({
      name: '3D',
      title: 'Daily Papers Archive: 3D',
      description: 'Papers about 3D.',
      pagePath: '/topics/3d/',
      rssPath: '/topics/3d/rss.xml',
      jsonPath: '/topics/3d/feed.json',
    });
    expect(orgFeed({ slug: 'mit', name: 'MIT' })).toEqual({
      name: 'MIT',
      title: 'Daily Papers Archive: MIT',
      description: 'Papers listed under MIT.',
      pagePath: '/orgs/mit/',
      rssPath: '/orgs/mit/rss.xml',
      jsonPath: '/orgs/mit/feed.json',
    });
  });

  it('groups them by kind, in the order /feeds/ lists them', () => {
    const groups = feedGroups([{ name: 'a', label: 'A' }, { name: 'b', label: 'B' }], [{ slug: 'mit', name: 'MIT' }]);
    expect(groups.map((g) => [g.kind, g.label, g.feeds.map((f) => f.rssPath)])).toEqual([
      ['papers', 'All papers', ['/rss.xml']],
      ['digest', 'Daily digest', ['/digest.xml']],
      ['topics', 'Topics', ['/topics/a/rss.xml', '/topics/b/rss.xml']],
      ['orgs', 'Organisations', ['/orgs/mit/rss.xml']],
    ]);
  });
});

describe('jsonFeed', () => {
  const head = { title: 'T', description: 'D', homePageUrl: 'https://e.org/', feedUrl: 'https://e.org/feed.json', language: 'en' };
  const item = { url: 'https://e.org/p/', title: 'P', published: new Date('2025-01-01T00:00:00Z'), html: '<p>x</p>', summary: 'x' };

  it('carries the favicon and an item’s summary when there are some', () => {
    const feed = jsonFeed({ ...head, faviconUrl: 'https://e.org/favicon.svg' }, [item]);
    expect(feed.favicon).toBe('https://e.org/favicon.svg');
    expect(feed.items[0]).toEqual({ id: 'https://e.org/p/', url: 'https://e.org/p/', title: 'P', content_html: '<p>x</p>', summary: 'x', date_published: '2025-01-01T00:00:00Z' });
    expect('favicon' in jsonFeed(head, [])).toBe(false);
  });

  it('is served as the type the spec names', () => {
    expect(JSON_FEED_TYPE).toBe('application/feed+json');
  });

  it('keeps milliseconds that are not zero', () => {
    expect(rfc3339(new Date('2025-01-01T10:20:30.120Z'))).toBe('2025-01-01T10:20:30.120Z');
  });
});
