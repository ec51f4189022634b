// `npm run daily` as the Publish workflow (.github/workflows/publish.yml) runs it: each run on
// a fresh copy of the project (the files a clone of this working tree holds, node_modules
// linked package by package so that Astro's cacheDir is the copy's own, as on a runner after
// `npm ci`), the next run given only what the workflow hands on: the committed content and
// the paths its cache step restores. With ARCHIVE_STRICT=1 and a Pages-like URL and base path.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { synthSeries } from '../scripts/synth/dump.ts';
import { buildEnv } from './build-site.ts';

const PROJECT = path.resolve('.');
/** What a runner makes or restores itself; never taken from this checkout's node_modules/. */
const RUNNER_OWN = new Set(['.astro', '.vite', '.cache']);

/** The paths the workflow's cache step keeps between runs. */
function cachedPaths(): string[] {
  const wf = yaml.load(fs.readFileSync(path.join(PROJECT, '.github/workflows/publish.yml'), 'utf8')) as { jobs: Record<string, { steps: { uses?: string; with?: { path?: string } }[] }> };
  const step = wf.jobs.build.steps.find((s) => s.uses?.startsWith('actions/cache@'));
  return String(step?.with?.path ?? '').trim().split('\n').map((p) => p.trim());
}

/** A fresh copy of the project at `dir`, as a clone of this working tree gives it. */
function freshCopy(dir: string): string {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: PROJECT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    const from = path.join(PROJECT, file);
    if (!fs.existsSync(from)) continue; // deleted in the working tree, not yet committed
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(from, path.join(dir, file));
  }
  fs.mkdirSync(path.join(dir, 'node_modules'));
  for (const name of fs.readdirSync(path.join(PROJECT, 'node_modules')))
    if (!RUNNER_OWN.has(name)) fs.symlinkSync(path.join(PROJECT, 'node_modules', name), path.join(dir, 'node_modules', name));
  return dir;
}

/** Every file under `dir` (dotfiles included) → sha256. */
function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) {
      const p = path.join(e.parentPath, e.name);
      out[path.relative(dir, p)] = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  return out;
}

let tmp = '';
const summary = () => path.join(tmp, 'step-summary.md');
const outputs = () => path.join(tmp, 'step-outputs.txt');

/** `npm run daily` in `dir` (npm, not a shell), with the workflow's environment. */
function daily(dir: string): Promise<{ code: number | null; log: string }> {
  fs.writeFileSync(summary(), '');
  fs.writeFileSync(outputs(), '');
  const env = buildEnv({
    ARCHIVE_STRICT: '1',
    // What configure-pages gives a project site: its origin, and the base path without a slash.
    SITE_URL: 'https://owner.github.io',
    BASE_PATH: '/archive',
    GITHUB_STEP_SUMMARY: summary(),
    GITHUB_OUTPUT: outputs(),
    ASTRO_TELEMETRY_DISABLED: '1',
  });
  for (const name of ['ARCHIVE_CONTENT_DIR', 'ASTRO_CACHE_DIR']) delete env[name];
  const child = spawn('npm', ['run', 'daily'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (c) => (log += c));
  child.stderr.on('data', (c) => (log += c));
  // Astro colours its log when CI is set (as on a runner): read it as plain text.
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, log: stripVTControlCharacters(log) })));
}

const series = synthSeries({ seed: 22, start: '2026-01-05' });
const [DAY1, DAY2, DAY3] = [0, 1, 2].map((i) => series.day(i));
const inbox = (dir: string) => fs.readdirSync(path.join(dir, 'inbox')).sort();
const page = (dir: string, route: string) => path.join(dir, 'dist', route, 'index.html');
/** Day and paper pages the build kept from the last one, from its log. */
const keptPages = (log: string) =>
  log
    .split('\n')
    .filter((l) => l.includes('(cached)'))
    .map((l) => l.match(/\s\/((?:days|papers)\/[^/]+)\/index\.html/)?.[1])
    .filter((p) => p !== undefined)
    .sort();
/** Every day and paper page of a build: route → HTML. */
const pagesOf = (dir: string) =>
  new Map(
    ['days', 'papers'].flatMap((kind) =>
      fs.readdirSync(path.join(dir, 'dist', kind), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => [`${kind}/${e.name}`, fs.readFileSync(page(dir, `${kind}/${e.name}`), 'utf8')] as const),
    ),
  );

