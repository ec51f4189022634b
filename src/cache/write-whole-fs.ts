// Files a build keeps between runs: written whole (under a temporary name beside the file, then
// renamed over it, so a build killed while writing leaves the previous file or none, never part
// of one) and read back only when they are whole and of the kind the reader expects.
import fs from 'node:fs';
import path from 'node:path';

/** The temporary name `file` is written under by this process. */
const temporaryOf = (file: string): string => `${file}.${process.pid}.tmp`;

/**
 * Writes `text` (or its pieces in turn, so no one string holds it all) to `file`, whole.
 * `durable`: also on disk before the call returns (the file and its folder fsynced), for a
 * file whose loss in a power cut would matter (the ingest journal), not for a cache.
 */
export function writeWhole(file: string, text: string | Iterable<string | Uint8Array>, { durable = false } = {}): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temp = temporaryOf(file);
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      for (const piece of typeof text === 'string' ? [text] : text) fs.writeFileSync(fd, piece);
      if (durable) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  if (durable) {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
}

/**
 * State a build kept in a JSON file, if the file is there, parses, and `accept` takes it
 * (returns it, or what it needs of it); otherwise `undefined`, and the caller starts afresh.
 * A missing, damaged or foreign file is never an error: it only costs the work it saved.
 */
export function readKept<T>(file: string, accept: (value: any) => T | undefined): T | undefined {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  return value !== null && typeof value === 'object' ? accept(value) : undefined;
}
