// What a reader sees on each page type, in a real browser, without JavaScript.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeInBrowser, launchBrowser } from './browser.ts';

const site = inject('rootSite');

describeInBrowser('pages', () => {
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    // JavaScript off: every page but search must work without it.
    page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    page.setDefaultTimeout(10_000);
    page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
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
    await expect(first.locator('.meta').innerText()).resolves.toBe('2 authors · Published January 1, 2025 · 3 comments');
    const unknown = page.locator('ol.papers > li').nth(2);
    await expect(unknown.locator('.meta').innerText()).resolves.toBe('Authors unknown · Published unknown · Comments unknown');
    await expect(page.locator('a[rel=prev]').getAttribute('href')).resolves.toBe('/days/2024-12-31/');
    await expect(page.locator('a[rel=next]').getAttribute('href')).resolves.toBe('/days/2025-02-03/');
  });

  it('the first and last days link only one way', async () => {
    await open('days/2024-11-29/');
    expect(await page.locator('a[rel=prev]').count()).toBe(0);
    await expect(page.locator('a[rel=next]').textContent()).resolves.toBe('December 31, 2024 →');
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
    expect(dialogs).toEqual([]);
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

  it('/days/ groups every day by year and month with its paper count', async () => {
    await open('days/');
    expect(await page.locator('main h2').allTextContents()).toEqual(['2025', '2024']);
    expect(await page.locator('main h3').allTextContents()).toEqual([
      'February 2025',
      'January 2025',
      'December 2024',
      'November 2024',
    ]);
    expect(await page.locator('main li').first().innerText()).toBe('February 3, 2025 — 3 papers');
  });

  it('every page has the feed link and a search form that works without JS; no scripts', async () => {
    for (const path of ['', 'days/', 'days/2024-12-31/', 'papers/fish-and-chips/', '404.html']) {
      await open(path);
      expect(await page.locator('link[rel=alternate][type="application/rss+xml"]').getAttribute('href')).toBe('/rss.xml');
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
