// Memory over speed, for one process. V8 lets its old generation grow to a few times what
// is live before it collects: an ingest of 3,000 dumps peaks at 941 MB with 355 MB live, and
// an Astro build at 1,000 days sits at 1.3–1.4 GB where, collecting sooner, it sits at
// 600–700 MB. V8's `--optimize-for-size` makes it collect sooner; the flag is read at every
// collection, so setting it while the process runs is enough. It costs CPU (1.45× the build
// time at 1,000 days): measured in the README's Performance section.
import { setFlagsFromString } from 'node:v8';

/** Dumps an ingest parses from which it favours memory on its own (a backfill, `--rebuild`). */
export const BULK_DUMPS = 100;

/** Whether an ingest that parses `dumps` dumps favours memory (always when `lowMemory`). */
export function ingestFavoursMemory(dumps: number, lowMemory: boolean): boolean {
  return lowMemory || dumps >= BULK_DUMPS;
}

/** From now on, this process's V8 favours memory over speed (setting it again changes nothing). */
export function favourMemory(): void {
  setFlagsFromString('--optimize-for-size');
}
