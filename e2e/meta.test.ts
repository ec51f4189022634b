// Every page's canonical URL, Open Graph and Twitter meta in both builds, read with a real HTML
// parser: absolute URLs on the SITE_URL and base each build was given (the sub-folder build sets
// SITE_URL, so a build that ignored it would fail here), the page's own title and description.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, inject, it } from 'vitest';
import { htmlFiles } from './collect-links.ts';

const SITE_TITLE = 'Daily Papers Archive';

/** The head's canonical link, title, and meta by name or property. */
function head(html: string) {
  const doc = parseDocument(html).children;
  const meta = new Map<string, string>();
  for (const m of DomUtils.findAll((e) => e.name === 'meta', doc)) {
    const key = m.attribs.property ?? m.attribs.name;
    if (key) {
      expect(meta.has(key), `meta ${key} given twice`).toBe(false);
      meta.set(key, m.attribs.content);
    }
  }
  const canonical = DomUtils.findAll((e) => e.name === 'link' && e.attribs.rel === 'canonical', doc).map((l) => l.attribs.href);
  return { title: DomUtils.textContent(DomUtils.findOne((e) => e.name === 'title', doc)!), canonical, meta };
}

for (const name of ['rootSite', 'baseSite'] as const) {
  describe(`page meta in the ${name} build`, () => {
    const site = inject(name);
    const read = (rel: string) => readFileSync(path.join(site.dir, rel), 'utf8');

    it('builds the sub-folder site for its own SITE_URL', () => {
      expect(site.siteUrl).toBe(name === 'baseSite' ? 'https://papers.example.org' : 'http://localhost:4321');
    });

    it('every page names its canonical URL on the site, and gives Open Graph and Twitter cards', async () => {
      const pages = (await htmlFiles(site.dir)).filter((f) => f !== '404.html' && !f.startsWith('pagefind/'));
      expect(pages.length).toBeGreaterThan(30);
      for (const file of pages) {
        const { title, canonical, meta } = head(read(file));
        const own = `${site.siteUrl}${site.base}${file.replace(/index\.html$/, '')}`;
        expect(canonical, file).toEqual([own]);
        expect(meta.get('og:url'), file).toBe(own);
        expect(meta.get('og:site_name'), file).toBe(SITE_TITLE);
        expect(meta.get('og:type'), file).toBe(file.startsWith('papers/') ? 'article' : 'website');
        const ogTitle = meta.get('og:title')!;
        expect(ogTitle.length, file).toBeGreaterThan(0);
        expect([ogTitle, `${ogTitle} · ${SITE_TITLE}`], file).toContain(title);
        const description = meta.get('description')!;
        expect(description.length, file).toBeGreaterThan(10);
        expect(meta.get('og:description'), file).toBe(description);
        expect(meta.get('twitter:card'), file).toBe('summary');
        expect(meta.get('twitter:title'), file).toBe(ogTitle);
        expect(meta.get('twitter:description'), file).toBe(description);
      }
    });

    it('a paper page is titled by its paper; the 404 page has no URL of its own', () => {
      const { meta } = head(read('papers/fish-and-chips/index.html'));
      expect(meta.get('og:title')).toBe('Fish & "Chips"');
      const missing = head(read('404.html'));
      expect(missing.canonical).toEqual([]);
      expect(missing.meta.has('og:url')).toBe(false);
      expect(missing.meta.get('og:title')).toBe('Page not found');
    });
  });
}
