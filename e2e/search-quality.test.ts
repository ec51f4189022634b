// Search quality, as a reader meets it: a real build of a fixture archive of real-looking
// abstracts (e2e/fixtures/search-quality, indexed in shards of 6 so merging is exercised),
// searched in Chromium. Title words find their paper in the top 3, topic words in the top
// 10, a title word with one letter dropped still finds it (≥ 80 %), nonsense finds nothing.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, launchBrowser } from './browser.ts';
import { astroBuild } from './build-site.ts';
import { serve, type Served } from './serve.ts';
import { IDS, SHOWN_SEARCH_ATTRIBUTE } from '../src/search/contract.ts';
import { queryWords } from '../src/format/words.ts';

const FIXTURE = path.resolve('e2e/fixtures/search-quality');
/** `[slug, title, first listed, comments, abstract, topic words]` per paper. */
type Row = [string, string, string, number, string, string[]];
const papers: Row[] = JSON.parse(readFileSync(path.join(FIXTURE, 'papers.json'), 'utf8'));
const NONSENSE = ['asdfgh', 'blorptastic', 'banana', 'qwertyuiop', 'zzyzx', 'flumbergast'];
const STOP = new Set(['with', 'from', 'for', 'the', 'and', 'without', 'learning', 'models', 'language']);

/** The two longest distinctive words of a title. */
const titleWords = (title: string) =>
  queryWords(title)
    .filter((w) => !STOP.has(w) && w.length > 3)
    .sort((a, b) => b.length - a.length)
    .slice(0, 2);
/** A title word of at least 7 letters with its middle letter dropped. */
const typoOf = (title: string) => {
  const word = queryWords(title).filter((w) => !STOP.has(w) && w.length >= 7)[0];
  return word && word.slice(0, word.length >> 1) + word.slice((word.length >> 1) + 1);
};

describeInBrowser('search quality', () => {
  let tmp = '';
  let site: Served;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'archive-e2e-quality-'));
    const outDir = path.join(tmp, 'dist');
    await astroBuild({ content: path.join(FIXTURE, 'content'), outDir, cacheDir: path.join(tmp, 'cache'), env: { PAGEFIND_SHARD_SIZE: '6' } });
    site = await serve(outDir, '/');
    browser = await launchBrowser();
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => errors.push(e.message));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  /** Waits for the answer over the whole archive (not the newest shards' first answer). */
  const complete = () =>
    page.waitForFunction(
      ({ results, status }) => {
        const text = document.getElementById(status)?.textContent ?? '';
        return document.getElementById(results)?.getAttribute('aria-busy') === 'false' && /found|No paper/.test(text) && !/still searching/.test(text);
      },
      { results: IDS.results, status: IDS.status },
    );

  /** Slugs of the complete results of `q` (whole archive searched), and the status line. */
  async function search(q: string): Promise<{ slugs: string[]; status: string }> {
    await page.goto(`${site.url}search/?q=${encodeURIComponent(q)}`);
    await complete();
    const hrefs = await page.locator(`#${IDS.results} > li h2 a`).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    return { slugs: hrefs.map((h) => h.replace(/^\/papers\/|\/$/g, '')), status: (await page.locator(`#${IDS.status}`).textContent()) ?? '' };
  }

  it('finds each paper by two of its title words in the top 3', async () => {
    const misses: string[] = [];
    for (const [slug, title] of papers) {
      const q = titleWords(title).join(' ');
      const { slugs } = await search(q);
      if (!slugs.slice(0, 3).includes(slug)) misses.push(`${q} → ${slugs.slice(0, 3).join(', ')}`);
    }
    expect(misses).toEqual([]);
  }, 120_000);

  it('finds each paper by three topic words of its abstract in the top 10', async () => {
    const misses: string[] = [];
    for (const [slug, , , , , topic] of papers) {
      const { slugs } = await search(topic.join(' '));
      if (!slugs.slice(0, 10).includes(slug)) misses.push(topic.join(' '));
    }
    expect(misses).toEqual([]);
  }, 120_000);

  it('finds nothing for words no paper mentions, and says so', async () => {
    for (const word of NONSENSE) {
      const { slugs, status } = await search(word);
      expect(slugs, word).toEqual([]);
      expect(status, word).toBe(`No paper mentions “${word}”.`);
    }
  }, 120_000);

  it('still finds the paper for at least 80 % of one-letter typos of a title word', async () => {
    const cases = papers.map(([slug, title]) => [slug, typoOf(title)] as const).filter(([, typo]) => typo);
    expect(cases.length).toBeGreaterThanOrEqual(15);
    const found: string[] = [];
    for (const [slug, typo] of cases) if ((await search(typo!)).slugs.slice(0, 10).includes(slug)) found.push(typo!);
    expect(found.length / cases.length).toBeGreaterThanOrEqual(0.8);
  }, 120_000);

  it('offers a one-click suggestion that searches the known word', async () => {
    await search('equivariat');
    const link = page.locator(`#${IDS.suggestions} a`).first();
    await expect(link.textContent()).resolves.toBe('equivariant');
    await link.click();
    await expect.poll(() => new URL(page.url()).search).toBe('?q=equivariant');
    await expect.poll(() => page.locator(`#${IDS.results} > li h2`).first().textContent()).toBe('Equivariant Graph Networks for Molecular Dynamics');
  });

  it('orders by newest listed and by most comments across shards, in the URL', async () => {
    const byComments = papers.filter(([, , , , abstract]) => /model/i.test(abstract));
    await page.goto(`${site.url}search/?q=model&sort=comments`);
    await complete();
    const shown = await page.locator(`#${IDS.results} > li h2`).allTextContents();
    const comments = shown.map((t) => byComments.find((p) => p[1] === t)?.[3] ?? -1);
    expect(comments.length).toBeGreaterThan(3);
    expect(comments).toEqual([...comments].sort((a, b) => b - a));
    await page.selectOption(`#${IDS.sort}`, 'newest');
    await expect.poll(() => new URL(page.url()).search).toBe('?q=model&sort=newest');
    // The list says which search its results belong to: wait for the newest-first ones.
    await page.locator(`#${IDS.results}[${SHOWN_SEARCH_ATTRIBUTE}="?q=model&sort=newest"][aria-busy="false"]`).waitFor();
    const newest = await page.locator(`#${IDS.results} > li h2`).allTextContents();
    const days = newest.map((t) => papers.find((p) => p[1] === t)![2]);
    expect(days).toEqual([...days].sort().reverse());
    expect(errors).toEqual([]);
  });

  it('keeps focus on the first new result after the last "Show more"', async () => {
    await page.goto(`${site.url}search/?q=model`);
    const more = page.locator(`#${IDS.more}`);
    await more.waitFor();
    await more.click();
    await expect.poll(() => more.isHidden()).toBe(true);
    const focused = await page.evaluate(() => document.activeElement?.closest('li')?.parentElement?.id);
    expect(focused).toBe(IDS.results);
  });
});
