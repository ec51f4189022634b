// The dumps named on the command line, read safely: only regular files (a FIFO would hang
// the run, a device such as /dev/zero would never end), each within a size limit.
import fs from 'node:fs';
import path from 'node:path';

/** Far above any real day (35 entries of ~2 KB); room for a 2 MB abstract and more. */
export const MAX_DUMP_BYTES = 64 * 1024 * 1024;

export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; message: string };

function kind(st: fs.Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/** The files a list of paths names: files as given, folders as their `*.txt` files. */
export function expandInputs(paths: string[]): { files: string[]; problems: string[] } {
  const files: string[] = [];
  const problems: string[] = [];
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      problems.push(`${p}: cannot read: ${(e as Error).message}`);
      continue;
    }
    if (!st.isDirectory()) {
      files.push(p);
      continue;
    }
    const txt = fs.readdirSync(p).filter((n) => n.endsWith('.txt') && !n.startsWith('.')).sort();
    if (txt.length === 0) problems.push(`${p}: no *.txt dump in this folder`);
    files.push(...txt.map((n) => path.join(p, n)));
  }
  return { files, problems };
}

/** Reads one dump: refused when not a regular file or larger than MAX_DUMP_BYTES. */
export function readInput(file: string, maxBytes = MAX_DUMP_BYTES): ReadResult {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO must not wait for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    return { ok: false, message: `cannot read: ${(e as Error).message}` };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { ok: false, message: `${kind(st)}, not a dump file: refused` };
    if (st.size > maxBytes) return { ok: false, message: `${st.size} bytes, over the ${maxBytes}-byte limit for one dump: refused` };
    const bytes = Buffer.alloc(st.size);
    let at = 0;
    while (at < st.size) {
      const n = fs.readSync(fd, bytes, at, st.size - at, at);
      if (n === 0) break;
      at += n;
    }
    return { ok: true, bytes: bytes.subarray(0, at) };
  } catch (e) {
    return { ok: false, message: `cannot read: ${(e as Error).message}` };
  } finally {
    fs.closeSync(fd);
  }
}
