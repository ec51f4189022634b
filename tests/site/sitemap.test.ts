// The sitemap's pure parts: which of the build's pages it lists and how each is dated, and the
// split into parts of at most 10,000 URLs named by an index (the built sitemap against dist/:
// e2e/sitemap.test.ts).
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { sitemapPages, type SitemapArchive } from '../../src/site/site-pages.ts';
import { SITEMAP_OUTPUTS, SITEMAP_PART_SIZE, sitemapFiles, sitemapParts } from '../../src/site/sitemap.ts';

const xml = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });
const locs = (text: string): string[] => (xml.parse(text).urlset.url ?? []).map((u: { loc: string }) => u.loc);

describe('the sitemap is split into parts of 10,000 URLs', () => {
  it('10,000 URLs fit one part; 20,001 make three, the last with one', () => {
    expect(SITEMAP_PART_SIZE).toBe(10_000);
    const items = Array.from({ length: 20_001 }, (_, i) => i);
    expect(sitemapParts(items.slice(0, 10_000)).map((p) => p.length)).toEqual([10_000]);
    expect(sitemapParts(items.slice(0, 10_001)).map((p) => p.length)).toEqual([10_000, 1]);
    const parts = sitemapParts(items);
    expect(parts.map((p) => p.length)).toEqual([10_000, 10_000, 1]);
    expect(parts.flat()).toEqual(items);
    expect(sitemapParts([])).toEqual([[]]);
  });

  it('writes an index naming each part, and the parts holding every page once, in order', () => {
    const pages = Array.from({ length: 20_001 }, (_, i) => ({ path: `/papers/p${String(i).padStart(5, '0')}/`, lastmod: '2025-02-03' }));
    const files = sitemapFiles(pages, { site: 'https://papers.example.org', base: '/archive/' }, '2025-02-03');
    expect([...files.keys()]).toEqual(['sitemap.xml', 'sitemaps/0.xml', 'sitemaps/1.xml', 'sitemaps/2.xml']);
    expect(SITEMAP_OUTPUTS).toEqual(['sitemap.xml', 'sitemaps']);
    const index = xml.parse(files.get('sitemap.xml')!).sitemapindex.sitemap;
    expect(index).toEqual([0, 1, 2].map((n) => ({ loc: `https://papers.example.org/archive/sitemaps/${n}.xml`, lastmod: '2025-02-03' })));
    const parts = [0, 1, 2].map((n) => locs(files.get(`sitemaps/${n}.xml`)!));
    expect(parts.map((p) => p.length)).toEqual([10_000, 10_000, 1]);
    expect(parts.flat()).toEqual(pages.map((p) => `https://papers.example.org/archive${p.path}`));
    expect(files.get('sitemaps/2.xml')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://papers.example.org/archive/papers/p20000/</loc><lastmod>2025-02-03</lastmod></url></urlset>\n',
    );
  });

  it('an empty archive still has an index and one empty part', () => {
    const files = sitemapFiles([], { site: 'http://localhost:4321', base: '/' });
    expect(xml.parse(files.get('sitemap.xml')!).sitemapindex.sitemap).toEqual([{ loc: 'http://localhost:4321/sitemaps/0.xml' }]);
    expect(locs(files.get('sitemaps/0.xml')!)).toEqual([]);
  });
});

describe('the pages it lists', () => {
  const paper = (id: string, days: string[]) => [id, { id, data: { days } }] as const;
  const archive = {
    days: ['2024-12-31', '2025-01-01'],
    latest: '2025-01-01',
    weeks: [{ id: '2025-W01', days: ['2024-12-31', '2025-01-01'] }],
    months: [
      { id: '2024-12', days: ['2024-12-31'] },
      { id: '2025-01', days: ['2025-01-01'] },
    ],
    paperBySlug: new Map([paper('old', ['2024-12-31']), paper('again', ['2024-12-31', '2025-01-01'])]),
  } as unknown as SitemapArchive;

  it('every page Astro wrote but the 404 page, once, sorted, each dated by its last change', () => {
    const names = ['', 'papers/old/', 'days/2024-12-31/', '404/', 'topics/video/', 'papers/again/', 'search/', 'weeks/2025-W01/', 'months/2024-12/', 'new-route/', 'days/2024-12-31/'];
    expect(sitemapPages(names, archive)).toEqual([
      { path: '/', lastmod: '2025-01-01' },
      { path: '/days/2024-12-31/', lastmod: '2024-12-31' },
      { path: '/months/2024-12/', lastmod: '2024-12-31' },
      // A route nobody told the sitemap about is listed, dated by the newest day.
      { path: '/new-route/', lastmod: '2025-01-01' },
      { path: '/papers/again/', lastmod: '2025-01-01' },
      { path: '/papers/old/', lastmod: '2024-12-31' },
      { path: '/search/' },
      { path: '/topics/video/', lastmod: '2025-01-01' },
      { path: '/weeks/2025-W01/', lastmod: '2025-01-01' },
    ]);
  });
});
