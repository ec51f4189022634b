// Runs buildSearchIndex in a worker thread (src/search/index-worker.ts) and resolves to its
// result; its log lines go to `log`, its failure rejects the promise.
import { Worker } from 'node:worker_threads';
import type { IndexOptions, IndexResult } from './index-fs.ts';

/**
 * The worker's space for new objects. Each record lives only until Pagefind has it, so a small
 * young generation frees them in scavenges; at V8's default (sized for this machine's memory)
 * they were promoted and the old generation grew: the worker's memory at 30,000 papers went
 * from 354 to 180 MB with this, run alone. Not a limit on the heap: it cannot run out.
 */
const YOUNG_GENERATION_MB = 24;

export function buildSearchIndexInWorker({ log, ...opts }: IndexOptions): Promise<IndexResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./index-worker.ts', import.meta.url), { workerData: opts, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    let result: IndexResult | undefined;
    worker.on('message', (m: { log?: string; result?: IndexResult }) => {
      if (m.log !== undefined) log?.(m.log);
      if (m.result) result = m.result;
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (result ? resolve(result) : reject(new Error(`the search index worker exited with code ${code} and no index`))));
  });
}
