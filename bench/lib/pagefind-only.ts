// The search index on its own, as the build makes it (src/integrations/pagefind.ts) but
// with an empty cache: every shard indexed from the paper collection, then placed.
// usage: node bench/lib/pagefind-only.ts <content dir> <scratch dir>
import path from 'node:path';
import { buildSearchIndex } from '../../src/search/index-fs.ts';
import { placeShards } from '../../src/search/place-fs.ts';
import { shardSize } from '../../src/search/plan.ts';
import { contentPaths } from '../../src/content-dir.ts';

const [content, scratch] = process.argv.slice(2);
if (!content || !scratch) {
  console.error('usage: node bench/lib/pagefind-only.ts <content dir> <scratch dir>');
  process.exit(2);
}
const result = await buildSearchIndex({
  papersDir: contentPaths(content).papers,
  cacheDir: path.join(scratch, 'cache'),
  shardSize: shardSize(),
});
placeShards(result, path.join(scratch, 'pagefind'), path.join(scratch, 'placed.json'));
console.log(`indexed ${result.papers} papers in ${result.shards.length} shard(s)`);
