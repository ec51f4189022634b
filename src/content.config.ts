// Astro content collections over the top-level `content/` folder written by the ingester.
// The loader validates with the schemas the ingester writes with, and keeps the abstracts
// out of the content store: list pages need only front matter and an excerpt, and a paper's
// page reads its own abstract from its file (src/utils/abstract.ts).
import { defineCollection } from 'astro:content';
import { daySchema, paperSchema } from './schema.ts';
import { contentDir } from './content-dir.ts';
import { frontMatterLoader } from './loaders/front-matter-loader.ts';
import { EXCERPT_LENGTH } from './consts.ts';
import { cutExcerpt } from './utils/cut-excerpt.ts';
import { markdownText } from './utils/markdown-text.ts';
import { z } from 'astro/zod';

const days = defineCollection({
  loader: frontMatterLoader({ name: 'archive:days', dir: contentDir('days'), schema: daySchema }),
  schema: daySchema,
});

/** What the store keeps of a paper: its front matter and the opening of its abstract. */
export const storedPaperSchema = paperSchema.extend({ excerpt: z.string() });

const papers = defineCollection({
  loader: frontMatterLoader({
    name: 'archive:papers',
    dir: contentDir('papers'),
    schema: paperSchema,
    derive: (body) => ({ excerpt: cutExcerpt(markdownText(body), EXCERPT_LENGTH) }),
  }),
  schema: storedPaperSchema,
});

export const collections = { days, papers };
