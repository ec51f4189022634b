// Worker thread entry: builds the search index (src/search/index-fs.ts) off Astro's main
// thread, so reading 30,000 paper files, counting words and feeding Pagefind use the second
// core instead of delaying page rendering. Messages: `{ log }` while working, then `{ result }`.
import { parentPort, workerData } from 'node:worker_threads';
import { buildSearchIndex, type IndexOptions } from './index-fs.ts';

const port = parentPort;
if (!port) throw new Error('index-worker.ts runs as a worker thread (see src/search/index-in-worker.ts)');
const opts = workerData as Omit<IndexOptions, 'log'>;
const result = await buildSearchIndex({ ...opts, log: (log) => port.postMessage({ log }) });
port.postMessage({ result });
