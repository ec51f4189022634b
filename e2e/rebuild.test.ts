// What renders every page again, and what brings pages back from the cache, on a copy of the
// project (so its lockfile and code can change without touching this one) building a generated
// archive: 210 papers over 7 days, all about one topic, which also puts the topic page's
// 200-paper cap and the topic feed's order and FEED_LIMIT to the test. One cold build, then one
// build per promise, each starting from the cache the build before it left.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDay, renderPaper } from '../scripts/ingest/render.ts';
import { DEFAULT_FEED_LIMIT } from '../src/config.ts';
import { astroBuild } from './build-site.ts';

const DAYS = ['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07', '2025-03-08', '2025-03-09'];
const PER_DAY = 30;
const slugOf = (day: string, n: number) => `video-study-${day.slice(5).replace('-', '')}-${String(n).padStart(2, '0')}`;
/** Every paper newest first, by construction: the last day's first, each day in listed order. */
const NEWEST_FIRST = [...DAYS].reverse().flatMap((day) => Array.from({ length: PER_DAY }, (_, n) => slugOf(day, n)));
const SITE_URL = 'https://first.example.org';

let tmp = '';
const project = () => path.join(tmp, 'project');
const outDir = () => path.join(tmp, 'dist');
const build = (options: { env?: Record<string, string>; args?: string[] } = {}) =>
  astroBuild({ content: path.join(tmp, 'content'), outDir: outDir(), cacheDir: path.join(tmp, 'cache'), cwd: project(), env: { SITE_URL, ...options.env }, args: options.args });

/** The HTML pages a build's log lists, each as rendered, or kept (`cached` in dist/, `restored` from the cache). */
function pagesOf(log: string): Map<string, 'rendered' | 'cached' | 'restored'> {
  const pages = new Map<string, 'rendered' | 'cached' | 'restored'>();
  for (const line of log.split('\n')) {
    const page = /[├└]─ (\/\S*\.html)/.exec(line)?.[1];
    if (page) pages.set(page, line.includes('(restored)') ? 'restored' : line.includes('(cached)') ? 'cached' : 'rendered');
  }
  return pages;
}
const count = (pages: Map<string, string>, how: string) => [...pages.values()].filter((h) => h === how).length;

