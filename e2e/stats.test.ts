// /stats/ in both builds: every chart has a text alternative, and every number on the page
// matches what this test computes on its own from the fixture's files (read with gray-matter;
// which papers each topic holds is written by hand in e2e/fixture-topics.ts).
// In Chromium: the page fits a 390 px phone without scrolling sideways.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeInBrowser, launchBrowser } from './browser.ts';
import { isoWeek } from '../src/format/dates.ts';
import { parseTopics } from '../src/topics/topics.ts';
import { FIXTURE_TOPICS } from './fixture-topics.ts';

type Element = ReturnType<typeof DomUtils.findAll>[number];

const FIXTURE = 'e2e/fixtures/content';
const read = (dir: string) =>
  readdirSync(path.join(FIXTURE, dir))
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ id: f.slice(0, -3), ...matter(readFileSync(path.join(FIXTURE, dir, f), 'utf8')) }));
const days = read('days').map((d) => ({ id: d.id, papers: d.data.papers as string[] }));
const papers = read('papers').map((p) => ({ id: p.id, body: p.content, ...(p.data as { title: string; comments: number | null; organization: string | null; days: string[] }) }));
const topics = parseTopics(readFileSync('topics.json', 'utf8'), 'topics.json');

const text = (e: Element) => DomUtils.textContent(e).replace(/\s+/g, ' ').trim();
const all = (root: Element | Element[], test: (e: Element) => boolean) => DomUtils.findAll(test, Array.isArray(root) ? root : [root]);
const section = (doc: Element[], id: string) => all(doc, (e) => e.name === 'section' && e.attribs['aria-labelledby'] === id)[0];
/** The body rows of a table as lists of cell texts (the row header first). */
const rows = (table: Element) => all(table, (e) => e.name === 'tr' && (e.parent as Element | null)?.name === 'tbody').map((tr) => all(tr, (e) => e.name === 'th' || e.name === 'td').map(text));
const counts = <T,>(items: T[], key: (t: T) => string) => items.reduce((m, t) => m.set(key(t), (m.get(key(t)) ?? 0) + 1), new Map<string, number>());
const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;

