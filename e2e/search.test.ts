// Search in a real browser against the Pagefind bundle of the sub-folder build: finding
// a paper, ?q= links, filters, and hostile titles staying text in results.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeInBrowser, launchBrowser } from './browser.ts';

const site = inject('baseSite');

describeInBrowser('search', () => {
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const errors: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    page.on('pageerror', (e) => errors.push(e.message));
  });
  afterAll(async () => browser?.close());

  const results = () => page.locator('#results > li');
  /** Titles of the complete results (after the older shards were searched too). */
  async function titles() {
    await page.locator('#results[aria-busy="false"]').waitFor();
    await page.locator('#status').filter({ hasText: 'found' }).waitFor();
    return results().locator('h2').allTextContents();
  }
  const firstListed = async () =>
    (await results().locator('.meta').allTextContents()).map((t) => Date.parse(t.replace(/^.*first listed /, '')));

  it('is indexed in shards (PAGEFIND_SHARD_SIZE=4 for this build) that search merges', async () => {
    const shards = await (await fetch(`${site.url}pagefind/shards.json`)).json();
    // 10 papers: two full shards of 4, then the newest 2 in a tail shard (half a shard), the
    // primary. It holds a tail shard's worth, enough to answer a first search alone; the
    // older shards are merged after.
    expect(shards).toEqual({ first: [], rest: ['shard-1/', 'shard-2/'], tag: expect.stringMatching(/^[0-9a-f]{12}$/) });
    // The tag reaches Pagefind as metaCacheTag: entry files are asked with it, not a timestamp.
    const asked: string[] = [];
    page.on('request', (r) => r.url().includes('pagefind-entry.json') && asked.push(new URL(r.url()).search));
    await page.goto(`${site.url}search/?q=transformer`);
    await titles();
    expect(asked.length).toBe(3);
    expect(new Set(asked)).toEqual(new Set([`?ts=${shards.tag}`]));
  });

  it('shows the newest shard’s results first, then the whole archive’s', async () => {
    // Hold the older shards back so the first, partial answer can be seen.
    const { rest } = await (await fetch(`${site.url}pagefind/shards.json`)).json();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route((url) => rest.some((folder: string) => url.pathname.startsWith(`/archive/pagefind/${folder}`)), async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.goto(`${site.url}search/?q=transformer`);
      await page.locator('#status').filter({ hasText: 'among the newest papers' }).waitFor();
      await expect(page.locator('#results').getAttribute('aria-busy')).resolves.toBe('true');
      const partial = await results().locator('h2').allTextContents();
      const partialDays = await firstListed();
      expect(partial.length).toBeGreaterThan(0);
      release();
      const all = await titles();
      expect(all.length).toBeGreaterThan(partial.length);
      expect(all).toEqual(expect.arrayContaining(partial));
      // The first answer came from the newest papers: none of the rest was listed later.
      const rest = (await firstListed()).filter((_, i) => !partial.includes(all[i]));
      expect(Math.max(...rest)).toBeLessThanOrEqual(Math.min(...partialDays));
      await expect(page.locator('#status').textContent()).resolves.toBe(`${all.length} papers found for “transformer”.`);
    } finally {
      release();
      await page.unrouteAll();
    }
  });

  it('finds a paper by a word of its abstract, from a ?q= link', async () => {
    await page.goto(`${site.url}search/?q=narwhal`);
    expect(await titles()).toEqual(['Escaped Markdown: Stars, Underscores and Links']);
    await expect(page.locator('#q').inputValue()).resolves.toBe('narwhal');
    const first = results().first();
    await expect(first.locator('mark').first().textContent()).resolves.toBe('narwhal');
    await expect(first.locator('a').getAttribute('href')).resolves.toBe('/archive/papers/escaped-markdown-abstract/');
    await expect(first.locator('.meta').textContent()).resolves.toBe('Published January 1, 2025 · first listed January 1, 2025');
  });

  it('keeps the query in the URL while typing', async () => {
    await page.goto(`${site.url}search/`);
    await page.locator('#filters').waitFor();
    await page.fill('#q', 'okapi');
    expect(await titles()).toEqual(['Unknown Metadata Paper']);
    await expect.poll(() => new URL(page.url()).search).toBe('?q=okapi');
    await expect(results().locator('.meta').textContent()).resolves.toBe('Published unknown · first listed January 1, 2025');
  });

  it('narrows results with the publication-year and listed-year filters', async () => {
    await page.goto(`${site.url}search/?q=transformer`);
    const all = await titles();
    expect(all.length).toBeGreaterThanOrEqual(5);
    await page.selectOption('#published', '2023');
    await expect.poll(() => new URL(page.url()).search).toBe('?q=transformer&published=2023');
    await expect.poll(() => results().locator('h2').allTextContents().then((t) => t.sort())).toEqual([
      'Quokka: Gradient Descent on Happy Marsupials',
      'Tiny Vision Transformer',
    ]);
    await page.selectOption('#published', '');
    await page.selectOption('#listed', '2024');
    await expect.poll(() => new URL(page.url()).search).toBe('?q=transformer&listed=2024');
    // Listed in 2024: the Nov 29 and Dec 31 papers, not the 2025-only ones.
    await expect.poll(() => results().locator('h2').allTextContents().then((t) => t.sort())).toEqual([
      'Fish & "Chips"',
      'Quokka: Gradient Descent on Happy Marsupials',
      'Repeat Listed Benchmark for Reasoning',
      'Sparse Attention Atlas',
    ]);
  });

  it('only paper pages are indexed; titles weigh more than abstracts', async () => {
    await page.goto(`${site.url}search/?q=papers`);
    // "papers" appears on every day page and the home page, which must not be found.
    await page.locator('#status').filter({ hasText: 'found' }).waitFor();
    const hrefs = await results().locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of hrefs) expect(href).toMatch(/^\/archive\/papers\//);
    await page.goto(`${site.url}search/?q=benchmark`);
    expect((await titles())[0]).toBe('Repeat Listed Benchmark for Reasoning');
  });

  it('shows hostile titles as text in results', async () => {
    await page.goto(`${site.url}search/?q=wombat`);
    expect(await titles()).toEqual(['<script>alert(1)</script>']);
    await expect(results().first().locator('p').first().textContent()).resolves.toContain('<img src=x onerror=alert(2)>');
    expect(await page.locator('#results script, #results img, #results b').count()).toBe(0);
    await page.goto(`${site.url}search/?q=chips`);
    expect(await titles()).toContain('Fish & "Chips"');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
