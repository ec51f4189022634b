// Organisations end to end: three raw dumps with organisation lines (e2e/fixtures/orgs/, in the
// format of docs/format.md) ingested with the real CLI and built under a sub-folder. Every
// expected value below is written by hand from the dumps: which papers each organisation has
// (spellings that differ in case, spacing or Unicode form merged; a paper relisted under another
// organisation moving to it), the names shown, the slugs (a collision, a script the
// transliterator lacks), the feeds (feed parser, JSON Feed 1.1 schema, RSS 2.0 structure), the
// OPML file against /feeds/, the statistics, the links from cards and paper pages, the filter
// in Chromium with and without JavaScript, and what a rebuild after a new day renders again.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonFeedErrors } from '../tests/helpers/json-feed-schema.ts';
import { runIngest } from '../tests/helpers/ingest.ts';
import { describeInBrowser, launchBrowser } from './browser.ts';
import { astroBuild } from './build-site.ts';
import { collectLinks, fileForPath } from './collect-links.ts';
import { IDS, SHOWN_SEARCH_ATTRIBUTE } from '../src/search/contract.ts';
import { serve, type Served } from './serve.ts';

type Element = ReturnType<typeof DomUtils.findAll>[number];

const DUMPS = path.resolve('e2e/fixtures/orgs');
const SITE = 'https://example.org';
const BASE = '/archive/';

/** Each organisation as the dumps give it: slug, name shown, papers newest first. */
const ORGS: { slug: string; name: string; also: string[]; papers: string[]; newestDay: string }[] = [
  // "ETH Zürich" composed (Mar 3) and decomposed (Mar 4), "eth zürich" (Apr 1).
  { slug: 'eth-zuerich', name: 'ETH Zürich', also: ['eth zürich'], papers: ['frost-speech-codecs', 'alpine-point-clouds', 'glacier-flow-transformers'], newestDay: 'Tue, 01 Apr 2025' },
  // "NVIDIA" twice, "nvidia" once; the relisted paper counts once.
  { slug: 'nvidia', name: 'NVIDIA', also: ['nvidia'], papers: ['ember-video-synthesis', 'cobalt-agents-plan-ahead', 'sparse-mixture-routing-at-scale'], newestDay: 'Tue, 01 Apr 2025' },
  // Both first listed on Mar 3 (one under Shanghai AI Lab, one with 5 authors), relisted under KAIST AI.
  { slug: 'kaist-ai', name: 'KAIST AI', also: [], papers: ['orchid-reasoning-traces', 'lantern-retrieval-models'], newestDay: 'Tue, 01 Apr 2025' },
  // "Tencent  Hunyuan" (two spaces, Mar 4) and "TENCENT HUNYUAN" (Apr 1): a tie, the first listed shown.
  { slug: 'tencent-hunyuan', name: 'Tencent Hunyuan', also: ['TENCENT HUNYUAN'], papers: ['coral-code-agents', 'harbor-vision-benchmarks'], newestDay: 'Tue, 01 Apr 2025' },
  // Two organisations whose slugs collide: the first listed keeps it; sha256("meta-ai") starts 43939d3e.
  { slug: 'meta-ai', name: 'Meta AI', also: [], papers: ['latent-garden-diffusion'], newestDay: 'Mon, 03 Mar 2025' },
  { slug: 'meta-ai-43939d3e', name: 'Meta-AI', also: [], papers: ['meta-learning-the-hyphen-way'], newestDay: 'Tue, 04 Mar 2025' },
  // Nothing to transliterate: sha256("清华大学") starts 07a6d492.
  { slug: 'org-07a6d492', name: '清华大学', also: [], papers: ['bamboo-graph-networks'], newestDay: 'Mon, 03 Mar 2025' },
];

