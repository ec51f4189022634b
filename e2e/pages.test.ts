// What a reader sees on each page type, in a real browser, without JavaScript.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeInBrowser, launchBrowser } from './browser.ts';
import { FIXTURE_CONTENT } from './build-site.ts';

const site = inject('rootSite');

describeInBrowser('pages', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    // JavaScript off: every page but search must work without it.
    page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => browser?.close());
  const open = (path: string) => page.goto(new URL(path, site.url).href);

  it('a day page lists its papers in order with their facts and neighbours', async () => {
    await open('days/2025-01-01/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Papers of January 1, 2025');
    const titles = await page.locator('ol.papers > li h2').allTextContents();
    expect(titles).toEqual([
      'Escaped Markdown: Stars, Underscores and Links',
      'Repeat Listed Benchmark for Reasoning',
      'Unknown Metadata Paper',
    ]);
    const first = page.locator('ol.papers > li').first();
    await expect(first.locator('p').first().textContent()).resolves.toBe(
      'Literal characters survive: 2 * 3, snake_case_name, [x](y) and <b>bold</b> stay as typed in the narwhal corpus.',
    );
    await expect(first.locator('.meta').innerText()).resolves.toBe('2 authors · Published January 1, 2025 · 3 comments · arXiv · Hugging Face');
    // Unknown facts are left out, not listed as "unknown"; the links out stay.
    const unknown = page.locator('ol.papers > li').nth(2);
    await expect(unknown.locator('.meta').innerText()).resolves.toBe('arXiv · Hugging Face');
    const arxiv = new URL((await first.locator('.meta a', { hasText: 'arXiv' }).getAttribute('href'))!);
    expect(arxiv.searchParams.get('query')).toBe('"Escaped Markdown: Stars, Underscores and Links"');
    // The neighbours above the list and below it.
    for (const pager of await page.locator('nav.pager').all()) {
      await expect(pager.locator('a[rel=prev]').getAttribute('href')).resolves.toBe('/days/2024-12-31/');
      await expect(pager.locator('a[rel=next]').getAttribute('href')).resolves.toBe('/days/2025-02-03/');
    }
    expect(await page.locator('nav.pager').count()).toBe(2);
    await expect(page.locator('main p.muted a').allTextContents()).resolves.toEqual(['Week 1, 2025', 'January 2025']);
  });

  it('the first and last days link only one way', async () => {
    await open('days/2024-11-29/');
    expect(await page.locator('a[rel=prev]').count()).toBe(0);
    await expect(page.locator('a[rel=next]').first().textContent()).resolves.toBe('December 31, 2024 →');
    await open('days/2025-02-03/');
    expect(await page.locator('a[rel=next]').count()).toBe(0);
  });

  it('cuts long abstracts at a word boundary on list pages', async () => {
    await open('days/2025-02-03/');
    const text = (await page.locator('ol.papers > li p').first().textContent())!;
    expect(text.length).toBeLessThanOrEqual(251);
    expect(text).toMatch(/\w…$/);
  });

  it('a paper page shows every field and every day it was listed', async () => {
    await open('papers/repeat-listed-benchmark/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Repeat Listed Benchmark for Reasoning');
    const facts = await page.locator('dl.facts').innerText();
    expect(facts).toContain('14 authors');
    expect(facts).toContain('December 15, 2024');
    expect(facts).toContain('31 comments, as of February 3, 2025');
    await expect(page.locator('.abstract').textContent()).resolves.toContain('listed on three different days');
    const days = page.locator('section[aria-labelledby=listed-on] a');
    expect(await days.allTextContents()).toEqual(['December 31, 2024', 'January 1, 2025', 'February 3, 2025']);
    expect(await days.first().getAttribute('href')).toBe('/days/2024-12-31/');
  });

  it('a paper page links up to five related papers, the closest first, never itself', async () => {
    const slugs = readdirSync(path.join(FIXTURE_CONTENT, 'papers')).map((f) => f.replace(/\.md$/, ''));
    const shown = new Map<string, string>(); // href → title as linked
    const counts: number[] = [];
    for (const slug of slugs) {
      await open(`papers/${slug}/`);
      const links = await page.locator('section[aria-labelledby=related] li a').evaluateAll((as) => as.map((a) => [a.getAttribute('href') ?? '', a.textContent ?? '']));
      const hrefs = links.map(([href]) => href);
      counts.push(hrefs.length);
      expect(hrefs, slug).not.toContain(`/papers/${slug}/`);
      expect(new Set(hrefs).size, slug).toBe(hrefs.length);
      for (const [href, title] of links) shown.set(href, title);
    }
    expect(Math.max(...counts)).toBe(5);
    // Each link opens a paper page, named by that paper's title.
    for (const [href, title] of shown) {
      expect((await open(href))?.status(), href).toBe(200);
      await expect(page.locator('h1').textContent()).resolves.toBe(title);
    }
    // The two papers about sparse attention in transformers find each other first.
    await open('papers/sparse-attention-atlas/');
    await expect(page.locator('section[aria-labelledby=related] li a').first().textContent()).resolves.toBe('Long Context Retrieval at Scale');
    await expect(page.locator('section[aria-labelledby=related] li time').first().getAttribute('datetime')).resolves.toBe('2025-02-03');
    await open('papers/long-context-retrieval/');
    await expect(page.locator('section[aria-labelledby=related] li a').first().textContent()).resolves.toBe('Sparse Attention Atlas');
  });

  it('shows an organisation, and unknown values as unknown (never 0)', async () => {
    await open('papers/organization-only-model/');
    expect(await page.locator('dl.facts').innerText()).toMatch(/Organisation\s+Example Research Lab/);
    await open('papers/unknown-metadata-paper/');
    const facts = await page.locator('dl.facts').innerText();
    expect(facts).toMatch(/Authors\s+unknown/);
    expect(facts).toMatch(/Published\s+unknown/);
    expect(facts).toMatch(/Comments\s+unknown, as of January 1, 2025/);
    expect(facts).not.toMatch(/\b0\b/);
  });

  it('renders hostile titles and escaped Markdown as literal text', async () => {
    await open('papers/script-alert-title/');
    await expect(page.locator('h1').textContent()).resolves.toBe('<script>alert(1)</script>');
    expect(await page.locator('body script, main img').count()).toBe(0);
    await expect(page.title()).resolves.toBe('<script>alert(1)</script> · Daily Papers Archive');
    await open('papers/fish-and-chips/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Fish & "Chips"');
    await open('papers/escaped-markdown-abstract/');
    await expect(page.locator('.abstract').textContent()).resolves.toContain('2 * 3, snake_case_name, [x](y) and <b>bold</b>');
    expect(await page.locator('.abstract b, .abstract a, .abstract em').count()).toBe(0);
    await open('days/2024-12-31/');
    await expect(page.locator('ol.papers h2').first().textContent()).resolves.toBe('<script>alert(1)</script>');
  });

  it('runs none of the markup quoted in titles and abstracts, with JavaScript on', async () => {
    // The pages above are read with JavaScript off, where an injected script could not run:
    // here a browser that runs scripts opens every page showing the hostile paper.
    const scripted = await browser.newPage();
    const dialogs: string[] = [];
    scripted.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    const errors: string[] = [];
    scripted.on('pageerror', (e) => void errors.push(e.message));
    for (const path of ['papers/script-alert-title/', 'days/2024-12-31/', 'weeks/2025-W01/', 'months/2024-12/', 'topics/video/']) {
      // `load` waits for images to load or fail, so an injected onerror handler has run by then.
      await scripted.goto(new URL(path, site.url).href, { waitUntil: 'load' });
      expect(await scripted.locator('img').count(), path).toBe(0);
    }
    await scripted.close();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('home shows the latest day and links to the days before it', async () => {
    await open('');
    await expect(page.locator('h1').textContent()).resolves.toBe('Latest papers: February 3, 2025');
    expect(await page.locator('ol.papers > li').count()).toBe(3);
    expect(await page.locator('#previous-days + ul a').allTextContents()).toEqual([
      'January 1, 2025',
      'December 31, 2024',
      'November 29, 2024',
    ]);
  });

  it('/days/ is a calendar: a month grid per month, archived days linked with their counts', async () => {
    await open('days/');
    expect(await page.locator('main h2').allTextContents()).toEqual(['2025', '2024']);
    expect(await page.locator('table.month caption a').allTextContents()).toEqual(['February 2025', 'January 2025', 'December 2024', 'November 2024']);
    expect(await page.locator('table.month caption a').first().getAttribute('href')).toBe('/months/2025-02/');
    // February 2025 starts on a Saturday: five empty cells, then 1 and 2; the 3rd is linked.
    const feb = page.locator('table.month').first();
    expect(await feb.locator('thead th').allTextContents()).toEqual(['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']);
    expect(await feb.locator('tbody tr').first().locator('td').allTextContents()).toEqual(['', '', '', '', '', '1', '2']);
    const day = feb.locator('a[href="/days/2025-02-03/"]');
    await expect(day.getAttribute('aria-label')).resolves.toBe('February 3, 2025: 3 papers');
    expect(await page.locator('table.month td a').count()).toBe(4);
  });

  it('week and month pages list each paper once, most discussed first, with their days and neighbours', async () => {
    await open('weeks/2025-W01/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Week 1 of 2025 (December 30 – January 5)');
    const titles = await page.locator('ol.papers > li h2').allTextContents();
    expect(new Set(titles).size).toBe(titles.length);
    const comments = await page.locator('ol.papers > li .meta').allInnerTexts();
    const counts = comments.map((t) => Number(/(\d+) comments?/.exec(t)?.[1] ?? -1));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(await page.locator('main p.muted a').allTextContents()).toEqual(['December 31, 2024', 'January 1, 2025', 'December 2024', 'January 2025']);
    expect(await page.locator('main p.muted').innerText()).toContain('Days: December 31, 2024, January 1, 2025.');
    await expect(page.locator('a[rel=prev]').first().getAttribute('href')).resolves.toBe('/weeks/2024-W48/');
    await expect(page.locator('a[rel=next]').first().getAttribute('href')).resolves.toBe('/weeks/2025-W06/');
    await open('months/2025-01/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Papers of January 2025');
    await expect(page.locator('a[rel=prev]').first().getAttribute('href')).resolves.toBe('/months/2024-12/');
    await open('months/');
    expect(await page.locator('ul.periods a').allTextContents()).toEqual(['February 2025', 'January 2025', 'December 2024', 'November 2024']);
    await open('weeks/');
    expect(await page.locator('ul.periods a').count()).toBe(3);
  });

  it('the main feed is dated by its newest listed day, not the clock', async () => {
    const feed = await (await fetch(new URL('rss.xml', site.url))).text();
    expect(feed).toContain('<lastBuildDate>Mon, 03 Feb 2025 00:00:00 GMT</lastBuildDate>');
  });

  it('every page has the feed links and a search form that works without JS; no scripts', async () => {
    for (const path of ['', 'days/', 'days/2024-12-31/', 'papers/fish-and-chips/', '404.html']) {
      await open(path);
      // The main feed comes first (the home page and /days/ add the digest's after it).
      expect(await page.locator('link[rel=alternate][type="application/rss+xml"]').first().getAttribute('href')).toBe('/rss.xml');
      expect(await page.locator('link[rel=alternate][type="application/feed+json"]').first().getAttribute('href')).toBe('/feed.json');
      expect(await page.locator('script').count()).toBe(0);
      await expect(page.locator('a.skip').getAttribute('href')).resolves.toBe('#main');
    }
    await open('days/');
    await page.fill('#header-q', 'quokka');
    await page.press('#header-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=quokka$/);
    await expect(page.locator('noscript').count()).resolves.toBe(1);
  });

  it('serves a 404 page for unknown URLs', async () => {
    const res = await open('papers/no-such-paper/');
    expect(res?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
  });
});
