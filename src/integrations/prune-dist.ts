// Astro integration: keep the previous build's output in place and delete afterwards only
// what this build did not produce. With experimental.incrementalBuild, an unchanged page
// that is still in outDir is left untouched; Astro's default (empty outDir, then copy
// 31,000 cached pages back) cost about 25 s of a 1,000-day daily rebuild. What the last
// build produced is kept in cacheDir, so a rebuild compares two lists instead of walking
// outDir's 30,000 folders (7 s at 3,000 days); without that record it walks once, unless
// outDir was empty when the build started (a first build, a CI run): then all in it is new.
import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleFiles } from '../cache/stale-files.ts';
import { readKept, writeWhole } from '../cache/write-whole-fs.ts';

/** `owned`: folders and files of outDir another step manages (Pagefind's bundle, the open data). */
export default function pruneDist(options: { owned: string[] }): AstroIntegration {
  let publicDir = '';
  let assetsDir = '';
  let recordFile = '';
  let configOutDir = '';
  let startedEmpty = false;
  return {
    name: 'archive:prune-dist',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
        assetsDir = config.build.assets;
        recordFile = path.join(fileURLToPath(config.cacheDir), 'prune-dist.json');
        configOutDir = fileURLToPath(config.outDir);
      },
      // Before the build writes anything into outDir.
      'astro:build:start': () => {
        startedEmpty = !fs.existsSync(configOutDir) || fs.readdirSync(configOutDir).length === 0;
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const outDir = fileURLToPath(dir);
        const produced = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) produced.add(relative(outDir, fileURLToPath(url)));
        for (const file of listFiles(publicDir)) produced.add(file);
        // Bundled assets have content-hashed names; none are stale in a way that matters.
        const before = startedEmpty ? [] : readRecord(recordFile, outDir);
        const stale = staleFiles(before ?? listFiles(outDir), produced, [...options.owned, assetsDir]);
        for (const file of stale) fs.rmSync(path.join(outDir, file), { force: true });
        if (before) removeEmptyParents(outDir, stale);
        else removeEmptyDirs(outDir);
        writeWhole(recordFile, JSON.stringify({ outDir, files: [...produced].sort() }));
        if (stale.length) logger.info(`removed ${stale.length} file(s) left from an earlier build: ${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', …' : ''}`);
      },
    },
  };
}

function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

function listFiles(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => relative(root, path.join(e.parentPath, e.name)));
}

/** The files the last build into `outDir` produced, if it left a record. */
function readRecord(file: string, outDir: string): string[] | undefined {
  return readKept(file, (r: { outDir?: string; files?: string[] }) => (r.outDir === outDir && Array.isArray(r.files) && fs.existsSync(outDir) ? r.files : undefined));
}

/** Remove the folders of `removed` files (and their parents) that are left empty. */
function removeEmptyParents(root: string, removed: string[]): void {
  const dirs = new Set<string>();
  for (const file of removed) for (let d = path.posix.dirname(file); d !== '.'; d = path.posix.dirname(d)) dirs.add(d);
  // Deepest first, so a parent is tried after its children.
  for (const dir of [...dirs].sort((a, b) => b.split('/').length - a.split('/').length)) {
    try {
      fs.rmdirSync(path.join(root, dir));
    } catch {
      // Not empty (or gone): keep it.
    }
  }
}

/** Remove folders left empty under root (not root itself). */
function removeEmptyDirs(root: string): boolean {
  let empty = true;
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const p = path.join(root, entry.name);
    if (entry.isDirectory() && removeEmptyDirs(p)) fs.rmdirSync(p);
    else empty = false;
  }
  return empty;
}
