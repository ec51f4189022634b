// Builds the Pagefind index over an already built site, as src/integrations/pagefind.ts does
// after `astro build`: run on its own so the benchmark can time the search index alone.
// usage: node bench/lib/pagefind-only.ts <site dir> <output dir>
import * as pagefind from 'pagefind';

const [site, output] = process.argv.slice(2);
if (!site || !output) {
  console.error('usage: node bench/lib/pagefind-only.ts <site dir> <output dir>');
  process.exit(2);
}
try {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(errors.join('\n') || 'no index');
  const added = await index.addDirectory({ path: site });
  if (added.errors.length) throw new Error(added.errors.join('\n'));
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length) throw new Error(written.errors.join('\n'));
  console.log(`indexed ${added.page_count} pages`);
} finally {
  await pagefind.close();
}
