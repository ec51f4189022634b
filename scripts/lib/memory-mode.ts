// How a big batch keeps its memory flat. An ingest of thousands of dumps holds every parsed
// entry until it writes (355 MB live at 3,000 days), and V8 then lets the old generation
// grow to about twice that with garbage before collecting it (a tree peak of 941 MB).
// V8's `--optimize-for-size` makes it collect sooner: 565–597 MB at 3,000 days, for about
// 30 % more CPU in that run. A daily ingest holds little and would only pay the CPU
// (1.8 → 2.1 s of CPU for one dump onto 1,000 days), so only big batches ask for it.
import { setFlagsFromString } from 'node:v8';

/** Dumps a run parses from which it favours memory over speed. */
export const BULK_DUMPS = 100;

/** Whether a run that parses `dumps` dumps should favour memory. */
export function favoursMemory(dumps: number): boolean {
  return dumps >= BULK_DUMPS;
}

let favoured = false;

/**
 * Asks V8 to favour memory over speed from now on, for a run that parses `dumps` dumps
 * (no change for a small run). The flag is read at every collection, so setting it before
 * the dumps are parsed is enough.
 */
export function sizeHeapFor(dumps: number): void {
  if (favoured || !favoursMemory(dumps)) return;
  setFlagsFromString('--optimize-for-size');
  favoured = true;
}
