// The search part of the benchmark: headless Chromium against the built site, served on
// loopback with gzip; time and bytes to the first result of a first and a follow-up query.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from 'playwright-core';
import { serveStatic } from './serve.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../../e2e/chromium.ts';
import { IDS } from '../../src/search/contract.ts';

/** The search page's elements, named by the search contract (src/search/contract.ts). */
export const RESULT_SELECTOR = `#${IDS.results} > li`;
export const INPUT_SELECTOR = `#${IDS.input}`;
/** The page marks its results list aria-busy while older shards are still being searched. */
export const LIST_SELECTOR = `#${IDS.results}`;
export const STATUS_SELECTOR = `#${IDS.status}`;
export const SEARCH_PATH = '/search/';

export interface QueryFigures {
  query: string;
  /** From navigation (first) or the keystroke (follow-up) to the first result in the DOM. */
  msToFirstResult: number | null;
  /** Body bytes the server sent up to the first result (gzip where served gzipped). */
  bytes: number;
  /** Time and bytes until the results cover the whole archive (every shard searched). */
  msToComplete?: number | null;
  bytesToComplete?: number;
  requests: number;
  /** Each request: method, path and bytes sent. */
  log?: string[];
  error?: string;
}

export interface SearchFigures {
  first: QueryFigures;
  followUp: QueryFigures;
}

export async function measureSearch(site: string, words: [string, string], timeoutMs = 30_000): Promise<SearchFigures> {
  const server = await serveStatic(site);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'bench-chromium-'));
  // A fresh profile folder per run (Playwright passes it as --user-data-dir): no cache.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const empty = (query: string, error?: string): QueryFigures => ({ query, msToFirstResult: null, bytes: 0, requests: 0, error });
  let first = empty(words[0]);
  let followUp = empty(words[1], 'skipped: first query failed');
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // The page reports its first result itself (a MutationObserver from the first byte), and
    // the time and bytes are taken then: polling from here lagged by up to half a second.
    const firstShown = Promise.withResolvers<void>();
    let shownAt: { ms: number; bytes: number; requests: number } | undefined;
    await page.exposeFunction('__benchFirstResult', () => {
      shownAt ??= { ms: performance.now() - t0, bytes: server.bytesSent(), requests: server.requests().length };
      firstShown.resolve();
    });
    await page.addInitScript((selector) => {
      const seen = () => document.querySelector(selector) && (window as unknown as { __benchFirstResult: () => void }).__benchFirstResult();
      new MutationObserver(seen).observe(document, { subtree: true, childList: true });
    }, RESULT_SELECTOR);
    server.reset();
    const t0 = performance.now();
    try {
      await page.goto(`${server.url}${SEARCH_PATH}?q=${encodeURIComponent(words[0])}`, { timeout: timeoutMs, waitUntil: 'commit' });
      await page.waitForSelector(RESULT_SELECTOR, { timeout: timeoutMs });
      await firstShown.promise; // reported by the observer no later than the selector was seen
      first = { query: words[0], msToFirstResult: shownAt!.ms, bytes: shownAt!.bytes, requests: shownAt!.requests };
      await waitComplete(page, words[0], timeoutMs);
      first = { ...first, msToComplete: performance.now() - t0, bytesToComplete: server.bytesSent(), log: [...server.requests()] };
    } catch (e) {
      first = { ...empty(words[0], (e as Error).message.split('\n')[0]), bytes: server.bytesSent(), requests: server.requests().length };
      return { first, followUp };
    }
    // Let the first query's late fragments settle so the follow-up counts only its own bytes.
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
    server.reset();
    const before = await page.$eval(RESULT_SELECTOR, (el) => el.textContent);
    const t1 = performance.now();
    try {
      await page.fill(INPUT_SELECTOR, words[1]);
      await page.waitForFunction(
        ([sel, prev]) => {
          const el = document.querySelector(sel);
          return !!el && el.textContent !== prev;
        },
        [RESULT_SELECTOR, before] as const,
        { timeout: timeoutMs, polling: 'raf' },
      );
      followUp = { query: words[1], msToFirstResult: performance.now() - t1, bytes: server.bytesSent(), requests: server.requests().length };
      await waitComplete(page, words[1], timeoutMs);
      followUp = { ...followUp, msToComplete: performance.now() - t1, bytesToComplete: server.bytesSent(), log: [...server.requests()] };
    } catch (e) {
      followUp = { ...empty(words[1], (e as Error).message.split('\n')[0]), bytes: server.bytesSent(), requests: server.requests().length };
    }
    return { first, followUp };
  } finally {
    await context.close().catch(() => {});
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Waits until the page reports complete results for `word`. */
async function waitComplete(page: Page, word: string, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    ([list, status, w]) =>
      document.querySelector(list)?.getAttribute('aria-busy') === 'false' && !!document.querySelector(status)?.textContent?.includes(w),
    [LIST_SELECTOR, STATUS_SELECTOR, word] as const,
    { timeout: timeoutMs, polling: 'raf' },
  );
}
