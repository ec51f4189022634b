// URL building with and without a sub-folder base.
import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  dataIndexPath,
  dataPath,
  dataSchemaPath,
  dayDataPath,
  dayPath,
  digestFeedPath,
  digestJsonFeedPath,
  feedPath,
  feedsPath,
  homePath,
  jsonFeedPath,
  normalizeBase,
  opmlPath,
  orgFeedPath,
  orgJsonFeedPath,
  orgPath,
  orgsPath,
  pagefindPath,
  paperPath,
  papersCsvPath,
  papersNdjsonPath,
  searchPath,
  topicFeedPath,
  topicJsonFeedPath,
  withBase,
} from '../../src/site/paths.ts';

describe('paths', () => {
  it('normalises any spelling of the base', () => {
    for (const b of ['', '/', '//']) expect(normalizeBase(b)).toBe('/');
    for (const b of ['archive', '/archive', 'archive/', '/archive/', '//archive//']) expect(normalizeBase(b)).toBe('/archive/');
  });

  it('builds root-hosted URLs (default base from Vite is /)', () => {
    expect(homePath()).toBe('/');
    expect(dayPath('2025-01-01')).toBe('/days/2025-01-01/');
    expect(paperPath('fish-and-chips')).toBe('/papers/fish-and-chips/');
    expect(feedPath()).toBe('/rss.xml');
    expect(jsonFeedPath()).toBe('/feed.json');
    expect(digestFeedPath()).toBe('/digest.xml');
    expect(digestJsonFeedPath()).toBe('/digest.json');
    expect(feedsPath()).toBe('/feeds/');
    expect(pagefindPath()).toBe('/pagefind/');
    expect(searchPath()).toBe('/search/');
  });

  it('puts every URL under a sub-folder base', () => {
    expect(homePath('/archive/')).toBe('/archive/');
    expect(dayPath('2024-12-31', '/archive')).toBe('/archive/days/2024-12-31/');
    expect(paperPath('x', 'archive/')).toBe('/archive/papers/x/');
    expect(feedPath('/archive/')).toBe('/archive/rss.xml');
    expect(jsonFeedPath('/archive/')).toBe('/archive/feed.json');
    expect(digestFeedPath('/archive/')).toBe('/archive/digest.xml');
    expect(digestJsonFeedPath('/archive/')).toBe('/archive/digest.json');
    expect(feedsPath('/archive/')).toBe('/archive/feeds/');
    expect(topicFeedPath('3d', '/archive/')).toBe('/archive/topics/3d/rss.xml');
    expect(topicJsonFeedPath('3d', '/archive/')).toBe('/archive/topics/3d/feed.json');
    expect(pagefindPath('/archive/')).toBe('/archive/pagefind/');
    expect(withBase('/favicon.svg', '/archive/')).toBe('/archive/favicon.svg');
  });

  it('puts the open data under the base too', () => {
    expect(dataPath('/archive/')).toBe('/archive/data/');
    expect(dataIndexPath('/archive/')).toBe('/archive/data/index.json');
    expect(papersNdjsonPath('/archive/')).toBe('/archive/data/papers.ndjson');
    expect(papersCsvPath()).toBe('/data/papers.csv');
    expect(dayDataPath('2025-01-01', '/archive/')).toBe('/archive/data/days/2025-01-01.json');
    expect(dataSchemaPath('paper', 1, '/archive/')).toBe('/archive/data/schema/v1/paper.json');
    expect(dataSchemaPath('day', 2)).toBe('/data/schema/v2/day.json');
  });

  it('puts organisations, their feeds and the OPML file under the base too', () => {
    expect(orgsPath()).toBe('/orgs/');
    expect(orgsPath('/archive/')).toBe('/archive/orgs/');
    expect(orgPath('kaist-ai', '/archive/')).toBe('/archive/orgs/kaist-ai/');
    expect(orgFeedPath('kaist-ai', '/archive/')).toBe('/archive/orgs/kaist-ai/rss.xml');
    expect(orgJsonFeedPath('kaist-ai', '/archive/')).toBe('/archive/orgs/kaist-ai/feed.json');
    expect(opmlPath()).toBe('/feeds.opml');
    expect(opmlPath('archive')).toBe('/archive/feeds.opml');
  });

  it('encodes search queries so a search is a link', () => {
    expect(searchPath('fish & "chips"', '/archive/')).toBe('/archive/search/?q=fish+%26+%22chips%22');
  });

  it('makes absolute URLs on the configured site', () => {
    expect(absoluteUrl(paperPath('x', '/archive/'), 'https://example.org')).toBe('https://example.org/archive/papers/x/');
    expect(absoluteUrl('/rss.xml', new URL('https://example.org/ignored/'))).toBe('https://example.org/rss.xml');
  });
});
