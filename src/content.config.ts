// Astro content collections over the top-level `content/` folder written by the ingester.
// The loader validates with the schemas the ingester writes with and keeps what list pages
// need in its own lean index (src/utils/content-index-fs.ts), which the pages read through
// src/utils/load-archive.ts; a paper's page reads its own abstract from its file
// (src/utils/abstract.ts). Astro's content store stays empty, so no build bundles it.
import { defineCollection } from 'astro:content';
import { daySchema, paperSchema, storedPaperSchema } from './schema.ts';
import { contentDir } from './content-dir.ts';
import { frontMatterLoader } from './loaders/front-matter-loader.ts';
import { EXCERPT_LENGTH } from './consts.ts';
import { cutExcerpt } from './utils/cut-excerpt.ts';
import { markdownText } from './utils/markdown-text.ts';
import { COLLECTIONS } from './utils/content-index-fs.ts';

const days = defineCollection({
  loader: frontMatterLoader({ collection: COLLECTIONS.days, dir: contentDir('days'), schema: daySchema }),
  schema: daySchema,
});

const papers = defineCollection({
  loader: frontMatterLoader({
    collection: COLLECTIONS.papers,
    dir: contentDir('papers'),
    schema: paperSchema,
    derive: (body) => ({ excerpt: cutExcerpt(markdownText(body), EXCERPT_LENGTH) }),
  }),
  schema: storedPaperSchema,
});

export const collections = { days, papers };
