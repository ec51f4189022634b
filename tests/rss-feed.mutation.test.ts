// A feed as RSS 2.0 (src/feeds/rss-feed.ts): what the channel says about itself and how each
// item is written, read back with an XML parser.
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { rssResponse, type RssHead } from '../src/feeds/rss-feed.ts';
import type { FeedItem } from '../src/feeds/feed-items.ts';

const head: RssHead = {
  title: 'Papers & more',
  description: 'Every paper.',
  homePageUrl: 'https://example.org/a/',
  feedUrl: 'https://example.org/a/rss.xml?x=1&y="2"',
  language: 'en-GB',
  lastBuildDate: 'Wed, 01 Jan 2025 00:00:00 GMT',
};
const item: FeedItem = {
  url: 'https://example.org/a/papers/x/',
  title: 'X < Y',
  published: new Date('2024-12-31T00:00:00Z'),
  html: '<p>hi</p>',
  summary: 'hi',
};

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

async function channel(h: RssHead, items: FeedItem[]) {
  const text = await (await rssResponse(h, items)).text();
  return { text, channel: parser.parse(text).rss.channel };
}

describe('rssResponse', () => {
  it('declares the Atom namespace and links to itself with rel=self, escaped', async () => {
    const { text, channel: c } = await channel(head, [item]);
    expect(text).toContain('xmlns:atom="http://www.w3.org/2005/Atom"');
    expect(text).toContain('<atom:link href="https://example.org/a/rss.xml?x=1&amp;y=&quot;2&quot;" rel="self" type="application/rss+xml"/>');
    expect(c['atom:link']).toEqual({ '@href': 'https://example.org/a/rss.xml?x=1&y="2"', '@rel': 'self', '@type': 'application/rss+xml' });
  });

  it('says its title, description, home page, language and last build date', async () => {
    const { channel: c } = await channel(head, [item]);
    expect(c.title).toBe('Papers & more');
    expect(c.description).toBe('Every paper.');
    expect(c.link).toBe('https://example.org/a/');
    expect(c.language).toBe('en-GB');
    expect(c.lastBuildDate).toBe('Wed, 01 Jan 2025 00:00:00 GMT');
  });

  it('leaves lastBuildDate out for an empty archive', async () => {
    const { text, channel: c } = await channel({ ...head, lastBuildDate: undefined }, []);
    expect(text).not.toContain('lastBuildDate');
    expect(text).toContain('<language>en-GB</language></channel>');
    expect(c.item).toBeUndefined();
  });

  it('writes each item with its link as guid, its day as pubDate and its HTML as description', async () => {
    const { channel: c } = await channel(head, [item, { ...item, url: 'https://example.org/a/papers/y/', title: 'Y' }]);
    expect(c.item).toHaveLength(2);
    expect(c.item[0]).toEqual({
      title: 'X < Y',
      link: 'https://example.org/a/papers/x/',
      guid: { '#text': 'https://example.org/a/papers/x/', '@isPermaLink': 'true' },
      description: '<p>hi</p>',
      pubDate: 'Tue, 31 Dec 2024 00:00:00 GMT',
    });
    expect(c.item[1].link).toBe('https://example.org/a/papers/y/');
  });
});
