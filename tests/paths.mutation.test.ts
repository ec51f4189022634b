// Site URLs (src/site/paths.ts) the existing tests leave out, and the base's normalisation
// with slashes inside it.
import { describe, expect, it } from 'vitest';
import {
  assetPath,
  daysPath,
  monthPath,
  monthsPath,
  normalizeBase,
  schemaVersionSegment,
  searchPath,
  sitemapPartPath,
  sitemapPath,
  statsPath,
  topicPath,
  topicsPath,
  weekPath,
  weeksPath,
  withBase,
} from '../src/site/paths.ts';

describe('paths', () => {
  it('keeps the slashes inside a nested base', () => {
    expect(normalizeBase('/docs/archive/')).toBe('/docs/archive/');
    expect(normalizeBase('docs//archive')).toBe('/docs//archive/');
    expect(withBase('days/', '/docs/archive')).toBe('/docs/archive/days/');
  });

  it('drops every leading slash of a path, and only those', () => {
    expect(withBase('//favicon.svg', '/')).toBe('/favicon.svg');
    expect(withBase('a//b/', '/x/')).toBe('/x/a//b/');
  });

  it('builds the period, topic, stats and sitemap URLs under the base', () => {
    expect(daysPath('/a/')).toBe('/a/days/');
    expect(weeksPath('/a/')).toBe('/a/weeks/');
    expect(weekPath('2025-W01', '/a/')).toBe('/a/weeks/2025-W01/');
    expect(monthsPath('/a/')).toBe('/a/months/');
    expect(monthPath('2025-01', '/a/')).toBe('/a/months/2025-01/');
    expect(topicsPath('/a/')).toBe('/a/topics/');
    expect(topicPath('3d', '/a/')).toBe('/a/topics/3d/');
    expect(statsPath('/a/')).toBe('/a/stats/');
    expect(sitemapPath('/a/')).toBe('/a/sitemap.xml');
    expect(sitemapPartPath(2, '/a/')).toBe('/a/sitemaps/2.xml');
    expect(assetPath('favicon.svg', '/a/')).toBe('/a/favicon.svg');
    expect(schemaVersionSegment(3)).toBe('v3');
  });

  it('uses the root base by default (Vite’s BASE_URL in tests)', () => {
    expect(daysPath()).toBe('/days/');
    expect(weekPath('2025-W01')).toBe('/weeks/2025-W01/');
    expect(statsPath()).toBe('/stats/');
  });

  it('leaves the query out of an empty search', () => {
    expect(searchPath('', '/a/')).toBe('/a/search/');
    expect(searchPath('x y', '/a/')).toBe('/a/search/?q=x+y');
  });
});
