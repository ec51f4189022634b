// The paper files as the search index reads them: each paper's front matter and a digest of its
// abstract (not the abstract), kept between builds with each file's stat signature.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import type { SearchPaper } from './plan.ts';
import { splitFrontMatter } from '../format/markdown-text.ts';
import { cacheKey } from '../cache/cache-key.ts';
import { writeWhole } from '../cache/write-whole-fs.ts';

/**
 * Reads every paper's front matter and the digest of its body (the body itself is not kept).
 * With `cacheFile`, what was read of each file is kept there with its stat signature (mtime
 * and size, as the content loader does) and a digest of its text, and a later call parses only
 * new and changed files: a daily rebuild stats 30,000 files instead of reading them, and where
 * every file's time changed (a fresh checkout: a CI run) reads them but parses none it knows.
 */
export function readPapers(papersDir: string, cacheFile?: string): SearchPaper[] {
  let names: string[];
  try {
    names = fs.readdirSync(papersDir).filter((n) => n.endsWith('.md')).sort();
  } catch {
    return [];
  }
  const before = cacheFile ? readPapersCache(cacheFile, papersDir) : undefined;
  const entries: PapersCache['entries'] = {};
  let read = 0;
  const papers = names.map((name) => {
    const file = path.join(papersDir, name);
    const stat = fs.statSync(file);
    const signature = `${stat.mtimeMs}:${stat.size}`;
    const hit = before?.[name];
    if (hit?.[0] === signature) {
      entries[name] = hit;
      return hit[2];
    }
    read++;
    const text = fs.readFileSync(file, 'utf8');
    const digest = textDigest(text);
    const paper = hit?.[1] === digest ? hit[2] : parsePaper(text, name);
    entries[name] = [signature, digest, paper];
    return paper;
  });
  if (cacheFile && (read > 0 || Object.keys(before ?? {}).length !== names.length)) {
    writeWhole(cacheFile, JSON.stringify({ version: PAPERS_CACHE_VERSION, papersDir, entries } satisfies PapersCache));
  }
  return papers;
}

/** Bump when what `readPaper` makes of a file changes. */
const PAPERS_CACHE_VERSION = 3;

interface PapersCache {
  version: number;
  papersDir: string;
  /** By file name: its stat signature and text's digest when read, and what was read. */
  entries: Record<string, [signature: string, digest: string, paper: SearchPaper]>;
}

function readPapersCache(file: string, papersDir: string): PapersCache['entries'] | undefined {
  try {
    const cache = JSON.parse(fs.readFileSync(file, 'utf8')) as PapersCache;
    return cache.version === PAPERS_CACHE_VERSION && cache.papersDir === papersDir ? cache.entries : undefined;
  } catch {
    return undefined;
  }
}

const textDigest = (text: string) => createHash('sha256').update(text).digest('base64url');

function parsePaper(text: string, name: string): SearchPaper {
  const parts = splitFrontMatter(text);
  // The content loader has validated every file by the time the index is built.
  const data = (parts ? yaml.load(parts.yaml) : {}) as { title: string; published?: string | null; comments?: number | null; days: string[]; organization?: string | null };
  return {
    slug: name.slice(0, -3),
    title: data.title,
    bodyDigest: bodyDigest(parts?.body ?? ''),
    published: data.published ?? null,
    comments: data.comments ?? null,
    days: data.days,
    organization: data.organization ?? null,
  };
}

const bodyDigest = (body: string) => cacheKey(body);

/** The body of a paper read by `readPapers`, which must not have changed since. */
export function readBody(papersDir: string, paper: SearchPaper): string {
  const file = path.join(papersDir, `${paper.slug}.md`);
  const body = splitFrontMatter(fs.readFileSync(file, 'utf8'))?.body ?? '';
  if (bodyDigest(body) !== paper.bodyDigest) throw new Error(`${file} changed while the search index was being built; build again`);
  return body;
}
