// Shared by the ingest CLI tests: run scripts/ingest.ts on an archive, hash a whole tree, and
// see which processes wait (a run waiting for the lock has a flock(1) child).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const INGEST_SCRIPT = path.join(import.meta.dirname, '..', '..', 'scripts', 'ingest.ts');

/**
 * Runs the ingester on `root` (Node 24, process.execPath), optionally under a wrapper command
 * or as another user (`as`, when the tests run as root).
 */
export function runIngest(root: string, args: string[], env: Record<string, string> = {}, prefix: string[] = [], as?: { uid: number; gid: number }) {
  const cmd = prefix.length ? prefix[0] : process.execPath;
  const argv = [...prefix.slice(1), ...(prefix.length ? [process.execPath] : []), INGEST_SCRIPT, '--content', root, ...args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000, ...as });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

/** Every file under `root` (lock excluded) → sha256, to compare whole trees. */
export function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name !== '.ingest.lock') out[path.relative(root, p)] = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  };
  if (fs.existsSync(root)) walk(root);
  return out;
}

/** The command names (`comm`) of the live child processes of `pid`, read from /proc. */
export function childCommands(pid: number): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split at the last ')'.
    const close = stat.lastIndexOf(')');
    const [, ppid] = stat.slice(close + 2).split(' ');
    if (Number(ppid) === pid) out.push(stat.slice(stat.indexOf('(') + 1, close));
  }
  return out;
}

/** Resolves once `ready()` is true, checking every 20 ms; rejects if `gaveUp()` says so first. */
export async function until(ready: () => boolean, gaveUp: () => string | undefined = () => undefined): Promise<void> {
  for (;;) {
    if (ready()) return;
    const why = gaveUp();
    if (why) throw new Error(why);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
