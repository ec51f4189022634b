// Runs buildSearchIndex in a worker thread (src/search/index-worker.ts) and resolves to its
// result; its log lines go to `log`, its failure rejects the promise.
import { Worker } from 'node:worker_threads';
import type { IndexOptions, IndexResult } from './index-fs.ts';

export function buildSearchIndexInWorker({ log, ...opts }: IndexOptions): Promise<IndexResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./index-worker.ts', import.meta.url), { workerData: opts });
    let result: IndexResult | undefined;
    worker.on('message', (m: { log?: string; result?: IndexResult }) => {
      if (m.log !== undefined) log?.(m.log);
      if (m.result) result = m.result;
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (result ? resolve(result) : reject(new Error(`the search index worker exited with code ${code} and no index`))));
  });
}
