// The only writer of the archive: atomic batches of file writes (temp file in the same
// folder, fsync, rename) applied in a crash-safe order. A failed write removes every temp
// file of the run and says which file failed and why.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

/** Test hook: SIGKILL this process after that many completed file operations. */
export const KILL_ENV = 'INGEST_TEST_KILL_AFTER_WRITES';

/**
 * One file to write (`data`) or remove (`data` null). `data` may be a function, called when
 * the file is staged: a big batch then never holds every file's text at once.
 */
export interface FileOp {
  path: string;
  data: string | Uint8Array | null | (() => string | Uint8Array);
}

/** The bytes of a write operation. */
export function contentOf(op: FileOp): string | Uint8Array {
  if (op.data === null) throw new Error(`${op.path}: a removal has no content`);
  return typeof op.data === 'function' ? op.data() : op.data;
}

/** A write that failed (full disk, permissions …), naming the file and the cause. */
export class WriteError extends Error {}

function fail(file: string, what: string, e: unknown): never {
  const err = e as NodeJS.ErrnoException;
  const cause = err.code === 'ENOSPC' ? 'no space left on the device' : err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.code === 'EROFS' ? 'read-only file system' : err.message;
  throw new WriteError(`${file}: cannot ${what}: ${cause}${err.code ? ` (${err.code})` : ''}`);
}

/** Removes temp files a killed run may have left in `dirs`. Call with the lock held. */
export function removeTempFiles(dirs: string[]): void {
  for (const dir of dirs) {
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names) if (n.startsWith('.') && n.endsWith('.tmp')) fs.rmSync(path.join(dir, n), { force: true });
  }
}

let opsDone = 0;
function countOp(): void {
  opsDone++;
  const limit = Number(process.env[KILL_ENV]);
  if (limit > 0 && opsDone >= limit) process.kill(process.pid, 'SIGKILL');
}

function sameBytes(file: string, data: string | Uint8Array): boolean {
  try {
    const old = fs.readFileSync(file);
    return typeof data === 'string' ? old.toString('utf8') === data : Buffer.compare(old, data) === 0;
  } catch {
    return false;
  }
}

export interface ApplyResult {
  written: number;
  deleted: number;
  unchanged: number;
}

/**
 * Applies the groups in order. Every new file content is first written to a temp file and
 * made durable (one file-system sync for a big batch, see below); then each group's
 * renames and removals happen, then the group's folders are fsynced, before the next group.
 * A file whose bytes would not change is not touched.
 */
export async function applyGroups(
  groups: FileOp[][],
  onProgress?: (done: number, total: number) => void,
  /** Runs once every new file is staged and durable, before the first visible change. */
  beforeCommit?: () => void,
): Promise<ApplyResult> {
  const result: ApplyResult = { written: 0, deleted: 0, unchanged: 0 };
  const staged: { temp: string; ops: FileOp }[][] = groups.map(() => []);
  const toStage: { g: number; op: FileOp; temp: string }[] = [];
  groups.forEach((ops, g) => {
    for (const op of ops) {
      if (op.data === null) continue;
      const temp = path.join(path.dirname(op.path), `.${path.basename(op.path)}.${process.pid}.tmp`);
      toStage.push({ g, op, temp });
    }
  });
  let done = 0;
  const total = toStage.length;
  // Per-file fsync costs ~0.3 ms each: for big batches flush the whole file system once
  // (syncfs through coreutils' `sync -f`) before any rename; fall back to per-file fsync.
  // Plain synchronous writes: measured 3x faster here than a pool of async writes, whose
  // open/write/close each take a thread-pool round trip (31,000 files: 4.0 s against 13 s).
  let perFileSync = total <= 64;
  const madeDirs = new Set<string>();
  const dropStaged = () => {
    for (const { temp } of toStage) fs.rmSync(temp, { force: true });
  };
  for (const { g, op, temp } of toStage) {
    const dir = path.dirname(temp);
    let data: string | Uint8Array;
    try {
      data = contentOf(op);
    } catch (e) {
      dropStaged();
      throw e;
    }
    if (sameBytes(op.path, data)) {
      result.unchanged++;
      if (++done % 100 === 0 || done === total) onProgress?.(done, total);
      continue;
    }
    try {
      if (!madeDirs.has(dir)) fs.mkdirSync(dir, { recursive: true }), madeDirs.add(dir);
      const fd = fs.openSync(temp, 'w');
      try {
        fs.writeFileSync(fd, data);
        if (perFileSync) fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } catch (e) {
      dropStaged();
      fail(op.path, 'write', e);
    }
    staged[g].push({ temp, ops: op });
    if (++done % 100 === 0 || done === total) onProgress?.(done, total);
  }
  if (!perFileSync && staged.some((g) => g.length > 0)) {
    try {
      execFileSync('sync', ['-f', path.dirname(staged.flat()[0].temp)], { stdio: 'ignore' });
    } catch {
      perFileSync = true;
      for (const { temp } of staged.flat()) {
        const fd = fs.openSync(temp, 'r+');
        try {
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
      }
    }
  }
  try {
    // Only a run that changes something announces it (a no-op run writes no byte).
    if (staged.some((g) => g.length > 0) || groups.some((ops) => ops.some((op) => op.data === null && fs.existsSync(op.path)))) beforeCommit?.();
  } catch (e) {
    dropStaged();
    throw e;
  }
  for (let g = 0; g < groups.length; g++) {
    const dirs = new Set<string>();
    // Sorted, so a kill after N operations stops at the same place every time.
    for (const { temp, ops } of staged[g].sort((a, b) => (a.ops.path < b.ops.path ? -1 : 1))) {
      try {
        fs.renameSync(temp, ops.path);
      } catch (e) {
        dropStaged();
        fail(ops.path, 'replace', e);
      }
      dirs.add(path.dirname(ops.path));
      result.written++;
      countOp();
    }
    for (const op of groups[g]) {
      if (op.data !== null || !fs.existsSync(op.path)) continue;
      try {
        fs.rmSync(op.path);
      } catch (e) {
        dropStaged();
        fail(op.path, 'remove', e);
      }
      dirs.add(path.dirname(op.path));
      result.deleted++;
      countOp();
    }
    for (const dir of dirs) {
      const fd = fs.openSync(dir, 'r');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    }
  }
  return result;
}
