// /feeds.opml's writer: OPML 2.0 a real XML parser reads back exactly, names with XML's special
// characters included, each feed once by its RSS URL, empty kinds left out.
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { feedGroups } from '../src/feeds/feed-catalog.ts';
import { opml } from '../src/feeds/opml.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'outline' });

describe('opml', () => {
  const groups = feedGroups([{ name: '3d', label: '3D & "more"' }], [{ slug: 'at-and-t-labs', name: 'AT&T <Labs>' }, { slug: 'kaist-ai', name: 'KAIST AI' }]);
  const doc = parser.parse(opml({ title: 'A & <B>', dateModified: 'Tue, 01 Apr 2025 00:00:00 GMT' }, groups, 'https://example.org/'));

  it('reads back every feed by kind, with absolute URLs and names as given', () => {
    expect(doc.opml['@version']).toBe('2.0');
    expect([doc.opml.head.title, doc.opml.head.dateModified]).toEqual(['A & <B>', 'Tue, 01 Apr 2025 00:00:00 GMT']);
    const kinds = doc.opml.body.outline;
    expect(kinds.map((k: Record<string, string>) => k['@text'])).toEqual(['All papers', 'Daily digest', 'Topics', 'Organisations']);
    expect(kinds[2].outline.map((o: Record<string, string>) => [o['@text'], o['@xmlUrl'], o['@htmlUrl']])).toEqual([['3D & "more"', 'https://example.org/topics/3d/rss.xml', 'https://example.org/topics/3d/']]);
    expect(kinds[3].outline.map((o: Record<string, string>) => [o['@type'], o['@text'], o['@xmlUrl']])).toEqual([
      ['rss', 'AT&T <Labs>', 'https://example.org/orgs/at-and-t-labs/rss.xml'],
      ['rss', 'KAIST AI', 'https://example.org/orgs/kaist-ai/rss.xml'],
    ]);
  });

  it('leaves out a kind with no feed (an archive without organisations)', () => {
    const none = parser.parse(opml({ title: 't', dateModified: undefined }, feedGroups([], []), 'https://example.org/'));
    expect(none.opml.body.outline.map((k: Record<string, string>) => k['@text'])).toEqual(['All papers', 'Daily digest']);
    expect(none.opml.head.dateModified).toBeUndefined();
  });
});