let tmp: string;
let content: string;
let dist: string;
let served: Served;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'archive-e2e-orgs-'));
  content = path.join(tmp, 'content');
  const ingest = runIngest(content, [DUMPS]);
  expect(ingest.code, ingest.err).toBe(0);
  dist = path.join(tmp, 'dist');
  await build();
  served = await serve(dist, BASE);
});
afterAll(async () => {
  await served?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

// Search shards of 4 papers: the organisation filter has papers in several shards to gather.
const build = () => astroBuild({ content, outDir: dist, cacheDir: path.join(tmp, 'cache'), env: { SITE_URL: SITE, BASE_PATH: BASE, PAGEFIND_SHARD_SIZE: '4' } });
const read = (file: string) => readFileSync(path.join(dist, file), 'utf8');
const doc = (file: string) => parseDocument(read(file)).children as Element[];
const all = (root: Element[], test: (e: Element) => boolean) => DomUtils.findAll(test, root);
const text = (e: Element) => DomUtils.textContent(e).replace(/\s+/g, ' ').trim();
const main = (file: string) => all(doc(file), (e) => e.name === 'main');
/** The papers a list page shows: the slug of each card's title link, in order. */
const cards = (file: string) =>
  all(main(file), (e) => e.name === 'a' && (e.parent as Element | null)?.name === 'h2').map((a) => /\/papers\/([^/]+)\/$/.exec(a.attribs.href)![1]);
const abs = (rel: string) => `${SITE}${BASE}${rel}`;

describe('organisation pages', () => {
  it('/orgs/ lists every organisation once, most papers first, linked, with its count', () => {
    const items = all(main('orgs/index.html'), (e) => e.name === 'li' && (e.parent as Element | null)?.attribs.id === 'orgs');
    expect(items.map((li) => [all([li], (e) => e.name === 'a')[0].attribs.href, text(li)])).toEqual(
      ORGS.map((o) => [`${BASE}orgs/${o.slug}/`, `${o.name} ${o.papers.length} ${o.papers.length === 1 ? 'paper' : 'papers'}`]),
    );
    // 16 distinct titles over the three dumps, 13 of them under an organisation.
    expect(text(all(main('orgs/index.html'), (e) => e.name === 'p')[0])).toContain('7 organisations, most papers first. 13 papers of 16 (81.3%)');
  });

  it.each(ORGS)('/orgs/$slug/ shows $name and exactly its papers, newest first, and its feeds', (org) => {
    const file = `orgs/${org.slug}/index.html`;
    expect(text(all(main(file), (e) => e.name === 'h1')[0])).toBe(org.name);
    expect(cards(file)).toEqual(org.papers);
    const intro = text(all(main(file), (e) => e.name === 'p')[0]);
    expect(intro.startsWith(`${org.papers.length} ${org.papers.length === 1 ? 'paper' : 'papers'} listed under this organisation`)).toBe(true);
    if (org.also.length) expect(intro).toContain(`(also written ${org.also.map((s) => `“${s}”`).join(', ')})`);
    else expect(intro).not.toContain('also written');
    const alternates = all(doc(file), (e) => e.name === 'link' && e.attribs.rel === 'alternate').map((l) => [l.attribs.type, l.attribs.href]);
    expect(alternates).toEqual(expect.arrayContaining([['application/rss+xml', `${BASE}orgs/${org.slug}/rss.xml`], ['application/feed+json', `${BASE}orgs/${org.slug}/feed.json`]]));
    expect(collectLinks(read(file))).toEqual(expect.arrayContaining([`${BASE}orgs/${org.slug}/rss.xml`, `${BASE}orgs/${org.slug}/feed.json`, `${BASE}orgs/`]));
  });

  it('an organisation whose only paper moved to another has no page', () => {
    expect(existsSync(path.join(dist, 'orgs/shanghai-ai-lab'))).toBe(false);
    expect(read('orgs/index.html')).not.toContain('Shanghai');
  });

  it('cards and paper pages link the organisation, count of authors kept', () => {
    const day = all(main('days/2025-03-04/index.html'), (e) => e.name === 'li');
    const cobalt = day.find((li) => text(li).startsWith('Cobalt Agents Plan Ahead'))!;
    expect(all([cobalt], (e) => e.name === 'a' && e.attribs.href === `${BASE}orgs/nvidia/`).map(text)).toEqual(['nvidia']);
    const lantern = all(main('papers/lantern-retrieval-models/index.html'), (e) => e.name === 'dd')[0];
    expect(text(lantern)).toBe('5 authors, KAIST AI');
    expect(all([lantern], (e) => e.name === 'a').map((a) => a.attribs.href)).toEqual([`${BASE}orgs/kaist-ai/`]);
    const quiet = all(main('papers/quiet-tokens-for-speech/index.html'), (e) => e.name === 'dd')[0];
    expect([text(quiet), all([quiet], (e) => e.name === 'a').length]).toEqual(['4 authors', 0]);
  });
});

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => name === 'item' || name === 'outline' });

