// Astro content collections over the top-level `content/` folder written by the ingester.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { daySchema, paperSchema } from './schema.ts';
import { contentDir } from './content-dir.ts';

// The file name (without `.md`) is the id: a day's `YYYY-MM-DD` or a paper's slug, exactly.
const idFromFile = ({ entry }: { entry: string }) => entry.replace(/\.md$/, '');

const days = defineCollection({
  loader: glob({ pattern: '*.md', base: contentDir('days'), generateId: idFromFile }),
  schema: daySchema,
});

// Pages use the pre-rendered HTML, never the raw Markdown: not keeping it roughly halves
// the content cache a 30,000-paper build holds in memory.
const papers = defineCollection({
  loader: glob({ pattern: '*.md', base: contentDir('papers'), generateId: idFromFile, retainBody: false }),
  schema: paperSchema,
});

export const collections = { days, papers };
