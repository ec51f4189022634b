// Runs one command and measures it: wall time and the peak resident memory of its whole
// process tree (children included), sampled from /proc every ~50 ms.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface RunResult {
  ok: boolean;
  code: number | null;
  signal: string | null;
  wallMs: number;
  /** Peak of the summed RSS of the process and all its descendants, in bytes. */
  peakRssBytes: number;
  /**
   * CPU time (user + system) of the process and its descendants, as last sampled from each
   * (a process's final ~50 ms may be missed). Steadier than wall time on a shared machine.
   */
  cpuMs: number;
  stdout: string;
  stderr: string;
  error?: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Print the command's output as it runs. */
  echo?: boolean;
  intervalMs?: number;
}

const sysconf = new Map<string, number>();
/** A system value from getconf (once per name), or `fallback` where getconf cannot say. */
function getconf(name: string, fallback: number): number {
  let value = sysconf.get(name);
  if (value === undefined) {
    try {
      value = Number(execFileSync('getconf', [name], { encoding: 'utf8' }).trim()) || fallback;
    } catch {
      value = fallback;
    }
    sysconf.set(name, value);
  }
  return value;
}
const getPageSize = () => getconf('PAGESIZE', 4096);
const getClockTicks = () => getconf('CLK_TCK', 100);

/** From /proc/<pid>/stat: RSS summed over `root` and its descendants, and each one's CPU time so far (ms, by pid). */
function treeSample(root: number): { rss: number; cpuMsByPid: Map<number, number> } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  const cpu = new Map<number, number>();
  let pids: string[];
  try {
    pids = readdirSync('/proc');
  } catch {
    return { rss: 0, cpuMsByPid: new Map() };
  }
  for (const name of pids) {
    if (name.charCodeAt(0) < 48 || name.charCodeAt(0) > 57) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'latin1');
    } catch {
      continue; // exited meanwhile
    }
    // The command name is in parentheses and may contain spaces: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(name);
    const ppid = Number(fields[1]);
    rss.set(pid, Number(fields[21]) * getPageSize());
    // utime and stime (fields 14 and 15 of stat), in clock ticks.
    cpu.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / getClockTicks());
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  let total = 0;
  const cpuMsByPid = new Map<number, number>();
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    if (cpu.has(pid)) cpuMsByPid.set(pid, cpu.get(pid)!);
    stack.push(...(children.get(pid) ?? []));
  }
  return { rss: total, cpuMsByPid };
}

const TAIL = 8000;
const tail = (s: string): string => (s.length > TAIL ? '…' + s.slice(-TAIL) : s);

/** Spawns `command args`, resolving (never rejecting) with its figures and output tails. */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    let stdout = '';
    let stderr = '';
    let peak = 0;
    const cpuByPid = new Map<number, number>();
    let timedOut = false;
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const sample = () => {
      if (!child.pid) return;
      const { rss, cpuMsByPid } = treeSample(child.pid);
      peak = Math.max(peak, rss);
      for (const [pid, ms] of cpuMsByPid) cpuByPid.set(pid, Math.max(cpuByPid.get(pid) ?? 0, ms));
    };
    const timer = setInterval(sample, options.intervalMs ?? 50);
    const killer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, options.timeoutMs)
      : undefined;
    child.stdout.on('data', (d: Buffer) => {
      stdout = tail(stdout + d.toString());
      if (options.echo) process.stdout.write(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr = tail(stderr + d.toString());
      if (options.echo) process.stderr.write(d);
    });
    let done = false;
    const finish = (code: number | null, signal: string | null, error?: string) => {
      if (done) return;
      done = true;
      clearInterval(timer);
      if (killer) clearTimeout(killer);
      const wallMs = performance.now() - started;
      const ok = !error && !timedOut && code === 0;
      resolve({
        ok,
        code,
        signal,
        wallMs,
        peakRssBytes: peak,
        cpuMs: [...cpuByPid.values()].reduce((a, b) => a + b, 0),
        stdout,
        stderr,
        error: error ?? (timedOut ? `timed out after ${options.timeoutMs} ms` : ok ? undefined : `exit code ${code}${signal ? ` (${signal})` : ''}`),
      });
    };
    child.on('error', (e) => finish(null, null, e.message));
    child.on('close', (code, signal) => finish(code, signal));
    sample();
  });
}
