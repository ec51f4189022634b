// Memory over speed, for one process. V8 lets its old generation grow to a few times what
// is live before it collects; `--optimize-for-size` makes it collect sooner, at a cost in
// CPU. The flag is read at every collection, so setting it while the process runs is
// enough. What it saves and costs: docs/performance.md.
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
