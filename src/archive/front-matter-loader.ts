// Content loader for the ingester's Markdown files: validates each file's front matter with
// the content schema (every problem reported as `file: field: problem`), and keeps what list
// pages need (never the abstract, which only a paper's own page reads, from its file) in a
// lean index of its own (src/archive/content-index-fs.ts), not in Astro's content store: the
// store is inlined into the build's bundle as one JSON module (24 MB at 30,000 papers), which
// Vite then bundles and every build parses and materialises again. A file whose modification
// time and size are those of the last build is not read again (a daily rebuild stats 30,000
// files instead of reading them), and one whose text is unchanged (same digest) is not
// parsed again.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { parseContentFile } from './content-file.ts';
import { fileLabel } from '../schema-report.ts';
import { readContentIndex, writeContentIndex, type IndexedEntry } from './content-index-fs.ts';
import { derivedDir } from '../cache/derived-cache-fs.ts';

export interface FrontMatterLoaderOptions<T> {
  /** The collection: names its index file. */
  collection: string;
  /** Folder of `<id>.md` files. */
  dir: string;
  schema: z.ZodType<T>;
  /** Extra stored fields derived from the body (e.g. an excerpt); none by default. */
  derive?: (body: string) => Record<string, unknown>;
  /** Which part of the index an entry is kept in: entries that change together (one part by default). */
  partOf?: (id: string, data: Record<string, unknown>) => string;
}

/** A loader over `dir/*.md`, ids from file names. */
export function frontMatterLoader<T extends Record<string, unknown>>(opts: FrontMatterLoaderOptions<T>): Loader {
  return {
    name: `archive:${opts.collection}`,
    load: async ({ store, generateDigest, config }) => {
      // Astro's store stays empty (entries from a cache of an older build are dropped).
      store.clear();
      const dir = derivedDir(fileURLToPath(config.cacheDir));
      // What the stored values depend on besides the files: entries of another schema or
      // derivation are read again. (A changed refinement is not visible here: bump VERSION
      // in content-index-fs.ts.)
      const salt = generateDigest(JSON.stringify([opts.dir, z.toJSONSchema(opts.schema, { unrepresentable: 'any' }), String(opts.derive)]));
      const previous = readContentIndex(opts.collection, salt, dir);
      const before = previous ?? {};
      const after: Record<string, IndexedEntry> = {};
      let names: string[];
      try {
        names = fs.readdirSync(opts.dir).filter((n) => n.endsWith('.md') && !n.startsWith('.')).sort();
      } catch {
        names = [];
      }
      const problems: string[] = [];
      let changed = !previous || Object.keys(before).length !== names.length;
      for (const name of names) {
        const id = name.slice(0, -3);
        const file = path.join(opts.dir, name);
        const st = fs.statSync(file);
        const signature = `${st.mtimeMs}:${st.size}`;
        const old = before[id];
        if (old?.signature === signature) {
          after[id] = old;
          continue;
        }
        changed = true;
        const text = fs.readFileSync(file, 'utf8');
        const digest = generateDigest(text);
        if (old?.digest === digest) {
          after[id] = { ...old, signature };
          continue;
        }
        const r = parseContentFile(text, fileLabel(file), opts.schema);
        if (!r.ok) {
          problems.push(...r.problems);
          continue;
        }
        const data = { ...r.value, ...opts.derive?.(r.body) };
        after[id] = { signature, digest, data, dataDigest: generateDigest(JSON.stringify(data)) };
      }
      if (problems.length > 0)
        throw new Error(`${problems.length} invalid content file(s):\n${problems.join('\n')}\n(see README: Hand edits and corrections)`);
      if (changed) writeContentIndex(opts.collection, salt, after, dir, opts.partOf);
    },
  };
}
