// Search in a real browser against the Pagefind bundle of the sub-folder build: finding
// a paper, ?q= links, filters, and hostile titles staying text in results.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeInBrowser, launchBrowser } from './browser.ts';
import { PLAN_FILE, type ShardPlan } from '../src/search/contract.ts';

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

  const plan = async () => (await (await fetch(`${site.url}pagefind/${PLAN_FILE}`)).json()) as ShardPlan;
  /** Folders of the shards the page fetched anything from. */
  const shardsAsked = (urls: string[]) => [...new Set(urls.map((u) => /\/pagefind\/(shard-\d+)\//.exec(u)?.[1]).filter(Boolean))].sort();

  it('is indexed in shards (PAGEFIND_SHARD_SIZE=4 for this build), of which a query loads only those that can match', async () => {
    const { shards } = await plan();
    // 10 papers: two full shards of 4, then the newest 2 in a tail shard (half a shard); ids from the oldest.
    expect(shards.map((s) => [s.id, s.papers])).toEqual([[0, 4], [1, 4], [2, 2]]);
    const asked: string[] = [];
    page.on('request', (r) => asked.push(r.url()));
    try {
      // "narwhal" is in one abstract: only its shard is loaded.
      await page.goto(`${site.url}search/?q=narwhal`);
      expect(await titles()).toEqual(['Escaped Markdown: Stars, Underscores and Links']);
      expect(shardsAsked(asked)).toEqual(['shard-1']);
      // Its entry file is asked with its own key (Pagefind's metaCacheTag), so it stays cached until it changes.
      expect(asked.filter((u) => u.includes('/shard-1/pagefind-entry.json')).map((u) => new URL(u).search)).toEqual([`?ts=${shards[1].key}`]);
      // "transformer" is in every shard.
      asked.length = 0;
      await page.goto(`${site.url}search/?q=transformer`);
      await titles();
      expect(shardsAsked(asked)).toEqual(['shard-0', 'shard-1', 'shard-2']);
      // A word no paper holds loads no shard at all.
      asked.length = 0;
      await page.goto(`${site.url}search/?q=blorptastic`);
      await page.locator('#status').filter({ hasText: 'No paper mentions' }).waitFor();
      expect(shardsAsked(asked)).toEqual([]);
    } finally {
      page.removeAllListeners('request');
    }
  });

  it('searches the other shards that can match when the reader asks for more, saying they are left', async () => {
    // Shards made to look large (as at 30,000 papers): each is a round of its own.
    await page.route(`**/pagefind/${PLAN_FILE}`, async (route) => {
      const real = (await (await route.fetch()).json()) as ShardPlan;
      await route.fulfill({ json: { ...real, shards: real.shards.map((s) => ({ ...s, metaBytes: 150_000 })) } });
    });
    try {
      await page.goto(`${site.url}search/?q=transformer`);
      await page.locator('#status[data-coverage="part"]').waitFor();
      const first = await results().locator('h2').allTextContents();
      expect(first.length).toBeGreaterThan(0);
      await expect(page.locator('#status').textContent()).resolves.toMatch(/^\d+ papers? found for “transformer” in [24] of the 10 papers that could match; “Show more results” searches the others\.$/);
      await expect(page.locator('#more').isVisible()).resolves.toBe(true);
      // The newest first: no later result was listed after the first round's.
      const firstDays = await firstListed();
      while (await page.locator('#more').isVisible()) {
        await page.click('#more');
        await page.locator('#results[aria-busy="false"]').waitFor();
      }
      await page.locator('#status[data-coverage="all"]').waitFor();
      const all = await results().locator('h2').allTextContents();
      expect(all.slice(0, first.length)).toEqual(first);
      expect(all.length).toBeGreaterThan(first.length);
      expect(Math.max(...(await firstListed()).slice(first.length))).toBeLessThanOrEqual(Math.min(...firstDays));
      await expect(page.locator('#status').textContent()).resolves.toBe(`${all.length} papers found for “transformer”.`);
    } finally {
      await page.unrouteAll();
    }
  });

  it('shows a pasted title’s paper before any shard is loaded, then the whole answer', async () => {
    // Hold every shard back: the paper must come from the term map and its fragment alone.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/pagefind\/shard-\d+\/(pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta)/, async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.goto(`${site.url}search/?q=${encodeURIComponent('quokka: gradient descent on HAPPY marsupials')}`);
      await page.locator('#status').filter({ hasText: 'still searching' }).waitFor();
      await expect(results().locator('h2').allTextContents()).resolves.toEqual(['Quokka: Gradient Descent on Happy Marsupials']);
      await expect(results().first().locator('a').getAttribute('href')).resolves.toBe('/archive/papers/quokka-gradient-descent/');
      await expect(results().first().locator('.meta').textContent()).resolves.toMatch(/^Published \w+ \d+, \d{4} · first listed \w+ \d+, \d{4}$/);
      release();
      expect((await titles())[0]).toBe('Quokka: Gradient Descent on Happy Marsupials');
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