describe('organisation feeds', () => {
  it.each(ORGS)('$slug: JSON Feed 1.1 and RSS 2.0 with its papers, newest first', async (org) => {
    const json = JSON.parse(read(`orgs/${org.slug}/feed.json`));
    expect(jsonFeedErrors(json)).toEqual([]);
    expect(json).toMatchObject({ title: `Daily Papers Archive: ${org.name}`, feed_url: abs(`orgs/${org.slug}/feed.json`), home_page_url: abs(`orgs/${org.slug}/`) });
    expect(json.items.map((i: { id: string }) => i.id)).toEqual(org.papers.map((s) => abs(`papers/${s}/`)));

    const rssText = read(`orgs/${org.slug}/rss.xml`);
    const feed = parseFeed(rssText);
    expect(feed.meta).toEqual({ type: 'rss', version: '2.0' });
    expect([feed.title, feed.url, feed.self]).toEqual([json.title, abs(`orgs/${org.slug}/`), abs(`orgs/${org.slug}/rss.xml`)]);
    expect(feed.items.map((i) => i.id)).toEqual(json.items.map((i: { id: string }) => i.id));

    // RSS 2.0's required structure, read as plain XML.
    const { rss } = xml.parse(rssText);
    expect(rss['@version']).toBe('2.0');
    const channel = rss.channel;
    for (const field of ['title', 'link', 'description']) expect(typeof channel[field], field).toBe('string');
    expect(channel.lastBuildDate).toBe(`${org.newestDay} 00:00:00 GMT`);
    for (const item of channel.item) {
      expect(item.guid['@isPermaLink']).toBe('true');
      expect(item.guid['#text']).toBe(item.link);
      expect(item.pubDate).toMatch(/^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} 00:00:00 GMT$/);
    }
  });
});

describe('/feeds.opml', () => {
  it('is OPML 2.0 listing, by kind, every feed /feeds/ lists, each once by its RSS URL', () => {
    const { opml } = xml.parse(read('feeds.opml'));
    expect(opml['@version']).toBe('2.0');
    expect(opml.head.title).toBe('Daily Papers Archive: every feed');
    const groups: { '@text': string; outline: Record<string, string>[] }[] = opml.body.outline;
    expect(groups.map((g) => g['@text'])).toEqual(['All papers', 'Daily digest', 'Topics', 'Organisations']);
    expect(groups[3].outline.map((o) => [o['@text'], o['@xmlUrl'], o['@htmlUrl']])).toEqual(
      ORGS.map((o) => [o.name, abs(`orgs/${o.slug}/rss.xml`), abs(`orgs/${o.slug}/`)]),
    );
    const listed = groups.flatMap((g) => g.outline);
    for (const o of listed) {
      expect(o['@type']).toBe('rss');
      for (const url of [o['@xmlUrl'], o['@htmlUrl']]) expect(existsSync(path.join(dist, fileForPath(new URL(url).pathname, BASE)!)), url).toBe(true);
    }
    // /feeds/ links each feed in both formats; the OPML has each feed once, as RSS.
    const feedsPage = collectLinks(read('feeds/index.html'));
    const rssOnFeedsPage = feedsPage.filter((href) => /(rss|digest)\.xml$/.test(href)).map((href) => abs(href.slice(BASE.length)));
    expect(listed.map((o) => o['@xmlUrl']).sort()).toEqual([...new Set(rssOnFeedsPage)].sort());
    expect(feedsPage).toContain(`${BASE}feeds.opml`);
    for (const org of ORGS) expect(feedsPage).toEqual(expect.arrayContaining([`${BASE}orgs/${org.slug}/rss.xml`, `${BASE}orgs/${org.slug}/feed.json`]));
  });
});

