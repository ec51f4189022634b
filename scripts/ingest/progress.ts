// A one-line progress bar on stderr, shown only on a terminal and only for big batches.
const MIN_TOTAL = 50;
let lastDrawn = '';

/** Draws `label done/total`; call with done === total to finish the line. */
export function progress(label: string, done: number, total: number): void {
  if (!process.stderr.isTTY || total < MIN_TOTAL) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
  if (line === lastDrawn) return;
  lastDrawn = line;
  process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`);
}
