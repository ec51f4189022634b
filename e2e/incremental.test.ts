// The daily rebuild is incremental (experimental.incrementalBuild + src/integrations/prune-dist.ts):
// it must render only what changed, keep the rest untouched, drop what is gone, and end with
// exactly the bytes a from-scratch build of the same content gives.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild } from './build-site.ts';

const SAMPLES = path.resolve('tests/fixtures/samples');
const DAY1 = path.join(SAMPLES, '000_dac3a4fc63ae358e.txt'); // 2025-12-09
const DAY2 = path.join(SAMPLES, '001_00fe2aa557161dfb.txt'); // 2025-12-31
const DROPPED_TITLE = 'The Principles of Deep Learning Theory'; // listed on day 1 only
const DROPPED_SLUG = 'the-principles-of-deep-learning-theory';

let tmp = '';
const content = () => path.join(tmp, 'content');
const live = () => ({ content: content(), outDir: path.join(tmp, 'dist'), cacheDir: path.join(tmp, 'cache') });

function ingest(...args: string[]): void {
  const r = spawnSync(process.execPath, ['scripts/ingest.ts', '--content', content(), ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ingest ${args.join(' ')} failed:\n${r.stderr}`);
}

/** Every file under dir, relative, sorted. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** Build the same content from nothing (fresh outDir and cache) and compare every byte. */
async function expectSameAsFreshBuild(label: string): Promise<void> {
  const fresh = { content: content(), outDir: path.join(tmp, `fresh-${label}`, 'dist'), cacheDir: path.join(tmp, `fresh-${label}`, 'cache') };
  await astroBuild(fresh);
  const ours = files(live().outDir);
  expect(ours).toEqual(files(fresh.outDir));
  const differing = ours.filter((f) => !readFileSync(path.join(live().outDir, f)).equals(readFileSync(path.join(fresh.outDir, f))));
  expect(differing).toEqual([]);
}

/** The variable a shell sets to the path of the command it runs. */
const LAUNCHED_BY = (command: string) => ({ _: command });
const paperPage = (slug: string) => path.join(live().outDir, 'papers', slug, 'index.html');
/** Pages the build kept from the last one (`/papers/x/`, `/topics/`), from its log. */
const cached = (log: string) => log.split('\n').filter((l) => l.includes('(cached)')).map((l) => l.match(/\s(\/\S*\/)index\.html/)?.[1]);
const cachedPages = (log: string) => cached(log).filter((p) => /^\/(?:papers|days)\//.test(p ?? ''));
const topicPages = (dir: string) => ['topics/', ...readdirSync(path.join(dir, 'topics'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `topics/${e.name}/`)];
/** Each day's open-data file (/data/days/YYYY-MM-DD.json) and when it was written. */
const dataDayTimes = () => new Map(readdirSync(path.join(live().outDir, 'data/days')).map((f) => [f.replace(/\.json$/, ''), statSync(path.join(live().outDir, 'data/days', f)).mtimeMs]));
/** The days whose open-data file is still the one written before (`times`), not written again. */
const keptDataDays = (times: Map<string, number>) => [...dataDayTimes()].filter(([d, t]) => times.get(d) === t).map(([d]) => d);
/** A paper page's "Related papers" section, as built. */
const relatedSection = (slug: string) => readFileSync(paperPage(slug), 'utf8').match(/<section[^>]*aria-labelledby="related"[\s\S]*?<\/section>/)?.[0];
const relatedSlugs = (slug: string) => [...(relatedSection(slug) ?? '').matchAll(/href="\/papers\/([^/"]+)\//g)].map((m) => m[1]);

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'archive-e2e-incremental-'));
  ingest(DAY1);
  await astroBuild({ ...live(), env: LAUNCHED_BY('/usr/bin/npm') });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Two real builds a test: more than the default timeout on a busy machine.
describe('incremental rebuild', { timeout: 240_000 }, () => {
  it('after a new day, renders only the pages the day touched and matches a fresh build', async () => {
    const day1Papers = readdirSync(path.join(content(), 'papers')).map((f) => f.replace(/\.md$/, ''));
    const topicsBefore = new Map(topicPages(live().outDir).map((p) => [p, readFileSync(path.join(live().outDir, p, 'index.html'), 'utf8')]));
    const before = new Map(day1Papers.map((slug) => [slug, statSync(paperPage(slug)).mtimeMs]));
    const relatedBefore = new Map(day1Papers.map((slug) => [slug, relatedSection(slug)]));
    const dataBefore = dataDayTimes();
    ingest(DAY2);
    const log = await astroBuild({ ...live(), env: LAUNCHED_BY('/usr/bin/npm') });

    const relisted = readdirSync(path.join(content(), 'papers')).filter((f) => {
      const text = readFileSync(path.join(content(), 'papers', f), 'utf8');
      return text.includes('2025-12-09') && text.includes('2025-12-31');
    }).map((f) => f.replace(/\.md$/, ''));
    const notRelisted = day1Papers.filter((s) => !relisted.includes(s));
    // Day 2's papers come into some day-1 papers' related lists (and IDF moves): those pages
    // show the new list, the others are kept as they were.
    const newRelated = notRelisted.filter((s) => relatedSection(s) !== relatedBefore.get(s));
    const untouched = notRelisted.filter((s) => !newRelated.includes(s));
    // (In an archive this young, IDF is counted over every paper and moves with each day: most
    // lists change. The next test has pages kept from the cache.)
    expect(newRelated.length).toBeGreaterThan(5);
    // Day 1's papers that day 2 did not list again were kept as they were, not rewritten…
    for (const slug of untouched) expect(statSync(paperPage(slug)).mtimeMs, slug).toBe(before.get(slug));
    expect(cachedPages(log).sort()).toEqual(untouched.map((s) => `/papers/${s}/`).sort());
    // …while a paper listed again shows its new day, and day 1 links on to day 2.
    for (const slug of relisted) expect(readFileSync(paperPage(slug), 'utf8')).toContain('/days/2025-12-31/');
    expect(readFileSync(path.join(live().outDir, 'days/2025-12-09/index.html'), 'utf8')).toContain('rel="next"');
    // A topic page (and /topics/) is kept exactly when what it shows is unchanged.
    const keptTopics = [...topicsBefore].filter(([p, html]) => readFileSync(path.join(live().outDir, p, 'index.html'), 'utf8') === html).map(([p]) => `/${p}`);
    expect(keptTopics.length).toBeGreaterThan(0);
    expect(keptTopics.length).toBeLessThan(topicsBefore.size);
    expect(cached(log).filter((p) => p?.startsWith('/topics/')).sort()).toEqual(keptTopics.sort());
    // Day 1's data file holds its papers' days, which the relisted ones gained: made again.
    expect(relisted.length).toBeGreaterThan(0);
    expect(keptDataDays(dataBefore)).toEqual([]);
    expect([...dataDayTimes().keys()]).toEqual(['2025-12-09', '2025-12-31']);
    expect(log).toMatch(/open data: wrote all 2 day files, papers\.ndjson and papers\.csv/);
    // Related papers are found by what the abstracts say (real abstracts here).
    expect(relatedSlugs('grokking-as-the-transition-from-lazy-to-rich-training-dynamics')[0]).toBe('provable-scaling-laws-of-feature-emergence-from-learning-dynamics-of-grokking');
    expect(relatedSlugs('the-principles-of-diffusion-models').slice(0, 2)).toContain('are-we-really-learning-the-score-function-reinterpreting-diffusion-models');

    await expectSameAsFreshBuild('new-day');
  });

  it('after a day is replaced without a paper, removes that paper’s page and matches a fresh build', async () => {
    expect(existsSync(paperPage(DROPPED_SLUG))).toBe(true);
    // Day 1 again, minus one entry: its title, abstract and meta block paragraphs.
    const paragraphs = readFileSync(DAY1, 'utf8').split('\n\n');
    const at = paragraphs.indexOf(DROPPED_TITLE);
    expect(at).toBeGreaterThan(0);
    const cut = paragraphs[at + 2].trimStart().startsWith('•') ? 3 : 2;
    paragraphs.splice(at, cut);
    const edited = path.join(tmp, 'daily-papers-2025-12-09.txt');
    writeFileSync(edited, paragraphs.join('\n\n'));
    const slugs = readdirSync(path.join(content(), 'papers')).map((f) => f.replace(/\.md$/, ''));
    const pagesBefore = new Map(slugs.map((slug) => [slug, readFileSync(paperPage(slug), 'utf8')]));
    const dataBefore = dataDayTimes();
    ingest('--replace', edited);
    expect(existsSync(path.join(content(), 'papers', `${DROPPED_SLUG}.md`))).toBe(false);

    const log = await astroBuild({ ...live(), env: LAUNCHED_BY('/usr/bin/npm') });
    // Exactly the paper pages that show something else were rendered again; among them, pages
    // whose paper did not change but whose related list lost the dropped paper.
    const kept = slugs.filter((s) => s !== DROPPED_SLUG && readFileSync(paperPage(s), 'utf8') === pagesBefore.get(s));
    expect(cachedPages(log).filter((p) => p?.startsWith('/papers/')).sort()).toEqual(kept.map((s) => `/papers/${s}/`).sort());
    const lostRelated = slugs.filter((s) => pagesBefore.get(s)!.includes(`href="/papers/${DROPPED_SLUG}/"`) && s !== DROPPED_SLUG);
    expect(lostRelated.length).toBeGreaterThan(0);
    for (const slug of lostRelated) expect(relatedSlugs(slug), slug).not.toContain(DROPPED_SLUG);
    expect(existsSync(paperPage(DROPPED_SLUG))).toBe(false);
    expect(existsSync(path.dirname(paperPage(DROPPED_SLUG)))).toBe(false);
    expect(log).toMatch(/removed 1 file\(s\) left from an earlier build: papers\/the-principles-of-deep-learning-theory\/index\.html/);
    expect(cachedPages(log).length).toBeGreaterThan(20);
    // Day 2's papers did not change: its data file is kept; day 1's lost a paper: made again.
    expect(keptDataDays(dataBefore)).toEqual(['2025-12-31']);
    expect(log).toMatch(/open data: wrote 1 of 2 day files \(2025-12-09\), papers\.ndjson and papers\.csv/);

    await expectSameAsFreshBuild('replaced-day');
  });

  it('with nothing new, keeps every page however the build is launched', async () => {
    // The shell's `_` names the launching command; it once went into every page's code hash.
    const log = await astroBuild({ ...live(), env: LAUNCHED_BY('/usr/bin/make') });
    const pages = readdirSync(path.join(content(), 'papers')).length + readdirSync(path.join(content(), 'days')).length;
    expect(cachedPages(log).length).toBe(pages);
  });
});