describe('/stats/ organisations', () => {
  const section = () => all(main('stats/index.html'), (e) => e.name === 'section' && e.attribs['aria-labelledby'] === 'orgs')[0];
  const rows = (table: Element) => all([table], (e) => e.name === 'tr' && (e.parent as Element | null)?.name === 'tbody').map((tr) => all([tr], (e) => e.name === 'th' || e.name === 'td').map(text));

  it('ranks organisations by papers (ties by name), each linked to its page', () => {
    const table = all([section()], (e) => e.name === 'table' && e.attribs.class === 'bars')[0];
    expect(rows(table).map((r) => [r[1], r[2]])).toEqual(ORGS.map((o) => [o.name, String(o.papers.length)]));
    expect(all([table], (e) => e.name === 'a').map((a) => a.attribs.href)).toEqual(ORGS.map((o) => `${BASE}orgs/${o.slug}/`));
  });

  it('draws papers per month, by month first listed, for the four largest', () => {
    const charts = all([section()], (e) => e.name === 'svg' && e.attribs.role === 'img');
    expect(charts.map((svg) => text(all([svg], (e) => e.name === 'title')[0]))).toEqual([
      'ETH Zürich: papers per month',
      'NVIDIA: papers per month',
      'KAIST AI: papers per month',
      'Tencent Hunyuan: papers per month',
    ]);
    const table = all([section()], (e) => e.name === 'details')[0];
    expect(rows(all([table], (e) => e.name === 'table')[0])).toEqual([
      ['March 2025', '2', '2', '2', '1'],
      ['April 2025', '1', '1', '0', '1'],
    ]);
  });
});

