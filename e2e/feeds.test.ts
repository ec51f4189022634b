// Every feed (main, daily digest, each topic) in both formats and both builds: each JSON Feed
// validated with ajv against the JSON Feed 1.1 schema, each RSS feed read by a real feed parser
// (and its item HTML by an XML parser: the feed parser decodes entities once more, by design);
// the twins carry the same items; own URLs carry the base; every item links to a built page;
// each feed's items in the order and number the README gives, computed here from the fixture's
// files (topics from the hand-written e2e/fixture-topics.ts), so limits are checked against the
// base build's tiny ones; a paper item carries its abstract as the paper's file has it; the digest
// lists each day's papers in listed order; pages announce their feeds, and /feeds/ lists them all.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { DomUtils, parseDocument, Parser } from 'htmlparser2';
import yaml from 'js-yaml';
import { toString } from 'mdast-util-to-string';
import { remark } from 'remark';
import { describe, expect, inject, it } from 'vitest';
import { readConfig } from '../src/config.ts';
import { formatDay } from '../src/format/format-day.ts';
import { splitFrontMatter } from '../src/format/markdown-text.ts';
import { parseTopics } from '../src/topics/topics.ts';
import { jsonFeedErrors } from '../tests/helpers/json-feed-schema.ts';
import { FIXTURE_CONTENT } from './build-site.ts';
import { FIXTURE_TOPICS } from './fixture-topics.ts';
import { collectLinks, fileForPath, htmlFiles } from './collect-links.ts';
import type { SiteBuild } from './global-setup.ts';

const root = inject('rootSite');
const base = inject('baseSite');
const topics = parseTopics(readFileSync('topics.json', 'utf8'), 'topics.json');

/** The fixture's front matter, read from the content files themselves. */
function frontMatter(kind: 'days' | 'papers'): Map<string, Record<string, any>> {
  const dir = path.join(FIXTURE_CONTENT, kind);
  return new Map(
    readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => [f.slice(0, -3), yaml.load(splitFrontMatter(readFileSync(path.join(dir, f), 'utf8'))!.yaml) as Record<string, any>]),
  );
}
const fixtureDays = frontMatter('days');
const fixturePapers = frontMatter('papers');

/** The abstract in a paper's file, as text (Markdown read by remark, not by the site's code). */
const abstractOf = (slug: string): string =>
  toString(remark().parse(splitFrontMatter(readFileSync(path.join(FIXTURE_CONTENT, 'papers', `${slug}.md`), 'utf8'))!.body)).replace(/\s+/g, ' ').trim();
/** Every paper once, on the day it was first listed: newest day first, in listed order. */
const newestFirst: string[] = (() => {
  const seen = new Set<string>();
  const firstListed = [...fixtureDays.keys()].sort().map((d) => (fixtureDays.get(d)!.papers as string[]).filter((s) => !seen.has(s) && seen.add(s)));
  return firstListed.reverse().flat();
})();

/** A feed's files and page, relative to the base: the public URLs under test. */
interface FeedFiles {
  name: string;
  kind: 'papers' | 'digest';
  page: string;
  rss: string;
  json: string;
  /** Every item it holds without a limit, in order, as pages relative to the base. */
  items: string[];
}
const paperPages = (slugs: string[]) => slugs.map((s) => `papers/${s}/`);
const FEEDS: FeedFiles[] = [
  { name: 'main', kind: 'papers', page: '', rss: 'rss.xml', json: 'feed.json', items: paperPages(newestFirst) },
  { name: 'digest', kind: 'digest', page: 'days/', rss: 'digest.xml', json: 'digest.json', items: [...fixtureDays.keys()].sort().reverse().map((d) => `days/${d}/`) },
  ...topics.map(
    (t): FeedFiles => ({
      name: `topic ${t.name}`,
      kind: 'papers',
      page: `topics/${t.name}/`,
      rss: `topics/${t.name}/rss.xml`,
      json: `topics/${t.name}/feed.json`,
      items: paperPages(newestFirst.filter((s) => FIXTURE_TOPICS[t.name]?.includes(s))),
    }),
  ),
  // The fixture's one organisation, "Example Research Lab" (slug written by hand from the name).
  { name: 'organisation example-research-lab', kind: 'papers', page: 'orgs/example-research-lab/', rss: 'orgs/example-research-lab/rss.xml', json: 'orgs/example-research-lab/feed.json', items: paperPages(['organization-only-model']) },
];

