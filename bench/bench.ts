// Benchmark CLI: for each archive size, generate dumps, then time ingest, the full build, its
// two parts (Astro pages, Pagefind index), a daily update, the output weight, and search in
// Chromium. Prints a Markdown table and writes the figures as JSON.
// usage: npm run bench -- [--sizes 100,1000] [--runs 3] [--only ingest,build,astro,pagefind,update,output,search]
//                         [--json FILE] [--keep] [--cold-update] [--queries w1,w2] [--seed N]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, linkSync, readFileSync, symlinkSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { synthSeries } from '../scripts/synth/dump.ts';
import { run, type RunResult } from './lib/measure.ts';
import { measureSearch, type SearchFigures } from './lib/search.ts';
import { siteFigures, type SiteFigures } from './lib/site.ts';
import { formatBytes, formatBytesSummary, formatMs, ratio, summarize, type Summary } from './lib/stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STEPS = ['ingest', 'build', 'astro', 'pagefind', 'update', 'output', 'search'] as const;
type Step = (typeof STEPS)[number];
const SEED = 20230504;
const START = '2023-05-04';
const STEP_TIMEOUT_MS = 60 * 60_000;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
    json: { type: 'string', default: path.join(ROOT, 'bench/results/latest.json') },
    keep: { type: 'boolean', default: false },
    'cold-update': { type: 'boolean', default: false },
    queries: { type: 'string', default: 'gradient,calibration' },
    seed: { type: 'string', default: String(SEED) },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(readUsage());
  process.exit(0);
}
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const only = new Set<Step>((values.only ? values.only.split(',') : STEPS) as Step[]);
const queries = values.queries.split(',') as [string, string];
const seed = Number(values.seed);
for (const s of only) if (!STEPS.includes(s)) fail(`unknown step ${s}; steps: ${STEPS.join(',')}`);
if (sizes.some((n) => !Number.isInteger(n) || n < 2) || !Number.isInteger(runs) || runs < 1 || queries.length !== 2) fail(readUsage());

