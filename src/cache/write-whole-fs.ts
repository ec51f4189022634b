// A file replaced whole: written under a temporary name beside it, then renamed over it, so a
// build killed while writing leaves the previous file (or none), never part of one.
import fs from 'node:fs';
import path from 'node:path';

/** The temporary name `file` is written under by this process. */
const temporaryOf = (file: string): string => `${file}.${process.pid}.tmp`;

/** Writes `text` (or its pieces in turn, so no one string holds it all) to `file`, whole. */
export function writeWhole(file: string, text: string | Iterable<string | Uint8Array>): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = temporaryOf(file);
  const fd = fs.openSync(temp, 'w');
  try {
    for (const piece of typeof text === 'string' ? [text] : text) fs.writeFileSync(fd, piece);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  fs.renameSync(temp, file);
}