let first = '';
let second = '';
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-e2e-daily-'));
  first = freshCopy(path.join(tmp, 'project'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('npm run daily, as the Publish workflow runs it', { timeout: 300_000 }, () => {
  test('a new dump in inbox/: its day is in content/ and dist/, and the inbox is empty', async () => {
    expect(inbox(first)).toEqual(['README.md']);
    fs.writeFileSync(path.join(first, 'inbox', DAY1.fileName), DAY1.text);
    const r = await daily(first);
    expect(r.code, r.log).toBe(0);
    expect(inbox(first)).toEqual(['README.md']);
    expect(fs.readFileSync(path.join(first, 'content', 'dumps', `${DAY1.date}.txt`), 'utf8')).toBe(DAY1.text);
    expect(fs.existsSync(path.join(first, 'content', 'days', `${DAY1.date}.md`))).toBe(true);
    const html = fs.readFileSync(page(first, `days/${DAY1.date}`), 'utf8');
    expect(html).toContain(`href="https://owner.github.io/archive/days/${DAY1.date}/"`);
    expect(Object.keys(hashTree(path.join(first, 'content'))).filter((f) => f.includes('.ingest'))).toEqual([]);
    expect(fs.readFileSync(summary(), 'utf8')).toContain(`Went in: ${DAY1.date}; the site was built.`);
    expect(fs.readFileSync(outputs(), 'utf8')).toBe('ingest=done\n');
  });

  test('the next run, given the committed content and the cached paths only, renders just what the new day touched', async () => {
    // A runner checks out at the same path every run: the last run's copy moves aside.
    const last = path.join(tmp, 'run-1');
    fs.renameSync(first, last);
    first = last;
    second = freshCopy(path.join(tmp, 'project'));
    // What the commit job pushed, checked out again…
    for (const dir of ['content', 'inbox']) {
      fs.rmSync(path.join(second, dir), { recursive: true });
      fs.cpSync(path.join(first, dir), path.join(second, dir), { recursive: true });
    }
    // …and what actions/cache restores (a tar: times kept).
    const cached = cachedPaths();
    expect(cached).toContain('dist');
    for (const p of cached) fs.cpSync(path.join(first, p), path.join(second, p), { recursive: true, preserveTimestamps: true });
    const before = pagesOf(second);

    fs.writeFileSync(path.join(second, 'inbox', DAY2.fileName), DAY2.text);
    const r = await daily(second);
    expect(r.code, r.log).toBe(0);
    expect(inbox(second)).toEqual(['README.md']);
    const after = pagesOf(second);
    expect(after.has(`days/${DAY2.date}`)).toBe(true);
    // Kept exactly the pages that show what they showed: every page rendered again changed.
    const unchanged = [...after].filter(([route, html]) => before.get(route) === html).map(([route]) => route).sort();
    expect(keptPages(r.log)).toEqual(unchanged);
    expect(unchanged).toContain('days/2025-12-09');
    expect(unchanged.filter((p) => p.startsWith('papers/')).length).toBeGreaterThan(0);
  });

  test('a refused dump: the run fails, the dump stays in inbox/, content/ and dist/ are byte for byte the same', async () => {
    // A name that a shell would run; it stays data.
    const name = '$(touch pwned).txt';
    fs.copyFileSync(path.join(PROJECT, 'tests/fixtures/parse/bad-backfill-year-ambiguous/input.txt'), path.join(second, 'inbox', name));
    const content = hashTree(path.join(second, 'content'));
    const dist = hashTree(path.join(second, 'dist'));
    const r = await daily(second);
    expect(r.code).toBe(1);
    expect(r.log).toContain(`inbox/${name}:11:1: every date in the dump carries its year`);
    expect(inbox(second)).toEqual([name, 'README.md']);
    expect(hashTree(path.join(second, 'content'))).toEqual(content);
    expect(hashTree(path.join(second, 'dist'))).toEqual(dist);
    expect(fs.existsSync(path.join(second, 'pwned'))).toBe(false);
    const md = fs.readFileSync(summary(), 'utf8');
    expect(md).toMatch(/^### Daily run: 1 file refused, nothing published\n/);
    expect(md).toContain(`\`\`\`text\ninbox/${name}:11:1: every date in the dump carries its year`);
    // content/ is whole: the workflow may commit (here, nothing).
    expect(fs.readFileSync(outputs(), 'utf8')).toBe('ingest=done\n');
  });

  test('several dumps: the one that goes in leaves the inbox, the refused stay, and nothing is built', async () => {
    fs.writeFileSync(path.join(second, 'inbox', DAY3.fileName), DAY3.text);
    fs.writeFileSync(path.join(second, 'inbox', 'capture.pdf'), '%PDF-1.7\n');
    const dist = hashTree(path.join(second, 'dist'));
    const r = await daily(second);
    expect(r.code).toBe(1);
    expect(inbox(second)).toEqual(['$(touch pwned).txt', 'README.md', 'capture.pdf']);
    expect(fs.readFileSync(path.join(second, 'content', 'dumps', `${DAY3.date}.txt`), 'utf8')).toBe(DAY3.text);
    expect(r.log).toContain('inbox/capture.pdf: not a dump');
    expect(hashTree(path.join(second, 'dist'))).toEqual(dist);
    expect(fs.readFileSync(summary(), 'utf8')).toContain('2 files refused, nothing published');
  });
});