function readUsage(): string {
  return 'usage: npm run bench -- [--sizes 100,1000] [--runs 3] [--only ' + STEPS.join(',') + '] [--json FILE] [--keep] [--cold-update] [--queries w1,w2] [--seed N]';
}
function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** One measured step over several runs. */
interface StepFigures {
  wallMs: Summary | null;
  peakRssBytes: Summary | null;
  runs: { ok: boolean; wallMs: number; peakRssBytes: number; error?: string }[];
  error?: string;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    astro: pkgVersion('astro'),
    pagefind: pkgVersion('pagefind'),
  };
}
function pkgVersion(name: string): string {
  try {
    return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
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

const log = (msg: string) => console.error(`[bench] ${msg}`);

function collect(results: RunResult[]): StepFigures {
  const okRuns = results.filter((r) => r.ok);
  const failed = results.find((r) => !r.ok);
  return {
    wallMs: summarize(okRuns.map((r) => r.wallMs)),
    peakRssBytes: summarize(okRuns.map((r) => r.peakRssBytes)),
    runs: results.map((r) => ({ ok: r.ok, wallMs: r.wallMs, peakRssBytes: r.peakRssBytes, error: r.ok ? undefined : describe(r) })),
    error: failed ? describe(failed) : undefined,
  };
}
function describe(r: RunResult): string {
  const lines = (r.stderr.trim() || r.stdout.trim()).split('\n').map((l) => l.trim()).filter(Boolean);
  // The error's own message first (stack traces bury it), then the last lines.
  const message = lines.filter((l) => /error|cannot|failed|not found/i.test(l) && !/^at /.test(l)).slice(0, 3);
  return `${r.error}: ${[...message, '…', ...lines.slice(-3)].join(' | ')}`.slice(0, 1500);
}
const skipped = (why: string): RunResult => ({ ok: false, code: null, signal: null, wallMs: NaN, peakRssBytes: NaN, stdout: '', stderr: '', error: `skipped: ${why}` });

/** Where builds run: a snapshot of the site's sources made at start (see snapshotProject). */
let PROJECT = ROOT;

/**
 * Astro 7 writes prerender chunks to `<root>/.astro/.prerender/`, so two builds in one root
 * (ours and a colleague's, or e2e tests) break each other. Builds run in a copy of the site
 * sources with node_modules linked; it also keeps every run on the same sources.
 */
function snapshotProject(tmp: string): string {
  const copy = path.join(tmp, 'project');
  mkdirSync(copy);
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    if (existsSync(path.join(ROOT, entry))) cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
  return copy;
}

/** A wrapper config: the project's own, with its own outDir and cacheDir, Pagefind optional. */
function writeConfig(dir: string, outDir: string, cacheDir: string, withPagefind: boolean): string {
  const file = path.join(dir, `astro.config.${withPagefind ? 'full' : 'pages'}.mjs`);
  const base = JSON.stringify(path.join(PROJECT, 'astro.config.mjs'));
  writeFileSync(
    file,
    `// Generated by bench/bench.ts.
import base from ${base};
export default {
  ...base,
  root: ${JSON.stringify(PROJECT)},
  outDir: ${JSON.stringify(outDir)},
  cacheDir: ${JSON.stringify(cacheDir)},
  integrations: ${withPagefind ? 'base.integrations' : "(base.integrations ?? []).filter((i) => i.name !== 'archive:pagefind')"},
};
`,
  );
  return file;
}

const node = process.execPath;
const astroBin = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');

function ingest(content: string, dumps: string[]): Promise<RunResult> {
  return run(node, [path.join(ROOT, 'scripts/ingest.ts'), '--content', content, ...dumps], {
    cwd: ROOT, env: { ...process.env, ARCHIVE_CONTENT_DIR: content }, timeoutMs: STEP_TIMEOUT_MS, echo: values.verbose,
  });
}
function build(content: string, config: string): Promise<RunResult> {
  // Astro joins --config onto the root, so an outside file is given relative to it.
  return run(node, [astroBin, 'build', '--root', PROJECT, '--config', path.relative(PROJECT, config)], {
    cwd: PROJECT, env: { ...process.env, ARCHIVE_CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' }, timeoutMs: STEP_TIMEOUT_MS, echo: values.verbose,
  });
}

/** Medians over runs: to the first result, and to results over the whole archive. */
interface QuerySummary {
  ms: Summary | null;
  bytes: number | null;
  msComplete: Summary | null;
  bytesComplete: number | null;
  error?: string;
}

interface SizeFigures {
  days: number;
  entries: number;
  dumpBytes: number;
  steps: Record<string, StepFigures>;
  /** Daily update (warm) as a share of the full build of the same run. */
  updateRatio: Summary | null;
  output: SiteFigures | null;
  search: { first: QuerySummary; followUp: QuerySummary; runs: SearchFigures[] } | null;
  tempDir: string;
}

async function benchSize(days: number): Promise<SizeFigures> {
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
  const series = synthSeries({ seed, start: START });
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
  PROJECT = snapshotProject(tmp);

  const results: Record<string, RunResult[]> = {};
  const add = (name: string, r: RunResult) => {
    (results[name] ??= []).push(r);
    log(`  ${name}: ${r.ok ? `${(r.wallMs / 1000).toFixed(2)} s, ${formatBytes(r.peakRssBytes)}` : describe(r)}`);
  };
  const ratios: number[] = [];
  const searches: SearchFigures[] = [];
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
    const pi = await ingest(path.join(upd, 'content'), [prevDumps]);
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
      fullBuild = ingested ? await build(content, config) : skipped('ingest failed');
      add('build', fullBuild);
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
      }
    }
    if (only.has('astro') || only.has('pagefind')) {
      const config = writeConfig(dir, path.join(dir, 'dist-pages'), path.join(dir, 'cache-pages'), false);
      const pages = ingested ? await build(content, config) : skipped('ingest failed');
      if (only.has('astro')) add('astro', pages);
      if (only.has('pagefind')) {
        rmSync(path.join(dir, 'pagefind-only'), { recursive: true, force: true });
        const pf = ingested
          ? await run(node, [path.join(ROOT, 'bench/lib/pagefind-only.ts'), content, path.join(dir, 'pagefind-only')], { cwd: ROOT, timeoutMs: STEP_TIMEOUT_MS })
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
        if (values['cold-update'] && ui.ok) {
          rmSync(path.join(upd, 'cache'), { recursive: true, force: true });
          add('update build (cold cache)', await build(path.join(upd, 'content'), config));
        }
      }
    }
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
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
    output,
    search: searches.length ? { first: searchSummary('first'), followUp: searchSummary('followUp'), runs: searches } : null,
    tempDir: tmp,
  };
}

