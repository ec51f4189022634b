// Content loader for the ingester's Markdown files: validates each file's front matter with
// the content schema (every problem reported as `file: field: problem`), and stores only what
// list pages need — never the abstract's Markdown or HTML, which only a paper's own page
// reads, from its file. A file whose modification time and size are those of the last build
// is not read again (a daily rebuild stats 30,000 files instead of reading them), and one
// whose text is unchanged (same digest) is not parsed again.
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import type { Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import { check } from '../schema-report.ts';
import { splitFrontMatter } from '../utils/markdown-text.ts';

export interface FrontMatterLoaderOptions<T> {
  name: string;
  /** Folder of `<id>.md` files. */
  dir: string;
  schema: z.ZodType<T>;
  /** Extra stored fields derived from the body (e.g. an excerpt); none by default. */
  derive?: (body: string) => Record<string, unknown>;
}

/** A loader over `dir/*.md`, ids from file names. */
export function frontMatterLoader<T extends Record<string, unknown>>(opts: FrontMatterLoaderOptions<T>): Loader {
  return {
    name: opts.name,
    load: async ({ store, meta, generateDigest }) => {
      const before = JSON.parse(meta.get('files') ?? '{}') as Record<string, string>;
      const after: Record<string, string> = {};
      let names: string[];
      try {
        names = fs.readdirSync(opts.dir).filter((n) => n.endsWith('.md') && !n.startsWith('.')).sort();
      } catch {
        names = [];
      }
      const problems: string[] = [];
      const seen = new Set<string>();
      for (const name of names) {
        const id = name.slice(0, -3);
        const file = path.join(opts.dir, name);
        const label = path.relative(process.cwd(), file) || file;
        seen.add(id);
        const st = fs.statSync(file);
        const signature = `${st.mtimeMs}:${st.size}`;
        if (before[id] === signature && store.has(id)) {
          after[id] = signature;
          continue;
        }
        const text = fs.readFileSync(file, 'utf8');
        const digest = generateDigest(text);
        if (store.get(id)?.digest === digest) {
          after[id] = signature;
          continue;
        }
        const parts = splitFrontMatter(text);
        if (!parts) {
          problems.push(`${label}: (front matter): missing: the file must start with a --- block`);
          continue;
        }
        let data: unknown;
        try {
          data = yaml.load(parts.yaml);
        } catch (e) {
          problems.push(`${label}: (front matter): not valid YAML: ${(e as Error).message.split('\n')[0]}`);
          continue;
        }
        const r = check(opts.schema, data, label);
        if (!r.ok) {
          problems.push(...r.problems);
          continue;
        }
        store.set({ id, data: { ...r.value, ...opts.derive?.(parts.body) }, digest, filePath: label });
        after[id] = signature;
      }
      meta.set('files', JSON.stringify(after));
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      if (problems.length > 0)
        throw new Error(`${problems.length} invalid content file(s):\n${problems.join('\n')}\n(see README: Hand edits and corrections)`);
    },
  };
}
