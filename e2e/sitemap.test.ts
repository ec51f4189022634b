// The sitemap of both builds against what the build wrote: every HTML page in the output is
// listed once (but the 404 page, the search bundle's files and any page marked noindex) and
// nothing else is, at absolute URLs on the build's SITE_URL and base, each dated by the day
// its content last changed. The split into parts of 10,000 URLs: tests/site/sitemap.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import matter from 'gray-matter';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, inject, it } from 'vitest';
import { FIXTURE_CONTENT } from './build-site.ts';
import { htmlFiles } from './collect-links.ts';

const xml = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });
const days = readdirSync(path.join(FIXTURE_CONTENT, 'days')).map((f) => f.slice(0, -3)).sort();
const paperDays = new Map(
  readdirSync(path.join(FIXTURE_CONTENT, 'papers')).map((f) => [f.slice(0, -3), matter(readFileSync(path.join(FIXTURE_CONTENT, 'papers', f), 'utf8')).data.days as string[]]),
);
const NEWEST = days.at(-1)!;

/** Whether a page asks not to be indexed (`<meta name="robots" content="noindex">`). */
const noindex = (html: string) =>
  DomUtils.findAll((e) => e.name === 'meta' && e.attribs.name?.toLowerCase() === 'robots' && /noindex/i.test(e.attribs.content ?? ''), parseDocument(html).children).length > 0;

for (const name of ['rootSite', 'baseSite'] as const) {
  describe(`the sitemap of the ${name} build`, () => {
    const site = inject(name);
    const read = (rel: string) => readFileSync(path.join(site.dir, rel), 'utf8');
    const url = (rel: string) => `${site.siteUrl}${site.base}${rel}`;
    const index = xml.parse(read('sitemap.xml')).sitemapindex;
    const parts: string[] = index.sitemap.map((s: { loc: string }) => s.loc);
    /** Every <url> of every part, as {loc, lastmod}. */
    const urls = (): { loc: string; lastmod?: string }[] => parts.flatMap((loc) => xml.parse(read(loc.slice(url('').length))).urlset.url);

    it('is named by robots.txt, and its index names each part, dated by the newest day', () => {
      expect(read('robots.txt')).toContain(`Sitemap: ${url('sitemap.xml')}\n`);
      expect(parts).toEqual([url('sitemaps/0.xml')]);
      expect(index.sitemap.map((s: { lastmod: string }) => s.lastmod)).toEqual([NEWEST]);
    });

    it('lists every indexable HTML page the build wrote, once, and nothing else', async () => {
      const pages = (await htmlFiles(site.dir))
        .filter((f) => f !== '404.html' && !f.startsWith('pagefind/') && !noindex(read(f)))
        .map((f) => url(f.replace(/index\.html$/, '')));
      const locs = urls().map((u) => u.loc);
      expect(new Set(locs).size).toBe(locs.length);
      expect([...locs].sort()).toEqual(pages.sort());
      // The pages the hand-kept list once left out are among them.
      for (const rel of ['feeds/', 'stats/', 'topics/', 'topics/video/', 'data/', 'search/']) expect(locs).toContain(url(rel));
      expect(locs.length).toBeGreaterThan(30);
    });

    it('dates each page by the day its content last changed', () => {
      const lastmod = new Map(urls().map((u) => [u.loc.slice(url('').length), u.lastmod]));
      for (const day of days) expect(lastmod.get(`days/${day}/`), day).toBe(day);
      for (const [slug, listed] of paperDays) expect(lastmod.get(`papers/${slug}/`), slug).toBe(listed.at(-1));
      expect(lastmod.get('months/2024-12/')).toBe('2024-12-31');
      expect(lastmod.get('weeks/2025-W01/')).toBe('2025-01-01'); // Dec 31 and Jan 1
      for (const rel of ['', 'days/', 'topics/', 'topics/video/', 'stats/', 'feeds/']) expect(lastmod.get(rel), rel).toBe(NEWEST);
      expect(lastmod.get('search/')).toBeUndefined();
    });
  });
}
