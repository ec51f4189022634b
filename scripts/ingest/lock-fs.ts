// The archive's writer lock: an OS file lock (flock(2), through util-linux's flock(1)) on
// `<root>/.ingest.lock`. The kernel releases it when its holder dies, however it dies, so
// there is no stale lock to detect or take over (pids reused in containers, a lock file
// left by hand); the file's text only says who holds it, for the message of a waiting run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = '.ingest.lock';

export interface Lock {
  release(): void;
}

/** The archive cannot be written at all (read-only file system, no permission). */
export class ReadOnlyArchive extends Error {}

/** Holds the lock until release() or this process's end; waits up to `waitMs` for it. */
export async function acquireLock(root: string, waitMs: number): Promise<Lock> {
  const file = path.join(root, LOCK_FILE);
  try {
    fs.mkdirSync(root, { recursive: true });
    fs.closeSync(fs.openSync(file, 'a'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new ReadOnlyArchive(`${file}: cannot be created: ${(e as Error).message}`);
    throw e;
  }
  // flock holds the lock while `cat` waits on our pipe: when this process ends, the pipe
  // closes, cat and flock exit, and the kernel drops the lock.
  const child = spawn('flock', ['--exclusive', '--wait', String(waitMs / 1000), '--conflict-exit-code', '75', file, 'sh', '-c', 'echo locked; exec cat >/dev/null'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const outcome = await new Promise<'locked' | { code: number | null; error?: Error }>((resolve) => {
    child.stdout.once('data', () => resolve('locked'));
    child.once('error', (error) => resolve({ code: null, error }));
    child.once('exit', (code) => resolve({ code }));
  });
  if (outcome !== 'locked') {
    if (outcome.error) throw new Error(`cannot lock ${file}: flock(1) (util-linux) is needed: ${outcome.error.message}`);
    if (outcome.code === 75) throw new Error(`another ingest holds ${file}${describeHolder(file)}; gave up after ${waitMs} ms (INGEST_LOCK_WAIT_MS). Try again when it has finished: the lock is released the moment its holder exits, even if it was killed.`);
    throw new Error(`cannot lock ${file}: flock exited with ${outcome.code}`);
  }
  try {
    fs.writeFileSync(file, `${JSON.stringify({ pid: process.pid, since: new Date().toISOString(), argv: process.argv.slice(2) })}\n`);
  } catch {
    // Only informative.
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      child.stdin.end();
    },
  };
}

function describeHolder(file: string): string {
  try {
    const h = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: number; since?: string };
    return ` (pid ${h.pid}, since ${h.since})`;
  } catch {
    return '';
  }
}

