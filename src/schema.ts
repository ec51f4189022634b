// The content contract: one Zod schema per collection, shared by the ingester (which
// validates every record before writing) and Astro's content collections (which
// validate on load). Field names here are public: the site, tests and users' scripts
// read them.
import { z } from 'astro/zod';

/** A calendar day as the archive names it: `YYYY-MM-DD`, never a Date (no time zone). */
export const DAY_ID = /^\d{4}-\d{2}-\d{2}$/;

/** True when `id` is `YYYY-MM-DD` and names a real calendar day. */
export function isDayId(id: string): boolean {
  if (!DAY_ID.test(id)) return false;
  const [y, m, d] = id.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const dayId = z.string().refine(isDayId, { message: 'expected a real date as YYYY-MM-DD' });

/** A paper's slug: its file name under `content/papers/` and its URL segment. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slug = z.string().regex(SLUG, 'expected a lowercase ASCII slug');

const wholeNumber = z.number().int().nonnegative();

/** Front matter of `content/days/YYYY-MM-DD.md`. */
export const daySchema = z
  .object({
    date: dayId,
    /** Paper slugs in the order the day listed them. */
    papers: z.array(slug),
    source: z
      .object({
        /** The dump's original file name, as given to the ingester. */
        file: z.string().min(1),
        /** SHA-256 of the dump's bytes (hex), the copy kept in `content/dumps/`. */
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      })
      .strict(),
  })
  .strict();

/** Front matter of `content/papers/<slug>.md`; the body is the abstract as Markdown. */
export const paperSchema = z
  .object({
    title: z.string().min(1),
    /** Author count from the latest listing that showed one, or null when none did. */
    authors: wholeNumber.nullable(),
    /** Organisation from the latest listing that showed one (instead of a count), else null. */
    organization: z.string().min(1).nullable(),
    /** Publication date, or null when unknown. */
    published: dayId.nullable(),
    /** Comment count as of the latest day the paper was listed; null when unknown that day. */
    comments: wholeNumber.nullable(),
    /** Every day the paper was listed, sorted ascending, no duplicates. */
    days: z
      .array(dayId)
      .min(1)
      .refine((d) => d.every((x, i) => i === 0 || d[i - 1] < x), {
        message: 'days must be sorted ascending without duplicates',
      }),
  })
  .strict();

export type DayData = z.infer<typeof daySchema>;
export type PaperData = z.infer<typeof paperSchema>;

/** What a build keeps of a paper for its lists: the front matter and the abstract's opening. */
export const storedPaperSchema = paperSchema.extend({ excerpt: z.string() });
export type StoredPaperData = z.infer<typeof storedPaperSchema>;

/** `content/dumps/sources.json`: day → the archived dump's original file name and hash. */
export const sourcesSchema = z.record(dayId, daySchema.shape.source);

/**
 * `content/dumps/slugs.json`: a title's identity key → its slug, for every paper ever
 * written. A slug, once given, never changes (a corrected title, a --rebuild).
 */
export const slugsSchema = z.record(z.string().min(1), slug);

/**
 * `content/corrections.json` (optional, edited by hand): what the page got wrong, by slug.
 * Applied on every ingest and --rebuild; the dumps stay as captured.
 */
export const correctionsSchema = z.record(
  slug,
  z
    .object({
      /** The title to show instead of the captured one (the slug and identity stay). */
      title: z.string().trim().min(1),
    })
    .strict(),
);

export type Sources = z.infer<typeof sourcesSchema>;
export type Slugs = z.infer<typeof slugsSchema>;
export type Corrections = z.infer<typeof correctionsSchema>;

/**
 * `topics.json`: the owner's topics, each a name (its URL segment), a label and a word list.
 * Terms match title and abstract as whole words, case-insensitively (see src/utils/topics.ts).
 */
export const topicsSchema = z
  .object({
    topics: z.array(
      z
        .object({
          name: slug,
          label: z.string().min(1),
          terms: z.array(z.string().regex(/[\p{L}\p{N}]/u, 'a term needs a letter or digit')).min(1),
        })
        .strict(),
    ),
  })
  .strict()
  .refine((t) => new Set(t.topics.map((x) => x.name)).size === t.topics.length, {
    message: 'topic names must be unique',
    path: ['topics'],
  });

export type TopicsData = z.infer<typeof topicsSchema>;