describeInBrowser('/orgs/ in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());
  const visible = (page: import('playwright-core').Page) => page.locator('#orgs > li:visible a').allTextContents();

  it('narrows the list as you type, ignoring case, accents and punctuation', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('orgs/', served.url).href);
    const input = page.getByLabel('Filter organisations');
    await input.fill('zurich');
    expect(await visible(page)).toEqual(['ETH Zürich']);
    await expect(page.locator('#org-filter-status').textContent()).resolves.toBe('1 of 7 organisations.');
    await input.fill('meta ai');
    expect(await visible(page)).toEqual(['Meta AI', 'Meta-AI']);
    await input.fill('quokka');
    expect(await visible(page)).toEqual([]);
    await expect(page.locator('#org-filter-status').textContent()).resolves.toBe('No organisation matches.');
    await input.fill('');
    expect(await visible(page)).toEqual(ORGS.map((o) => o.name));
    await page.close();
  });

  /** The search page at `search` once its answer is shown: the slugs of the results, and the status line. */
  async function searched(page: import('playwright-core').Page, search: string): Promise<{ slugs: string[]; status: string }> {
    await page.goto(new URL(`search/${search}`, served.url).href);
    // Attached, not visible: an empty list takes no space.
    await page.locator(`#${IDS.results}[${SHOWN_SEARCH_ATTRIBUTE}="${search}"][aria-busy="false"]`).waitFor({ state: 'attached' });
    const hrefs = await page.locator(`#${IDS.results} > li h2 a`).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    return { slugs: hrefs.map((h) => /\/papers\/([^/]+)\/$/.exec(h)![1]), status: (await page.locator(`#${IDS.status}`).textContent()) ?? '' };
  }

  it('search by organisation finds exactly its papers, newest first, and names it in the menu', { timeout: 120_000 }, async () => {
    const page = await browser.newPage();
    for (const org of ORGS) {
      const { slugs, status } = await searched(page, `?org=${org.slug}`);
      expect(slugs, org.slug).toEqual(org.papers);
      expect(status).toBe(`${org.papers.length} ${org.papers.length === 1 ? 'paper' : 'papers'} found.`);
      expect(await page.locator(`#${IDS.org} option:checked`).textContent()).toBe(`${org.name} (${org.papers.length})`);
    }
    await page.close();
  });

  it('search by organisation and words finds the papers that have both', { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    expect((await searched(page, '?q=agents')).slugs.sort()).toEqual(['cobalt-agents-plan-ahead', 'coral-code-agents']);
    expect((await searched(page, '?q=agents&org=nvidia')).slugs).toEqual(['cobalt-agents-plan-ahead']);
    expect((await searched(page, '?q=agents&org=tencent-hunyuan')).slugs).toEqual(['coral-code-agents']);
    expect((await searched(page, '?q=speech&org=eth-zuerich')).slugs).toEqual(['frost-speech-codecs']);
    expect(await searched(page, '?q=speech&org=nvidia')).toEqual({ slugs: [], status: 'No paper found for “speech”.' });
    // Sorted by comments, which needs the shards' facts: NVIDIA's 11, 9 (relisted), 2.
    expect((await searched(page, '?org=nvidia&sort=comments')).slugs).toEqual(['ember-video-synthesis', 'sparse-mixture-routing-at-scale', 'cobalt-agents-plan-ahead']);
    expect(await searched(page, '?org=quokka')).toEqual({ slugs: [], status: 'No organisation “quokka” in the archive.' });
    // A slug naming another file of the index (the plan is JSON too) is no organisation either.
    expect(await searched(page, '?org=..%2Fshards')).toEqual({ slugs: [], status: 'No organisation “../shards” in the archive.' });
    await page.close();
  });

  it('the menu and an organisation page\'s search form put the organisation in the URL', { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    await page.goto(new URL('search/?q=agents', served.url).href);
    await page.locator(`#${IDS.results}[aria-busy="false"]`).waitFor();
    await page.getByLabel('Organisation').selectOption('tencent-hunyuan');
    await page.locator(`#${IDS.results}[${SHOWN_SEARCH_ATTRIBUTE}="?q=agents&org=tencent-hunyuan"][aria-busy="false"]`).waitFor();
    expect(new URL(page.url()).search).toBe('?q=agents&org=tencent-hunyuan');
    await page.goto(new URL('orgs/eth-zuerich/', served.url).href);
    await page.getByLabel('Search its papers').fill('speech');
    await page.getByLabel('Search its papers').press('Enter');
    await page.locator(`#${IDS.results}[${SHOWN_SEARCH_ATTRIBUTE}="?q=speech&org=eth-zuerich"][aria-busy="false"]`).waitFor();
    expect(await page.locator(`#${IDS.results} > li h2 a`).allTextContents()).toEqual(['Frost Speech Codecs']);
    await page.close();
  });

  it('without JavaScript is the plain list, with no box to type in', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('orgs/', served.url).href);
    expect(await visible(page)).toEqual(ORGS.map((o) => o.name));
    expect(await page.getByLabel('Filter organisations').isVisible()).toBe(false);
    await context.close();
  });

  it('has no serious or critical axe violations, light and dark, on /orgs/ and an organisation', { timeout: 120_000 }, async () => {
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      for (const rel of ['orgs/', 'orgs/nvidia/']) {
        await page.goto(new URL(rel, served.url).href);
        const { violations } = await new AxeBuilder({ page }).analyze();
        for (const v of violations) if (v.impact === 'serious' || v.impact === 'critical') found.push(`${colorScheme} /${rel} ${v.id}`);
      }
      await context.close();
    }
    expect(found).toEqual([]);
  });
});

// Last: it adds a day to the archive the tests above read.
describe('a rebuild after a new day', () => {
  it('renders again only the organisations the day touches, their feeds, and the list', { timeout: 180_000 }, async () => {
    // Apr 2: a paper of NVIDIA's, and one of an organisation not seen before.
    const ingest = runIngest(content, [path.join(DUMPS, 'later')]);
    expect(ingest.code, ingest.err).toBe(0);
    const log = await build();
    const orgFiles = (cached: boolean) =>
      log.split('\n').filter((l) => l.includes('(cached)') === cached).flatMap((l) => /\s\/?(orgs\/\S*\.(?:html|xml|json))/.exec(l)?.[1] ?? []).sort();
    const files = (slug: string) => [`orgs/${slug}/feed.json`, `orgs/${slug}/index.html`, `orgs/${slug}/rss.xml`];
    expect(orgFiles(false)).toEqual([...files('allen-ai'), 'orgs/index.html', ...files('nvidia')]);
    expect(orgFiles(true)).toEqual(ORGS.filter((o) => o.slug !== 'nvidia').flatMap((o) => files(o.slug)).sort());
    expect(cards('orgs/nvidia/index.html')).toEqual(['willow-robot-hands', ...ORGS[1].papers]);
  });
});
