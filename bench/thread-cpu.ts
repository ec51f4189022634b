// Where a command's CPU time goes, by thread: runs it and samples /proc every 250 ms for the
// CPU time of each thread of its process tree (Astro's main thread, the search index worker,
// libuv's file-system threads, V8's garbage-collection helpers, Pagefind's processes) and the
// tree's memory over time. A build's main thread is a minority of its CPU time; a CPU profile
// (`node --cpu-prof`) sees only that thread. Linux only.
//
//   node bench/thread-cpu.ts [--json FILE] -- node node_modules/astro/bin/astro.mjs build
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ options: { json: { type: 'string' } }, allowPositionals: true });
if (positionals.length === 0) {
  console.error('usage: node bench/thread-cpu.ts [--json FILE] -- COMMAND [ARG…]');
  process.exit(2);
}
const TICK = 10; // ms per clock tick (CLK_TCK 100 on Linux)
const PAGE = 4096;

/** `/proc/<pid>/stat` or a task's: its name and the fields after it. */
function stat(file: string): { name: string; fields: string[] } | undefined {
  try {
    const s = readFileSync(file, 'latin1');
    return { name: s.slice(s.indexOf('(') + 1, s.lastIndexOf(')')), fields: s.slice(s.lastIndexOf(')') + 2).split(' ') };
  } catch {
    return undefined; // gone meanwhile
  }
}

const [command, ...args] = positionals;
const started = Date.now();
const child = spawn(command, args, { stdio: 'inherit' });
/** Each thread's CPU time at its last sample (ms), by `pid/tid`, with `process:thread` names. */
const threads = new Map<string, { name: string; ms: number }>();
const memory: { s: number; mb: Record<string, number>; totalMb: number }[] = [];

function sample(): void {
  const parent = new Map<number, number>();
  for (const p of readdirSync('/proc')) if (/^\d+$/.test(p)) parent.set(Number(p), Number(stat(`/proc/${p}/stat`)?.fields[1]));
  const tree = new Set([child.pid!]);
  // Descendants: repeat until no process joins (a child may be listed before its parent).
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parent) if (!tree.has(pid) && tree.has(ppid)) (tree.add(pid), (grew = true));
  }
  const mb: Record<string, number> = {};
  let total = 0;
  for (const pid of tree) {
    const p = stat(`/proc/${pid}/stat`);
    if (!p) continue;
    const rss = (Number(p.fields[21]) * PAGE) / 1e6;
    mb[`${p.name}#${pid}`] = Math.round(rss);
    total += rss;
    let tids: string[] = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const t = stat(`/proc/${pid}/task/${tid}/stat`);
      if (t) threads.set(`${pid}/${tid}`, { name: `${p.name}: ${t.name}`, ms: (Number(t.fields[11]) + Number(t.fields[12])) * TICK });
    }
  }
  memory.push({ s: (Date.now() - started) / 1000, mb, totalMb: Math.round(total) });
}

const timer = setInterval(sample, 250);
child.on('exit', (code) => {
  clearInterval(timer);
  const byName = new Map<string, number>();
  // Numbered threads of one kind (pool workers) are summed under one name.
  for (const { name, ms } of threads.values()) byName.set(name.replace(/[\d-]+$/, ''), (byName.get(name.replace(/[\d-]+$/, '')) ?? 0) + ms);
  const sum = [...byName.values()].reduce((a, b) => a + b, 0);
  const peak = memory.reduce((a, b) => (b.totalMb > a.totalMb ? b : a), { s: 0, mb: {}, totalMb: 0 });
  console.log(`\nexit ${code}; ${((Date.now() - started) / 1000).toFixed(1)} s wall, ${(sum / 1000).toFixed(1)} s CPU (a thread's last 250 ms may be missed)`);
  for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1])) if (ms > 0) console.log(`${(ms / 1000).toFixed(1).padStart(8)} s  ${((100 * ms) / sum).toFixed(0).padStart(3)} %  ${name}`);
  console.log(`peak ${peak.totalMb} MB at ${peak.s.toFixed(1)} s: ${Object.entries(peak.mb).map(([k, v]) => `${k} ${v} MB`).join(', ')}`);
  if (values.json) writeFileSync(values.json, JSON.stringify({ threads: Object.fromEntries(byName), memory }, null, 1) + '\n');
  process.exit(code ?? 1);
});