/** The absolute URL of a file of `site`, from how it was built (SITE_URL, BASE_PATH). */
const url = (site: SiteBuild, rel: string) => `${site.siteUrl}${site.base}${rel}`;
const readJson = (site: SiteBuild, feed: FeedFiles) => JSON.parse(readFileSync(path.join(site.dir, feed.json), 'utf8'));
const readRss = (site: SiteBuild, feed: FeedFiles) => parseFeed(readFileSync(path.join(site.dir, feed.rss), 'utf8'));
const xml = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'item' });
/** Each RSS item's description exactly as written (XML entities decoded once). */
const rssDescriptions = (site: SiteBuild, feed: FeedFiles): string[] =>
  (xml.parse(readFileSync(path.join(site.dir, feed.rss), 'utf8')).rss.channel.item ?? []).map((i: { description: string }) => i.description);
const limitOf = (site: SiteBuild, feed: FeedFiles) => (feed.kind === 'digest' ? readConfig(site.env).digestLimit : readConfig(site.env).feedLimit);

/** A file of the build exists for an absolute URL of it. */
function builtFile(site: SiteBuild, href: string): boolean {
  const u = new URL(href);
  const file = u.origin === new URL(site.siteUrl).origin ? fileForPath(u.pathname, site.base) : undefined;
  return !!file && existsSync(path.join(site.dir, file));
}

/** `<link rel="alternate">` elements of a page, as {type, href, title}. */
function alternates(html: string): { type: string; href: string; title: string }[] {
  const found: { type: string; href: string; title: string }[] = [];
  const parser = new Parser({
    onopentag(name, a) {
      if (name === 'link' && a.rel === 'alternate') found.push({ type: a.type, href: a.href, title: a.title });
    },
  });
  parser.end(html);
  return found;
}

/** The items of a digest's content_html: each <li>'s link and text, with a real HTML parser. */
function listedLinks(html: string): { href: string; text: string }[] {
  const out: { href: string; text: string }[] = [];
  let inOl = 0;
  let current: { href: string; text: string } | undefined;
  const parser = new Parser({
    onopentag(name, a) {
      if (name === 'ol') inOl++;
      if (name === 'a' && inOl) current = { href: a.href, text: '' };
    },
    ontext(text) {
      if (current) current.text += text;
    },
    onclosetag(name) {
      if (name === 'a' && current) out.push(current), (current = undefined);
      if (name === 'ol') inOl--;
    },
  });
  parser.end(html);
  return out;
}