/** Every file of the output and its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => !e.isDirectory());
  return new Map(files.map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name))]));
}

let first: { pages: Map<string, string> };

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'archive-e2e-rebuild-'));
  // The project: its sources and lockfile copied, its packages linked one by one (so Vite's
  // cache under node_modules/ is the copy's own).
  for (const f of ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'topics.json', 'src', 'public', 'scripts']) cpSync(f, path.join(project(), f), { recursive: true });
  mkdirSync(path.join(project(), 'node_modules'));
  for (const name of readdirSync('node_modules')) if (!name.startsWith('.')) symlinkSync(path.resolve('node_modules', name), path.join(project(), 'node_modules', name));
  // The archive.
  const content = path.join(tmp, 'content');
  mkdirSync(path.join(content, 'papers'), { recursive: true });
  mkdirSync(path.join(content, 'days'));
  for (const day of DAYS) {
    const slugs = Array.from({ length: PER_DAY }, (_, n) => slugOf(day, n));
    for (const [n, slug] of slugs.entries()) {
      const data = { title: `Video Study ${day} number ${n}`, authors: 2, organization: null, published: '2025-03-01', comments: n, days: [day] };
      writeFileSync(path.join(content, 'papers', `${slug}.md`), renderPaper(data, `Short clips, labelled by hand, study ${n} of ${day}.`));
    }
    writeFileSync(path.join(content, 'days', `${day}.md`), renderDay({ date: day, papers: slugs, source: { file: `${day}.txt`, sha256: '0'.repeat(64) } }));
  }
  first = { pages: pagesOf(await build()) };
}, 300_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a topic of 210 papers', () => {
  it('its page shows the newest 200, newest first, and says how many there are in all', () => {
    const doc = parseDocument(readFileSync(path.join(outDir(), 'topics/video/index.html'), 'utf8')).children;
    const listed = DomUtils.findAll((e) => e.name === 'a' && (e.parent as { name?: string } | null)?.name === 'h2', doc).map((a) => a.attribs.href);
    expect(listed).toEqual(NEWEST_FIRST.slice(0, 200).map((s) => `/papers/${s}/`));
    const intro = DomUtils.textContent(DomUtils.findOne((e) => e.name === 'p' && e.attribs.class === 'muted', doc)!).replace(/\s+/g, ' ');
    expect(intro).toMatch(/^ ?210 papers mention /);
    expect(intro).toContain('The newest 200 are shown.');
  });

  it('its feeds hold the newest FEED_LIMIT, newest first', () => {
    const want = NEWEST_FIRST.slice(0, DEFAULT_FEED_LIMIT).map((s) => `${SITE_URL}/papers/${s}/`);
    const rss = new XMLParser({ isArray: (name) => name === 'item' }).parse(readFileSync(path.join(outDir(), 'topics/video/rss.xml'), 'utf8'));
    expect(rss.rss.channel.item.map((i: { link: string }) => i.link)).toEqual(want);
    const json = JSON.parse(readFileSync(path.join(outDir(), 'topics/video/feed.json'), 'utf8'));
    expect(json.items.map((i: { id: string }) => i.id)).toEqual(want);
  });
});

// Each build below starts from the cache the one before it left.
describe('rebuilds', { timeout: 240_000 }, () => {
  it('a cold build renders every page', () => {
    expect(first.pages.size).toBeGreaterThan(230);
    expect(count(first.pages, 'rendered')).toBe(first.pages.size);
  });

  it('when dist/ is gone, every page with a cache key is restored from the cache, the same bytes as before', async () => {
    const before = snapshot(outDir());
    rmSync(outDir(), { recursive: true });
    const pages = pagesOf(await build());
    expect([...pages.keys()].sort()).toEqual([...first.pages.keys()].sort());
    // Pages from routes with a cacheKey (every paper, day, week, month and topic page, /topics/,
    // /stats/) come back from the cache; a route without one (/, /days/, /search/, …) renders.
    const keyed = [...pages.keys()].filter((p) => /^\/(papers|days|weeks|months|topics)\/[^/]+\/index\.html$|^\/(topics|stats)\/index\.html$/.test(p));
    expect(keyed.length).toBe(210 + 7 + 1 + 1 + 11 + 2);
    expect(keyed.filter((p) => pages.get(p) !== 'restored')).toEqual([]);
    const after = snapshot(outDir());
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect([...after].filter(([f, bytes]) => !bytes.equals(before.get(f)!)).map(([f]) => f)).toEqual([]);
  });

  it('--force renders every page again', async () => {
    const pages = pagesOf(await build({ args: ['--force'] }));
    expect(pages.size).toBe(first.pages.size);
    expect(count(pages, 'rendered')).toBe(pages.size);
  });

  it('a changed lockfile renders every page again', async () => {
    const lockfile = path.join(project(), 'package-lock.json');
    writeFileSync(lockfile, `${readFileSync(lockfile, 'utf8')}\n`);
    const pages = pagesOf(await build());
    expect(count(pages, 'rendered')).toBe(first.pages.size);
  });

  it('a change of code every page runs renders every page again', async () => {
    const consts = path.join(project(), 'src', 'consts.ts');
    const code = readFileSync(consts, 'utf8');
    expect(code).toContain("'Daily Papers Archive'");
    writeFileSync(consts, code.replace("'Daily Papers Archive'", "'Daily Papers, Archived'"));
    const pages = pagesOf(await build());
    expect(count(pages, 'rendered')).toBe(first.pages.size);
    expect(readFileSync(path.join(outDir(), 'days/2025-03-09/index.html'), 'utf8')).toContain('Daily Papers, Archived');
  });

  it('a change of configuration (SITE_URL) renders every page again', async () => {
    const pages = pagesOf(await build({ env: { SITE_URL: 'https://second.example.org' } }));
    expect(count(pages, 'rendered')).toBe(first.pages.size);
    expect(readFileSync(path.join(outDir(), 'days/2025-03-09/index.html'), 'utf8')).toContain('<link rel="canonical" href="https://second.example.org/days/2025-03-09/">');
    expect(existsSync(path.join(outDir(), 'sitemap.xml'))).toBe(true);
  });
});
