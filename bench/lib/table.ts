// The bench's report: a Markdown table of every step, the build's phases, the daily update's
// share, the Hugo + Pagefind figures of the same run, and the output's weight.
import type { SizeFigures, StepFigures } from './size.ts';
import { formatBytes, formatBytesSummary, formatMs, summarize, type Summary } from './stats.ts';
import { FILE_KINDS, type QuerySetFigures } from './search.ts';

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  node: string;
  platform: string;
  astro: string;
  pagefind: string;
}

/** A summary of ratios: `1.17× (0.87–1.37)`, or — when there is none. */
const formatRatio = (r: Summary | null | undefined): string => (r ? `${r.median.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)})` : '—');

export function table(m: Machine, all: SizeFigures[], runs: number, queries: [string, string]): string {
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
    out.push(`| ${name} | ${all.map((s) => cell(s, (x) => formatMs(x.wallMs) + (x.cpuMs ? `; CPU ${(x.cpuMs.median / 1000).toFixed(1)} s` : ''))).join(' | ')} | ${all.map((s) => cell(s, (x) => formatBytesSummary(x.peakRssBytes))).join(' | ')} |`);
  }
  const phase = (label: string, key: 'syncMs' | 'bundleMs' | 'renderMs' | 'indexMs') => {
    if (!all.some((s) => s.phases.some((p) => p[key] !== undefined))) return;
    const cell = (s: SizeFigures) => formatMs(summarize(s.phases.flatMap((p) => (p[key] === undefined ? [] : [p[key]!]))));
    out.push(`| build: ${label} | ${all.map(cell).join(' | ')} | ${all.map(() => '').join(' | ')} |`);
  };
  phase('content sync', 'syncMs');
  phase('Vite bundling', 'bundleMs');
  phase('rendering pages', 'renderMs');
  phase('search index ready (from start)', 'indexMs');
  if (all.some((s) => s.hugo)) {
    const h = (s: SizeFigures, f: (x: NonNullable<SizeFigures['hugo']>) => string) => (s.hugo ? f(s.hugo) : '—');
    out.push(`| Hugo + Pagefind CLI, same content (1st run) | ${all.map((s) => h(s, (x) => `${(x.hugoMs / 1000).toFixed(1)} s + ${(x.pagefindMs / 1000).toFixed(1)} s = ${((x.hugoMs + x.pagefindMs) / 1000).toFixed(1)} s`)).join(' | ')} | ${all.map((s) => h(s, (x) => `${formatBytes(Math.max(x.hugoPeak, x.pagefindPeak))} (largest process)`)).join(' | ')} |`);
    out.push(`| our full build ÷ Hugo + Pagefind (same run) | ${all.map((s) => formatRatio(s.hugoRatio)).join(' | ')} | ${all.map(() => '').join(' | ')} |`);
  }
  for (const rev of new Set(all.flatMap((s) => s.against.map((a) => a.rev)))) {
    const cell = (s: SizeFigures, key: 'ratio' | 'cpuRatio') => formatRatio(s.against.find((a) => a.rev === rev)?.[key]);
    out.push(`| our full build ÷ the same build at ${rev} (same run) | ${all.map((s) => cell(s, 'ratio')).join(' | ')} | ${all.map(() => '').join(' | ')} |`);
    out.push(`| the same in CPU time | ${all.map((s) => cell(s, 'cpuRatio')).join(' | ')} | ${all.map(() => '').join(' | ')} |`);
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
  querySetRows(all, row);
  const errors = all.flatMap((s) => Object.entries(s.steps).filter(([, v]) => v.error).map(([k, v]) => `- ${s.days} days, ${k}: ${v.error}`));
  if (errors.length) out.push('', 'Failures:', ...errors);
  return out.join('\n');
}


/** The query set's rows: bytes, requests and Slow 4G time as median / worst over its queries, by query and file kind. */
function querySetRows(all: SizeFigures[], row: (label: string, f: (s: SizeFigures) => string) => void): void {
  if (!all.some((s) => s.querySet)) return;
  const kb = (b: number) => `${(b / 1000).toFixed(b >= 100_000 ? 0 : 1)} KB`;
  const stat = (s: SizeFigures, f: (q: QuerySetFigures) => number | null | undefined, show: (n: number) => string) => {
    const x = summarize((s.querySet ?? []).map((q) => f(q) ?? NaN));
    return x ? `${show(x.median)} / ${show(x.max)}` : '—';
  };
  row('query set: bytes per query, median / worst (gzip, 1 KB = 1000 B)', (s) => stat(s, (q) => q.settled?.bytes, kb));
  row('query set: requests per query, median / worst', (s) => stat(s, (q) => q.settled?.requests, String));
  row('query set: bytes to the first result, median / worst', (s) => stat(s, (q) => q.first?.bytes, kb));
  row('query set: Slow 4G, time to the first result, median / worst', (s) => stat(s, (q) => q.slowMsToFirstResult, (ms) => `${(ms / 1000).toFixed(2)} s`));
  row('query set: answers over the whole archive', (s) => (s.querySet ? `${s.querySet.filter((q) => q.whole).length} of ${s.querySet.length}` : '—'));
  for (const kind of FILE_KINDS) {
    if (!all.some((s) => s.querySet?.some((q) => q.settled?.byKind[kind]))) continue;
    row(`query set, ${kind}: mean bytes / requests per query`, (s) => {
      const qs = s.querySet ?? [];
      const b = qs.reduce((n, q) => n + (q.settled?.byKind[kind]?.bytes ?? 0), 0) / (qs.length || 1);
      const r = qs.reduce((n, q) => n + (q.settled?.byKind[kind]?.requests ?? 0), 0) / (qs.length || 1);
      return `${kb(b)} / ${r.toFixed(1)}`;
    });
  }
  const labels = [...new Set(all.flatMap((s) => (s.querySet ?? []).map((q) => q.kind)))];
  for (const kind of labels) {
    row(`query set, ${kind}: bytes (requests) per query`, (s) =>
      (s.querySet ?? []).filter((q) => q.kind === kind).map((q) => (q.settled ? `${kb(q.settled.bytes)} (${q.settled.requests})${q.whole ? '' : '*'}` : 'FAILED')).join(', ') || '—');
  }
}