for (const name of ['rootSite', 'baseSite'] as const) {
  describe(`/stats/ in the ${name} build`, () => {
    const site = inject(name);
    const doc = parseDocument(readFileSync(path.join(site.dir, 'stats/index.html'), 'utf8')).children as Element[];

    it('is linked from the header of every page', () => {
      const home = parseDocument(readFileSync(path.join(site.dir, 'index.html'), 'utf8')).children as Element[];
      const nav = all(home, (e) => e.name === 'nav' && e.attribs['aria-label'] === 'Site')[0];
      expect(all(nav, (e) => e.name === 'a').map((a) => a.attribs.href)).toContain(`${site.base}stats/`);
    });

    it('names every chart (role="img", <title> and <desc>) and gives its numbers as text', () => {
      const charts = all(doc, (e) => e.name === 'svg' && e.attribs.role === 'img');
      // Papers per week, a chart a topic, a chart for each of the (at most 4) largest organisations.
      const orgs = new Set(papers.flatMap((p) => (p.organization ? [p.organization] : []))).size;
      expect(charts.length).toBe(1 + topics.length + Math.min(orgs, 4));
      for (const svg of charts) {
        const ids = svg.attribs['aria-labelledby'].split(' ');
        const named = ids.map((id) => all(svg, (e) => e.attribs.id === id)[0]);
        expect(named.map((e) => e?.name)).toEqual(['title', 'desc']);
        for (const e of named) expect(text(e).length).toBeGreaterThan(5);
      }
      // The two drawn charts have their data tables in <details>; the bars are hidden decoration.
      for (const id of ['per-week', 'topics']) expect(all(section(doc, id), (e) => e.name === 'details').map((d) => all(d, (e) => e.name === 'table').length)).toEqual([1]);
      for (const bar of all(doc, (e) => e.name === 'svg' && e.attribs.class === 'bar')) expect(bar.attribs['aria-hidden']).toBe('true');
    });

    it('papers per week: every week from the first to the last, each paper once a week', () => {
      const expected = new Map<string, Set<string>>();
      for (const d of days) for (const p of d.papers) expected.set(isoWeek(d.id), (expected.get(isoWeek(d.id)) ?? new Set()).add(p));
      const table = rows(all(section(doc, 'per-week'), (e) => e.name === 'table')[0]);
      const shown = table.map(([label, n]) => {
        const [, week, year] = /^Week (\d+), (\d{4})$/.exec(label)!;
        return [`${year}-W${week.padStart(2, '0')}`, Number(n)] as const;
      });
      const weeks = [...expected.keys()].sort();
      expect(shown[0][0]).toBe(weeks[0]);
      expect(shown.at(-1)![0]).toBe(weeks.at(-1));
      for (const [week, n] of shown) expect(n, week).toBe(expected.get(week)?.size ?? 0);
      // The chart draws the same numbers: one step of its area a week, as high as the count.
      // (The HTML parser lower-cases attribute names.)
      const svg = all(section(doc, 'per-week'), (e) => e.name === 'svg' && e.attribs.viewbox !== undefined)[0];
      const top = Number(svg.attribs.viewbox.split(' ')[3]);
      const d = all(svg, (e) => e.name === 'path')[0].attribs.d;
      const heights = [...d.matchAll(/V([\d.]+)H(\d+)/g)].map((m) => top - Number(m[1]));
      expect(heights).toEqual(shown.map(([, n]) => n));
    });

    it('most discussed: by comments, unknown counts left out, linked to their pages', () => {
      const expected = papers.filter((p) => p.comments !== null).sort((a, b) => b.comments! - a.comments! || a.title.localeCompare(b.title)).slice(0, 20);
      const table = all(section(doc, 'discussed'), (e) => e.name === 'table')[0];
      expect(rows(table).map((r) => [r[1], Number(r[2])])).toEqual(expected.map((p) => [p.title, p.comments]));
      const links = all(table, (e) => e.name === 'a').map((a) => a.attribs.href);
      expect(links).toEqual(expected.map((p) => `${site.base}papers/${p.id}/`));
    });

    it('listed again: the count, share and distribution of days listed', () => {
      const relisted = papers.filter((p) => p.days.length > 1).length;
      const s = section(doc, 'again');
      expect(text(all(s, (e) => e.name === 'p')[0])).toContain(`${relisted} of ${papers.length} papers (${pct(relisted, papers.length)}) were listed on more than one day`);
      const byDays = counts(papers, (p) => String(p.days.length));
      const shown = rows(all(s, (e) => e.name === 'table')[0]);
      expect(shown.length).toBe(Math.max(...papers.map((p) => p.days.length)));
      for (const [label, cell] of shown) {
        const n = byDays.get(label.split(' ')[0]) ?? 0;
        expect(cell).toBe(`${n} (${pct(n, papers.length)})`);
      }
    });

    it('top organisations: papers per organisation', () => {
      const byOrg = counts(papers.filter((p) => p.organization), (p) => p.organization!);
      const expected = [...byOrg].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 15);
      expect(rows(all(section(doc, 'orgs'), (e) => e.name === 'table')[0]).map((r) => [r[1], Number(r[2])])).toEqual(expected);
    });

    it("topics by month: each topic's share of the month's papers", () => {
      const table = rows(all(section(doc, 'topics'), (e) => e.name === 'table')[0]);
      const months = [...new Set(days.map((d) => d.id.slice(0, 7)))].sort();
      const byMonth = new Map(months.map((m) => [m, new Set(days.filter((d) => d.id.startsWith(m)).flatMap((d) => d.papers))]));
      const matches = topics.map((t) => new Set(FIXTURE_TOPICS[t.name]));
      for (const [n, set] of matches.entries()) expect(set.size, topics[n].name).toBeGreaterThan(0);
      const MONTH = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long' });
      const label = (m: string) => MONTH.format(new Date(`${m}-01T00:00:00Z`));
      for (const m of months) {
        const row = table.find((r) => r[0] === label(m))!;
        const listed = byMonth.get(m)!;
        expect(row.slice(1)).toEqual([String(listed.size), ...matches.map((set) => pct([...listed].filter((s) => set.has(s)).length, listed.size))]);
      }
      // By hand: November 2024 lists fish-and-chips (diffusion), quokka-gradient-descent
      // (reasoning, agents) and sparse-attention-atlas (efficiency, code), in topics.json's order.
      expect(table.find((r) => r[0] === 'November 2024')).toEqual(['November 2024', '3', '33.3%', '33.3%', '33.3%', '0.0%', '0.0%', '0.0%', '33.3%', '0.0%', '0.0%', '0.0%', '33.3%']);
    });
  });
}

describeInBrowser('/stats/ on a phone', () => {
  const site = inject('rootSite');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('fits 390 px without sideways scrolling, with the wide topic table open', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(new URL('stats/', site.url).href);
    await page.locator('section[aria-labelledby=topics] details summary').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The weekly chart spans the column; the topic charts two a row.
    const width = (selector: string) => page.locator(selector).evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().width));
    expect(await width('svg.columns[role=img]')).toEqual([expect.any(Number)]);
    expect((await width('svg.columns[role=img]'))[0]).toBeGreaterThan(300);
    for (const w of await width('svg.multiple[role=img]')) expect(w).toBeGreaterThan(100);
    await page.close();
  });
});
