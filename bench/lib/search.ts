// The search part of the benchmark: headless Chromium against the built site, served on
// loopback with gzip; time and bytes to the first result of a first and a follow-up query, and
// for a query set (bench/lib/search-queries.ts), each query in a fresh browser: bytes and
// requests by file kind, and the time to the first result under Chromium's Slow 4G throttling.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from 'playwright-core';
import { serveStatic } from './serve.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../../e2e/chromium.ts';
import { COVERAGE_ATTRIBUTE, IDS } from '../../src/search/contract.ts';
import type { BenchQuery } from './search-queries.ts';

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

/** What a request fetched, by the path the page asked for. */
export type FileKind = 'page' | 'engine' | 'entry' | 'metadata' | 'chunks' | 'fragments' | 'filters' | 'own' | 'other';
export const FILE_KINDS: FileKind[] = ['page', 'engine', 'entry', 'metadata', 'chunks', 'fragments', 'filters', 'own', 'other'];

/** The kind of a served path: Pagefind's files by their names, the project's own beside them. */
export function fileKind(pathname: string): FileKind {
  if (/\/pagefind\/(.*\/)?(pagefind\.js|pagefind-worker\.js|wasm\.[\w-]+\.pagefind)$/.test(pathname)) return 'engine';
  if (pathname.endsWith('/pagefind-entry.json')) return 'entry';
  if (pathname.endsWith('.pf_meta')) return 'metadata';
  if (pathname.endsWith('.pf_index')) return 'chunks';
  if (pathname.endsWith('.pf_fragment')) return 'fragments';
  if (pathname.endsWith('.pf_filter')) return 'filters';
  if (pathname.includes('/pagefind/')) return 'own';
  if (pathname.endsWith('/') || pathname.endsWith('.html') || pathname.startsWith('/_astro/')) return 'page';
  return 'other';
}

/** Bytes and requests of a server log (`METHOD path bytes` lines), in all and by kind. */
export function tally(log: readonly string[]): { bytes: number; requests: number; byKind: Partial<Record<FileKind, { bytes: number; requests: number }>> } {
  const byKind: Partial<Record<FileKind, { bytes: number; requests: number }>> = {};
  let bytes = 0;
  for (const line of log) {
    const [, pathname = '', size = '0'] = line.split(' ');
    const kind = (byKind[fileKind(pathname)] ??= { bytes: 0, requests: 0 });
    kind.bytes += Number(size) || 0;
    kind.requests++;
    bytes += Number(size) || 0;
  }
  return { bytes, requests: log.length, byKind };
}

/**
 * Chromium DevTools' "Slow 4G" preset (as of Chrome 120): 150 ms latency × 3.75, 1.6 Mbit/s
 * down × 0.9, 750 kbit/s up × 0.9.
 */
export const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024) / 8 * 0.9, uploadThroughput: (750 * 1024) / 8 * 0.9 };

export interface QuerySetFigures extends BenchQuery {
  /** Up to the first result in the DOM. */
  first: ReturnType<typeof tally> | null;
  /** Up to the settled answer (the list no longer busy): everything this query cost. */
  settled: ReturnType<typeof tally> | null;
  /** Whether the settled answer covers the whole archive (else the page offers older papers). */
  whole: boolean | null;
  /** Results shown, and the status line. */
  shown: number;
  status: string;
  /** Time to the first result with the network throttled to Slow 4G (fresh browser). */
  slowMsToFirstResult: number | null;
  log?: string[];
  error?: string;
}

/** Every query of `queries`, each from a cold browser: unthrottled for bytes, then Slow 4G for time. */
export async function measureQuerySet(site: string, queries: readonly BenchQuery[], { timeoutMs = 60_000, throttled = true } = {}): Promise<QuerySetFigures[]> {
  const server = await serveStatic(site);
  const out: QuerySetFigures[] = [];
  try {
    for (const q of queries) {
      const figures: QuerySetFigures = { ...q, first: null, settled: null, whole: null, shown: 0, status: '', slowMsToFirstResult: null };
      try {
        await coldQuery(server, q.query, timeoutMs, false, figures);
        if (throttled) await coldQuery(server, q.query, timeoutMs * 3, true, figures);
      } catch (e) {
        figures.error = (e as Error).message.split('\n')[0];
      }
      out.push(figures);
    }
  } finally {
    await server.close();
  }
  return out;
}

async function coldQuery(server: Awaited<ReturnType<typeof serveStatic>>, query: string, timeoutMs: number, slow: boolean, figures: QuerySetFigures): Promise<void> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    if (slow) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    }
    // The page reports when its first result appeared (its own clock, Date.now(), is the server's):
    // the bytes to it are those of the responses sent by then, not of whatever followed while the
    // report travelled.
    let shownAt: { ms: number; wall: number } | undefined;
    await page.exposeFunction('__benchFirstResult', (wall: number) => {
      shownAt ??= { ms: performance.now() - t0, wall };
    });
    await page.addInitScript((selector) => {
      const seen = () => document.querySelector(selector) && (window as unknown as { __benchFirstResult: (wall: number) => void }).__benchFirstResult(Date.now());
      new MutationObserver(seen).observe(document, { subtree: true, childList: true });
    }, RESULT_SELECTOR);
    server.reset();
    const t0 = performance.now();
    await page.goto(`${server.url}${SEARCH_PATH}?q=${encodeURIComponent(query)}`, { timeout: timeoutMs, waitUntil: 'commit' });
    // Settled: the list is not busy and the status says what was found (or that nothing was).
    await page.waitForFunction(
      ([list, status]) => document.querySelector(list)?.getAttribute('aria-busy') === 'false' && /found|No paper/.test(document.querySelector(status)?.textContent ?? '') && !/searching the whole archive|still searching/.test(document.querySelector(status)?.textContent ?? ''),
      [LIST_SELECTOR, STATUS_SELECTOR] as const,
      { timeout: timeoutMs, polling: 'raf' },
    );
    if (slow) {
      figures.slowMsToFirstResult = shownAt?.ms ?? null;
      return;
    }
    // The fragments of the shown results may still be arriving for the rest of the page.
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
    figures.first = shownAt ? tally(server.timeline().filter((r) => r.at <= shownAt!.wall).map((r) => r.line)) : null;
    figures.settled = tally(server.requests());
    figures.log = [...server.requests()];
    figures.shown = await page.locator(RESULT_SELECTOR).count();
    figures.status = (await page.locator(STATUS_SELECTOR).textContent()) ?? '';
    figures.whole = (await page.locator(STATUS_SELECTOR).getAttribute(COVERAGE_ATTRIBUTE)) !== 'part';
  } finally {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}
