// Shared by the ingest CLI tests: run scripts/ingest.ts on an archive, and hash a whole tree.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const INGEST_SCRIPT = path.join(import.meta.dirname, '..', '..', 'scripts', 'ingest.ts');

/** Runs the ingester on `root` (Node 24, process.execPath), optionally under a wrapper command. */
export function runIngest(root: string, args: string[], env: Record<string, string> = {}, prefix: string[] = []) {
  const cmd = prefix.length ? prefix[0] : process.execPath;
  const argv = [...prefix.slice(1), ...(prefix.length ? [process.execPath] : []), INGEST_SCRIPT, '--content', root, ...args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
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
