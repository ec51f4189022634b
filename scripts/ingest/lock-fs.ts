// The archive's writer lock: an OS file lock (flock(2), taken by util-linux's flock(1) on a
// descriptor this process keeps) on `<root>/.ingest.lock`. The kernel releases it when its
// holder dies, however it dies, so there is no stale lock to detect or take over (pids
// reused in containers, a lock file left by hand); the file's text only says who holds it,
// for the message of a waiting run. A release removes the file, so no run leaves it behind.
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
  const deadline = Date.now() + waitMs;
  for (;;) {
    const fd = openLockFile(root, file);
    let outcome: Awaited<ReturnType<typeof lockDescriptor>>;
    try {
      outcome = await lockDescriptor(fd, Math.max(0, deadline - Date.now()));
    } catch (e) {
      fs.closeSync(fd);
      throw e;
    }
    if (outcome !== 'locked') {
      fs.closeSync(fd);
      if (outcome.error) throw new Error(`cannot lock ${file}: flock(1) (util-linux) is needed: ${outcome.error.message}`);
      if (outcome.code === 75) throw new Error(`another ingest holds ${file}${describeHolder(file)}; gave up after ${waitMs} ms (INGEST_LOCK_WAIT_MS). Try again when it has finished: the lock is released the moment its holder exits, even if it was killed.`);
      throw new Error(`cannot lock ${file}: flock exited with ${outcome.code}`);
    }
    // A holder removes the file before it lets go, so a run that waited on the old file now
    // holds a lock on a file no longer under that name, while a newer run may hold the file
    // that is: the lock counts only while the name still leads to the locked file.
    if (!namesDescriptor(file, fd)) {
      fs.closeSync(fd);
      continue;
    }
    try {
      const text = `${JSON.stringify({ pid: process.pid, since: new Date().toISOString(), argv: process.argv.slice(2) })}\n`;
      fs.ftruncateSync(fd, 0);
      fs.writeSync(fd, text, 0);
    } catch {
      // Only informative.
    }
    let released = false;
    return {
      release() {
        if (released) return;
        released = true;
        // Removed while still held, so no run can lock this file under its name any more.
        try {
          fs.unlinkSync(file);
        } catch {
          // A file that cannot be removed (read-only) is harmless: it holds no lock.
        }
        fs.closeSync(fd);
      },
    };
  }
}

function openLockFile(root: string, file: string): number {
  try {
    fs.mkdirSync(root, { recursive: true });
    return fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o644);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new ReadOnlyArchive(`${file}: cannot be created: ${(e as Error).message}`);
    throw e;
  }
}

/**
 * flock(1) locks our descriptor (its fd 3, the same open file) and exits: the lock belongs
 * to the open file, so it stays with this process until the descriptor is closed.
 */
function lockDescriptor(fd: number, waitMs: number): Promise<'locked' | { code: number | null; error?: Error }> {
  const child = spawn('flock', ['--exclusive', '--wait', String(waitMs / 1000), '--conflict-exit-code', '75', '3'], {
    stdio: ['ignore', 'ignore', 'ignore', fd],
  });
  return new Promise((resolve) => {
    child.once('error', (error) => resolve({ code: null, error }));
    child.once('exit', (code) => resolve(code === 0 ? 'locked' : { code }));
  });
}

function namesDescriptor(file: string, fd: number): boolean {
  try {
    const named = fs.statSync(file);
    const held = fs.fstatSync(fd);
    return named.ino === held.ino && named.dev === held.dev;
  } catch {
    return false;
  }
}

function describeHolder(file: string): string {
  try {
    const h = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: number; since?: string };
    return ` (pid ${h.pid}, since ${h.since})`;
  } catch {
    return '';
  }
}
