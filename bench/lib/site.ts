// Figures about a built site: total size, search index size, and per-page weight
// (HTML plus the scripts it loads, raw and gzip).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  path: string;
  htmlBytes: number;
  htmlGzip: number;
  scripts: string[];
  jsBytes: number;
  jsGzip: number;
}

export interface SiteFigures {
  distBytes: number;
  distFiles: number;
  pagefindBytes: number;
  pagefindFiles: number;
  pages: Record<string, PageWeight | null>;
}

/** Bytes and file count under `dir` (0, 0 when it does not exist). */
export function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

const gz = (b: Buffer): number => gzipSync(b, { level: 9 }).length;

/** Weight of one page: its HTML and every same-site script it references (src or modulepreload). */
export function pageWeight(dist: string, urlPath: string): PageWeight | null {
  const file = path.join(dist, urlPath, urlPath.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) return null;
  const html = readFileSync(file);
  const text = html.toString('utf8');
  const refs = new Set<string>();
  for (const m of text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) refs.add(m[1]);
  for (const m of text.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) refs.add(m[1]);
  let jsBytes = 0;
  let jsGzip = 0;
  const scripts: string[] = [];
  for (const ref of refs) {
    if (/^[a-z]+:\/\//i.test(ref)) continue;
    const target = ref.startsWith('/') ? path.join(dist, ref) : path.join(path.dirname(file), ref);
    if (!existsSync(target)) continue;
    const js = readFileSync(target);
    scripts.push(ref);
    jsBytes += js.length;
    jsGzip += gz(js);
  }
  return { path: urlPath, htmlBytes: html.length, htmlGzip: gz(html), scripts, jsBytes, jsGzip };
}

/** First sub-folder name of `dir` in sorted order, or null. */
function firstFolder(dir: string): string | null {
  if (!existsSync(dir)) return null;
  const names = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return names[0] ?? null;
}

export function siteFigures(dist: string): SiteFigures {
  const all = dirSize(dist);
  const pf = dirSize(path.join(dist, 'pagefind'));
  const day = firstFolder(path.join(dist, 'days'));
  const paper = firstFolder(path.join(dist, 'papers'));
  return {
    distBytes: all.bytes,
    distFiles: all.files,
    pagefindBytes: pf.bytes,
    pagefindFiles: pf.files,
    pages: {
      home: pageWeight(dist, '/'),
      day: day ? pageWeight(dist, `/days/${day}/`) : null,
      paper: paper ? pageWeight(dist, `/papers/${paper}/`) : null,
      search: pageWeight(dist, '/search/'),
    },
  };
}