function table(m: ReturnType<typeof machine>, all: SizeFigures[]): string {
  const out: string[] = [];
  out.push(`Machine: ${m.cpu}, ${m.cores} cores, ${formatBytes(m.memoryBytes)} RAM, Node ${m.node}, Astro ${m.astro}, Pagefind ${m.pagefind}. ` +
    `Median of ${runs} run(s), (min–max); peak RSS = whole process tree.`);
  const head = `| Step | ${all.map((s) => `${s.days} days: time`).join(' | ')} | ${all.map((s) => `${s.days} days: peak RSS`).join(' | ')} |`;
  out.push('', head, `|${' --- |'.repeat(1 + all.length * 2)}`);
  const names = [...new Set(all.flatMap((s) => Object.keys(s.steps)))];
  for (const name of names) {
    const cell = (s: SizeFigures, f: (x: StepFigures) => string) => {
      const st = s.steps[name];
      if (!st) return '—';
      return st.wallMs ? f(st) + (st.error ? ' ⚠' : '') : `FAILED`;
    };
    out.push(`| ${name} | ${all.map((s) => cell(s, (x) => formatMs(x.wallMs))).join(' | ')} | ${all.map((s) => cell(s, (x) => formatBytesSummary(x.peakRssBytes))).join(' | ')} |`);
  }
  if (all.some((s) => s.updateRatio)) {
    out.push(`| daily update ÷ full build | ${all.map((s) => (s.updateRatio ? `${(s.updateRatio.median * 100).toFixed(0)} %` : '—')).join(' | ')} | ${all.map(() => '').join(' | ')} |`);
  }
  out.push('', `| Output | ${all.map((s) => `${s.days} days`).join(' | ')} |`, `|${' --- |'.repeat(1 + all.length)}`);
  const row = (label: string, f: (s: SizeFigures) => string) => out.push(`| ${label} | ${all.map(f).join(' | ')} |`);
  row('entries / dumps', (s) => `${s.entries} / ${formatBytes(s.dumpBytes)}`);
  row('dist/ (files)', (s) => (s.output ? `${formatBytes(s.output.distBytes)} (${s.output.distFiles})` : '—'));
  row('search index dist/pagefind/ (files)', (s) => (s.output ? `${formatBytes(s.output.pagefindBytes)} (${s.output.pagefindFiles})` : '—'));
  for (const page of ['home', 'day', 'paper', 'search']) {
    row(`${page} page HTML raw / gzip`, (s) => {
      const p = s.output?.pages[page];
      return p ? `${formatBytes(p.htmlBytes)} / ${formatBytes(p.htmlGzip)}` : '—';
    });
    row(`${page} page JS raw / gzip`, (s) => {
      const p = s.output?.pages[page];
      return p ? `${formatBytes(p.jsBytes)} / ${formatBytes(p.jsGzip)} (${p.scripts.length} files)` : '—';
    });
  }
  const q = (s: SizeFigures, k: 'first' | 'followUp') => {
    const x = s.search?.[k];
    if (!x) return '—';
    return x.ms ? `${formatMs(x.ms)}, ${formatBytes(x.bytes)} transferred${x.error ? ' ⚠' : ''}` : `FAILED: ${x.error}`;
  };
  const complete = (s: SizeFigures, k: 'first' | 'followUp') => {
    const x = s.search?.[k];
    return x?.msComplete ? `${formatMs(x.msComplete)}, ${formatBytes(x.bytesComplete)} transferred` : '—';
  };
  row(`search “${queries[0]}” (fresh load → first result)`, (s) => q(s, 'first'));
  row(`search “${queries[0]}” (fresh load → results over every shard)`, (s) => complete(s, 'first'));
  row(`search “${queries[1]}” (typed follow-up → first result)`, (s) => q(s, 'followUp'));
  row(`search “${queries[1]}” (typed follow-up → results over every shard)`, (s) => complete(s, 'followUp'));
  const errors = all.flatMap((s) => Object.entries(s.steps).filter(([, v]) => v.error).map(([k, v]) => `- ${s.days} days, ${k}: ${v.error}`));
  if (errors.length) out.push('', 'Failures:', ...errors);
  return out.join('\n');
}

const m = machine();
const all: SizeFigures[] = [];
for (const days of sizes) {
  try {
    all.push(await benchSize(days));
  } catch (e) {
    log(`N=${days} aborted: ${(e as Error).stack}`);
  }
}
const report = { date: new Date().toISOString(), machine: m, options: { sizes, runs, only: [...only], queries, seed, start: START }, sizes: all };
mkdirSync(path.dirname(values.json), { recursive: true });
writeFileSync(values.json, JSON.stringify(report, null, 2) + '\n');
if (!values.keep) for (const s of all) rmSync(s.tempDir, { recursive: true, force: true });
console.log(table(m, all));
console.log(`\nFigures: ${values.json}${values.keep ? `; temp folders kept: ${all.map((s) => s.tempDir).join(', ')}` : ''}`);
