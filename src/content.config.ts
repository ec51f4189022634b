// Astro content collections over the top-level `content/` folder written by the ingester.
// The loader validates with the schemas the ingester writes with and keeps what list pages
// need in its own lean index (src/archive/content-index-fs.ts), which the pages read through
// src/archive/load-archive.ts; a paper's page reads its own abstract from its file
// (src/archive/abstract.ts). Astro's content store stays empty, so no build bundles it.
import { defineCollection } from 'astro:content';
import { daySchema, paperSchema, storedPaperSchema } from './schema.ts';
import { configuredContent } from './content-dir.ts';
import { frontMatterLoader } from './archive/front-matter-loader.ts';
import { EXCERPT_LENGTH } from './consts.ts';
import { cutExcerpt } from './format/cut-excerpt.ts';
import { markdownText } from './format/markdown-text.ts';
import { COLLECTIONS } from './archive/content-index-fs.ts';

// The content index is kept in monthly parts, so a new day rewrites the parts it changes.
const days = defineCollection({
  loader: frontMatterLoader({ collection: COLLECTIONS.days, dir: configuredContent().days, schema: daySchema, partOf: (date) => date.slice(0, 7) }),
  schema: daySchema,
});

const papers = defineCollection({
  loader: frontMatterLoader({
    collection: COLLECTIONS.papers,
    dir: configuredContent().papers,
    schema: paperSchema,
    derive: (body) => ({ excerpt: cutExcerpt(markdownText(body), EXCERPT_LENGTH) }),
    // By the month of first listing.
    partOf: (_, data) => String((data.days as string[])[0]).slice(0, 7),
  }),
  schema: storedPaperSchema,
});

export const collections = { days, papers };
