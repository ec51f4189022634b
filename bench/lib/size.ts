// One archive size, benchmarked: synthetic dumps, then per run the ingest, the full build
// (with its phases), optionally the Hugo + Pagefind build of the same content, the pages
// and the index alone, the daily update (ingest one more dump, then build), the output's
// weight and search in Chromium.
import { cpSync, linkSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { synthSeries } from '../../scripts/synth/dump.ts';
import { run, type RunResult } from './measure.ts';
import { build, hugoSideBySide, ingest, ROOT, snapshotProject, snapshotRevision, STEP_TIMEOUT_MS, writeConfig, type Phases } from './project.ts';
import { measureQuerySet, measureSearch, type QuerySetFigures, type SearchFigures } from './search.ts';
import { chooseQueries } from './search-queries.ts';
import { contentPaths } from '../../src/content-dir.ts';
import { siteFigures, type SiteFigures } from './site.ts';
import { formatBytes, ratio, summarize, type Summary } from './stats.ts';

export const STEPS = ['ingest', 'build', 'astro', 'pagefind', 'update', 'output', 'search'] as const;
export type Step = (typeof STEPS)[number];

export interface BenchOptions {
  runs: number;
  only: Set<Step>;
  queries: [string, string];
  seed: number;
  start: string;
  verbose: boolean;
  keep: boolean;
  coldUpdate: boolean;
  /** Papers under an organisation (the synthetic dumps' default otherwise: see SynthOptions). */
  organizations?: { share: number; count: number };
  /** Also build the same content with Hugo + the Pagefind CLI when hugo is installed. */
  hugo: boolean;
  /** Also build the same content, cold, with the sources of each of these git revisions. */
  against: string[];
}

/** One measured step over several runs. */
export interface StepFigures {
  wallMs: Summary | null;
  peakRssBytes: Summary | null;
  /** CPU time (user + system) of the whole process tree. */
  cpuMs: Summary | null;
  runs: { ok: boolean; wallMs: number; peakRssBytes: number; cpuMs: number; error?: string }[];
  error?: string;
}

/** Free bytes on the file system holding `dir`, from df. */
function freeBytes(dir: string): number {
  try {
    const out = execFileSync('df', ['-Pk', dir], { encoding: 'utf8' }).trim().split('\n').pop()!;
    return Number(out.split(/\s+/)[3]) * 1024;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export const log = (msg: string) => console.error(`[bench] ${msg}`);

function collect(results: RunResult[]): StepFigures {
  const okRuns = results.filter((r) => r.ok);
  const failed = results.find((r) => !r.ok);
  return {
    wallMs: summarize(okRuns.map((r) => r.wallMs)),
    peakRssBytes: summarize(okRuns.map((r) => r.peakRssBytes)),
    cpuMs: summarize(okRuns.map((r) => r.cpuMs)),
    runs: results.map((r) => ({ ok: r.ok, wallMs: r.wallMs, peakRssBytes: r.peakRssBytes, cpuMs: r.cpuMs, error: r.ok ? undefined : describe(r) })),
    error: failed ? describe(failed) : undefined,
  };
}
export function describe(r: RunResult): string {
  const lines = (r.stderr.trim() || r.stdout.trim()).split('\n').map((l) => l.trim()).filter(Boolean);
  // The error's own message first (stack traces bury it), then the last lines.
  const message = lines.filter((l) => /error|cannot|failed|not found/i.test(l) && !/^at /.test(l)).slice(0, 3);
  return `${r.error}: ${[...message, '…', ...lines.slice(-3)].join(' | ')}`.slice(0, 1500);
}
const skipped = (why: string): RunResult => ({ ok: false, code: null, signal: null, wallMs: NaN, peakRssBytes: NaN, cpuMs: NaN, stdout: '', stderr: '', error: `skipped: ${why}` });

/** Medians over runs: to the first result, and to results over the whole archive. */
export interface QuerySummary {
  ms: Summary | null;
  bytes: number | null;
  msComplete: Summary | null;
  bytesComplete: number | null;
  error?: string;
}

export interface SizeFigures {
  days: number;
  entries: number;
  dumpBytes: number;
  steps: Record<string, StepFigures>;
  /** The full build's phases, per run. */
  phases: Phases[];
  /** The Hugo + Pagefind CLI build of the same content (first run), when hugo is installed. */
  hugo: Awaited<ReturnType<typeof hugoSideBySide>> | null;
  /** Per run: our full build ÷ Hugo + Pagefind (built right after it, on the same content). */
  hugoRatio: Summary | null;
  /** Daily update (warm) as a share of the full build of the same run. */
  updateRatio: Summary | null;
  /** With `--against REV,…`: per revision, our full build ÷ its full build of the same run, in wall and CPU time. */
  against: { rev: string; ratio: Summary | null; cpuRatio: Summary | null }[];
  output: SiteFigures | null;
  search: { first: QuerySummary; followUp: QuerySummary; runs: SearchFigures[] } | null;
  /** The query set (bench/lib/search-queries.ts), measured after the first run's build. */
  querySet: QuerySetFigures[] | null;
  tempDir: string;
}

/** `items` turned left by `by` places: [a, b, c] by 1 is [b, c, a]. */
export function rotate<T>(items: readonly T[], by: number): T[] {
  if (items.length === 0) return [];
  const k = ((by % items.length) + items.length) % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

export async function benchSize(days: number, o: BenchOptions): Promise<SizeFigures> {
  const { runs, only, queries, seed } = o;
  const tmp = mkdtempSync(path.join(os.tmpdir(), `bench-${days}d-`));
  const need = days * 12e6;
  const free = freeBytes(tmp);
  log(`N=${days}: temp ${tmp}, ${formatBytes(free)} free`);
  if (free < need) throw new Error(`not enough disk in ${tmp}: ${formatBytes(free)} free, ~${formatBytes(need)} needed`);

  // Dumps: all N days, and the first N−1 as a folder of hard links for the daily update.
  const dumps = path.join(tmp, 'dumps');
  const prevDumps = path.join(tmp, 'dumps-prev');
  mkdirSync(dumps);
  mkdirSync(prevDumps);
  const series = synthSeries({ seed, start: o.start, ...(o.organizations ? { organizations: o.organizations } : {}) });
  let entries = 0;
  let dumpBytes = 0;
  let lastDump = '';
  for (let i = 0; i < days; i++) {
    const day = series.day(i);
    const file = path.join(dumps, day.fileName);
    writeFileSync(file, day.text);
    entries += day.entries.length;
    dumpBytes += Buffer.byteLength(day.text);
    if (i < days - 1) linkSync(file, path.join(prevDumps, day.fileName));
    else lastDump = file;
  }
  log(`N=${days}: ${entries} entries, ${formatBytes(dumpBytes)} of dumps`);
  snapshotProject(tmp);
  const others = o.against.map((rev) => ({ rev, project: snapshotRevision(tmp, rev), ratios: [] as number[], cpuRatios: [] as number[] }));

  const results: Record<string, RunResult[]> = {};
  const add = (name: string, r: RunResult) => {
    (results[name] ??= []).push(r);
    log(`  ${name}: ${r.ok ? `${(r.wallMs / 1000).toFixed(2)} s (CPU ${(r.cpuMs / 1000).toFixed(1)} s), ${formatBytes(r.peakRssBytes)}` : describe(r)}`);
  };
  const ratios: number[] = [];
  const phases: Phases[] = [];
  let hugo: SizeFigures['hugo'] = null;
  const hugoRatios: number[] = [];
  const searches: SearchFigures[] = [];
  let querySet: QuerySetFigures[] | null = null;
  let output: SiteFigures | null = null;
  const needBuild = only.has('build') || only.has('output') || only.has('search');

  // The N−1 archive for the daily update, ingested and built once; each run starts from a copy.
  const upd = path.join(tmp, 'update');
  const snapshot = path.join(tmp, 'update-snapshot');
  let updateReady = false;
  if (only.has('update')) {
    mkdirSync(upd);
    const config = writeConfig(upd, path.join(upd, 'dist'), path.join(upd, 'cache'), true);
    log(`N=${days}: preparing the ${days - 1}-day archive for the daily update`);
    const pi = await ingest(path.join(upd, 'content'), [prevDumps], o.verbose);
    const pb = pi.ok ? await build(path.join(upd, 'content'), config) : skipped('preparation ingest failed');
    if (!pi.ok || !pb.ok) add('update (preparation)', pi.ok ? pb : pi);
    else {
      cpSync(upd, snapshot, { recursive: true });
      updateReady = true;
    }
  }

  for (let r = 1; r <= runs; r++) {
    log(`N=${days}: run ${r}/${runs}`);
    const dir = path.join(tmp, `run-${r}`);
    mkdirSync(dir);
    const content = path.join(dir, 'content');
    const ing = only.has('ingest') || needBuild || only.has('astro') ? await ingest(content, [dumps]) : null;
    if (ing) add('ingest', ing);
    const ingested = ing?.ok ?? false;

    let fullBuild: RunResult | null = null;
    if (needBuild) {
      const config = writeConfig(dir, path.join(dir, 'dist'), path.join(dir, 'cache'), true);
      // Ours and each --against revision build the same content, cold, one after another. The
      // order turns by one each run, so that no build always comes first or last (on this
      // machine the place in the sequence alone moved a build by 10–30 %).
      const builds: (() => Promise<RunResult>)[] = [
        async () => {
          const b = ingested ? await build(content, config) : skipped('ingest failed');
          add('build', b);
          if ('phases' in b) phases.push(b.phases as Phases);
          return b;
        },
        ...others.map((other, j) => async () => {
          // Kept until the run ends with the rest of its folder: deleting 1.5 GB of fresh output
          // right before the next build made that build up to twice as slow (see project.ts build).
          const out = path.join(dir, `against-${j}`);
          const otherConfig = writeConfig(dir, path.join(out, 'dist'), path.join(out, 'cache'), true, other.project);
          const b = ingested ? await build(content, otherConfig, false, other.project) : skipped('ingest failed');
          add(`build at ${other.rev}`, b);
          return b;
        }),
      ];
      const built = new Map<number, RunResult>();
      for (const i of rotate([...builds.keys()], r - 1)) built.set(i, await builds[i]!());
      const ours = built.get(0)!;
      fullBuild = ours;
      others.forEach((other, j) => {
        const ab = built.get(j + 1)!;
        if (!ours.ok || !ab.ok) return;
        const x = ratio(ours.wallMs, ab.wallMs);
        if (x != null) other.ratios.push(x);
        const c = ratio(ours.cpuMs, ab.cpuMs);
        if (c != null) other.cpuRatios.push(c);
      });
      if (fullBuild.ok && o.hugo) {
        // Every run, after that run's builds: the ratio of one run is what compares on a noisy machine.
        const h = (await hugoSideBySide(content)) ?? null;
        if (h) {
          hugo ??= h;
          const x = ratio(fullBuild.wallMs, h.hugoMs + h.pagefindMs);
          if (x != null) hugoRatios.push(x);
          log(`  hugo + pagefind: ${(h.hugoMs / 1000).toFixed(1)} s + ${(h.pagefindMs / 1000).toFixed(1)} s, pagefind peak ${formatBytes(h.pagefindPeak)}; ours ÷ that ${x?.toFixed(2)}×`);
        }
      }
      if (fullBuild.ok && r === 1 && only.has('output')) output = siteFigures(path.join(dir, 'dist'));
      if (fullBuild.ok && only.has('search')) {
        try {
          const s = await measureSearch(path.join(dir, 'dist'), queries);
          searches.push(s);
          log(`  search: first ${s.first.msToFirstResult?.toFixed(0) ?? s.first.error} ms ${formatBytes(s.first.bytes)} (complete ${s.first.msToComplete?.toFixed(0)} ms ${formatBytes(s.first.bytesToComplete ?? NaN)}); follow-up ${s.followUp.msToFirstResult?.toFixed(0) ?? s.followUp.error} ms ${formatBytes(s.followUp.bytes)}`);
        } catch (e) {
          searches.push({ first: { query: queries[0], msToFirstResult: null, bytes: 0, requests: 0, error: (e as Error).message }, followUp: { query: queries[1], msToFirstResult: null, bytes: 0, requests: 0, error: 'skipped' } });
          log(`  search failed: ${(e as Error).message}`);
        }
        if (r === 1) {
          const chosen = chooseQueries(contentPaths(content).papers);
          querySet = await measureQuerySet(path.join(dir, 'dist'), chosen);
          for (const q of querySet) log(`  query set, ${q.kind} “${q.query}” (${q.papers} papers): ${q.error ?? `${formatBytes(q.settled?.bytes)} in ${q.settled?.requests} requests, first result after ${formatBytes(q.first?.bytes)}, Slow 4G ${q.slowMsToFirstResult?.toFixed(0)} ms, ${q.shown} shown${q.whole ? '' : ', more on demand'}`}`);
        }
      }
    }
    if (only.has('astro') || only.has('pagefind')) {
      const config = writeConfig(dir, path.join(dir, 'dist-pages'), path.join(dir, 'cache-pages'), false);
      const pages = ingested ? await build(content, config) : skipped('ingest failed');
      if (only.has('astro')) add('astro', pages);
      if (only.has('pagefind')) {
        rmSync(path.join(dir, 'pagefind-only'), { recursive: true, force: true });
        const pf = ingested
          ? await run(process.execPath, [path.join(ROOT, 'bench/lib/pagefind-only.ts'), content, path.join(dir, 'pagefind-only')], { cwd: ROOT, timeoutMs: STEP_TIMEOUT_MS })
          : skipped('ingest failed');
        add('pagefind', pf);
      }
    }
    if (only.has('update')) {
      if (!updateReady) {
        add('update ingest', skipped('preparation failed'));
      } else {
        rmSync(upd, { recursive: true, force: true });
        cpSync(snapshot, upd, { recursive: true });
        const config = path.join(upd, 'astro.config.full.mjs');
        const ui = await ingest(path.join(upd, 'content'), [lastDump]);
        add('update ingest', ui);
        const ub = ui.ok ? await build(path.join(upd, 'content'), config) : skipped('update ingest failed');
        add('update build (warm cache)', ub);
        if (ui.ok && ub.ok && fullBuild?.ok) {
          const x = ratio(ui.wallMs + ub.wallMs, fullBuild.wallMs);
          if (x != null) ratios.push(x);
        }
        if (o.coldUpdate && ui.ok) {
          rmSync(path.join(upd, 'cache'), { recursive: true, force: true });
          add('update build (cold cache)', await build(path.join(upd, 'content'), config));
        }
      }
    }
    if (!o.keep) rmSync(dir, { recursive: true, force: true });
  }

  const searchSummary = (key: 'first' | 'followUp') => {
    const ok = searches.map((s) => s[key]).filter((q) => q.msToFirstResult != null);
    const err = searches.map((s) => s[key]).find((q) => q.error)?.error;
    return {
      ms: summarize(ok.map((q) => q.msToFirstResult!)),
      bytes: summarize(ok.map((q) => q.bytes))?.median ?? null,
      msComplete: summarize(ok.flatMap((q) => (q.msToComplete == null ? [] : [q.msToComplete]))),
      bytesComplete: summarize(ok.flatMap((q) => (q.bytesToComplete == null ? [] : [q.bytesToComplete])))?.median ?? null,
      error: ok.length === searches.length ? undefined : err,
    };
  };
  return {
    days,
    entries,
    dumpBytes,
    steps: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, collect(v)])),
    updateRatio: summarize(ratios),
    against: others.map(({ rev, ratios, cpuRatios }) => ({ rev, ratio: summarize(ratios), cpuRatio: summarize(cpuRatios) })),
    phases,
    hugo,
    hugoRatio: summarize(hugoRatios),
    output,
    search: searches.length ? { first: searchSummary('first'), followUp: searchSummary('followUp'), runs: searches } : null,
    querySet,
    tempDir: tmp,
  };
}

