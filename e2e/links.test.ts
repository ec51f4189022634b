// No broken internal links, in both builds: every href/src/action in every built page
// resolves to a file, links stay inside the base, and a crawl over HTTP finds no 404.
// Also: the same pages built in two opposite time zones show the same dates.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { collectLinks, fileForPath, htmlFiles } from './collect-links.ts';

for (const name of ['rootSite', 'baseSite'] as const) {
  describe(`links in the ${name} build`, () => {
    const site = inject(name);
    // Absolute links on the build's own site (canonical URLs, og:url) are internal too.
    const origin = new URL(site.siteUrl).origin;

    it('every internal link in dist resolves to a built file', async () => {
      const files = await htmlFiles(site.dir);
      expect(files.length).toBeGreaterThan(15);
      const broken: string[] = [];
      for (const file of files) {
        const pageUrl = new URL(file.replace(/index\.html$/, ''), `${site.siteUrl}${site.base}`);
        for (const link of collectLinks(await readFile(path.join(site.dir, file), 'utf8'))) {
          const url = new URL(link, pageUrl);
          if (url.origin !== origin) continue; // external
          const target = fileForPath(url.pathname, site.base);
          if (!target || !existsSync(path.join(site.dir, target))) broken.push(`${file}: ${link}`);
        }
      }
      expect(broken).toEqual([]);
    });

    it('a crawl from the home page over HTTP finds only live pages', async () => {
      const seen = new Set<string>([site.url]);
      const queue = [site.url];
      const failures: string[] = [];
      while (queue.length) {
        const url = queue.shift()!;
        const res = await fetch(url);
        if (res.status !== 200) failures.push(`${res.status} ${url}`);
        if (!res.headers.get('content-type')?.startsWith('text/html')) continue;
        for (const link of collectLinks(await res.text())) {
          const next = new URL(link, url);
          next.hash = '';
          if (next.origin !== new URL(site.url).origin || next.search) continue;
          if (!seen.has(next.href)) seen.add(next.href), queue.push(next.href);
        }
      }
      expect(failures).toEqual([]);
      expect(seen.size).toBeGreaterThan(15);
    });
  });
}

describe('time zones', () => {
  it('day and paper pages are identical when built in UTC-8 and UTC+14', async () => {
    const root = inject('rootSite');
    const base = inject('baseSite');
    const pages = (await htmlFiles(root.dir)).filter((f) => /^(days|papers)\/|^index\.html$/.test(f));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const a = await readFile(path.join(root.dir, page), 'utf8');
      const b = (await readFile(path.join(base.dir, page), 'utf8')).replaceAll(`${base.siteUrl}/archive/`, `${root.siteUrl}/`).replaceAll('/archive/', '/');
      expect(b, page).toBe(a);
    }
  });
});
