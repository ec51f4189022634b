// One reader for the archive's Markdown files (`days/*.md`, `papers/*.md`): a `---` block of
// YAML read as Astro reads front matter (js-yaml 4), validated with the content schema, and the
// body after it. Every problem is a `file: field: problem` line (src/schema-report.ts).
import yaml from 'js-yaml';
import type { z } from 'astro/zod';
import { check } from '../schema-report.ts';
import { splitFrontMatter } from '../format/markdown-text.ts';

export type ContentFile<T> = { ok: true; value: T; body: string } | { ok: false; problems: string[] };

/** The validated front matter of `text` (the file named `label`) and its body. */
export function parseContentFile<T>(text: string, label: string, schema: z.ZodType<T>): ContentFile<T> {
  const parts = splitFrontMatter(text);
  if (!parts) return { ok: false, problems: [`${label}: (front matter): missing: the file must start with a --- block`] };
  let data: unknown;
  try {
    data = yaml.load(parts.yaml);
  } catch (e) {
    return { ok: false, problems: [`${label}: (front matter): not valid YAML: ${(e as Error).message.split('\n')[0]}`] };
  }
  const r = check(schema, data, label);
  return r.ok ? { ok: true, value: r.value, body: parts.body } : r;
}