for (const site of [root, base]) {
  describe(`feeds of the ${site.base === '/' ? 'root' : 'sub-folder'} build`, () => {
    describe.each(FEEDS)('$name', (feed) => {
      const json = readJson(site, feed);
      const rss = readRss(site, feed);

      it('is valid JSON Feed 1.1 and RSS 2.0, each saying where it lives', () => {
        expect(jsonFeedErrors(json)).toEqual([]);
        expect(json).toMatchObject({ feed_url: url(site, feed.json), home_page_url: url(site, feed.page), language: 'en' });
        expect(rss.meta).toEqual({ type: 'rss', version: '2.0' });
        expect({ self: rss.self, url: rss.url, language: rss.language }).toEqual({ self: url(site, feed.rss), url: url(site, feed.page), language: 'en' });
        expect({ title: rss.title, description: rss.description }).toEqual({ title: json.title, description: json.description });
      });

      it('has the same items in both formats: unique permanent URLs of built pages, dated midnight UTC', () => {
        const fromJson = json.items.map((i: any) => ({ id: i.id, url: i.url, title: i.title, published: i.date_published, html: i.content_html }));
        const html = rssDescriptions(site, feed);
        const fromRss = rss.items.map((i, n) => ({ id: i.id, url: i.url, title: i.title, published: i.published?.toISOString().replace('.000Z', 'Z'), html: html[n] }));
        expect(fromRss).toEqual(fromJson);
        const ids = fromJson.map((i: { id: string }) => i.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const item of fromJson) {
          expect(item.url).toBe(item.id);
          expect(builtFile(site, item.id), item.id).toBe(true);
          expect(item.published).toMatch(/^\d{4}-\d\d-\d\dT00:00:00Z$/);
        }
      });

      it('holds its items newest first, at most its limit of them', () => {
        expect(feed.items.length).toBeGreaterThan(0);
        const limit = limitOf(site, feed);
        expect(json.items.map((i: { id: string }) => i.id)).toEqual(feed.items.slice(0, limit).map((rel) => url(site, rel)));
      });

      it.runIf(feed.kind === 'papers')('gives each paper its abstract as its file has it: one escaped paragraph, its opening as summary', () => {
        for (const item of json.items as { id: string; content_html: string; summary: string }[]) {
          const abstract = abstractOf(item.id.split('/').at(-2)!);
          // One paragraph of text: markup quoted in an abstract is escaped, never an element.
          const doc = parseDocument(item.content_html);
          expect(doc.children.map((c) => (c as { name?: string }).name), item.id).toEqual(['p']);
          expect(DomUtils.findAll(() => true, doc.children).map((e) => e.name), item.id).toEqual(['p']);
          expect(DomUtils.textContent(doc).replace(/\s+/g, ' ').trim(), item.id).toBe(abstract);
          // The summary is the abstract, or its opening cut after a whole word.
          if (abstract.length <= 250) expect(item.summary, item.id).toBe(abstract);
          else {
            expect(item.summary, item.id).toMatch(/\w…$/);
            expect(abstract.startsWith(item.summary.slice(0, -1)), item.id).toBe(true);
            expect(abstract[item.summary.length - 1], item.id).toMatch(/[\s,.;:]/);
          }
        }
      });
    });

    it('the hand-written topics name every topic of topics.json', () => {
      expect(Object.keys(FIXTURE_TOPICS).sort()).toEqual(topics.map((t) => t.name).sort());
    });

    it('the limits are real: the root build has every paper and day, the sub-folder build fewer', () => {
      const [main, digest] = FEEDS;
      const counts = { main: readJson(site, main).items.length, digest: readJson(site, digest).items.length };
      if (site === root) expect(counts).toEqual({ main: fixturePapers.size, digest: fixtureDays.size });
      else expect(counts).toEqual({ main: limitOf(site, main), digest: limitOf(site, digest) });
      expect(limitOf(base, main)).toBeLessThan(fixturePapers.size);
      expect(limitOf(base, digest)).toBeLessThan(fixtureDays.size);
    });

    it('the digest has one item per day, newest first, listing the day’s papers in listed order', () => {
      const digest = readJson(site, FEEDS[1]);
      const days = [...fixtureDays.keys()].sort().reverse().slice(0, limitOf(site, FEEDS[1]));
      expect(digest.items.map((i: { id: string }) => i.id)).toEqual(days.map((d) => url(site, `days/${d}/`)));
      expect(digest.items[0].title).toBe('Papers of February 3, 2025');
      for (const [n, item] of digest.items.entries()) {
        const day = days[n];
        expect(item.title).toBe(`Papers of ${formatDay(day)}`);
        expect(item.date_published).toBe(`${day}T00:00:00Z`);
        const slugs: string[] = fixtureDays.get(day)!.papers;
        expect(listedLinks(item.content_html)).toEqual(slugs.map((s) => ({ href: url(site, `papers/${s}/`), text: fixturePapers.get(s)!.title })));
        expect(item.summary).toBe(`${slugs.length} ${slugs.length === 1 ? 'paper' : 'papers'} listed on ${formatDay(day)}.`);
      }
    });

    it('pages announce their feeds (RSS and JSON Feed), and each announced feed is built', async () => {
      const pages = await htmlFiles(site.dir);
      const expected = (file: string): FeedFiles[] => {
        const own = FEEDS.filter((f) => f.kind === 'papers' && f.page !== '' && `${f.page}index.html` === file); // a topic's or an organisation's page
        const digest = ['index.html', 'days/index.html', 'feeds/index.html'].includes(file) ? [FEEDS[1]] : [];
        return [FEEDS[0], ...digest, ...own];
      };
      for (const file of pages.filter((f) => !f.startsWith('pagefind/'))) {
        const links = alternates(readFileSync(path.join(site.dir, file), 'utf8'));
        const want = expected(file).flatMap((f) => [
          { type: 'application/rss+xml', href: `${site.base}${f.rss}` },
          { type: 'application/feed+json', href: `${site.base}${f.json}` },
        ]);
        expect(links.map(({ type, href }) => ({ type, href })), file).toEqual(want);
        for (const l of links) expect(l.title, file).toMatch(/\((RSS|JSON Feed)\)$/);
      }
    });

    it('the header links to /feeds/, which links to every feed in both formats', () => {
      const home = readFileSync(path.join(site.dir, 'index.html'), 'utf8');
      expect(collectLinks(home)).toContain(`${site.base}feeds/`);
      const links = collectLinks(readFileSync(path.join(site.dir, 'feeds/index.html'), 'utf8'));
      for (const f of FEEDS) expect(links).toEqual(expect.arrayContaining([`${site.base}${f.rss}`, `${site.base}${f.json}`, `${site.base}${f.page}`]));
    });
  });
}
