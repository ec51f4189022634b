// Astro integration: keep the previous build's output in place and delete afterwards only
// what this build did not produce. With experimental.incrementalBuild, an unchanged page
// that is still in outDir is left untouched; Astro's default (empty outDir, then copy
// 31,000 cached pages back) cost about 25 s of a 1,000-day daily rebuild.
import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleFiles } from '../utils/stale-files.ts';

/** `owned`: top-level folders of outDir another step manages (Pagefind's bundle). */
export default function pruneDist(options: { owned: string[] }): AstroIntegration {
  let publicDir = '';
  let assetsDir = '';
  return {
    name: 'archive:prune-dist',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
        assetsDir = config.build.assets;
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const outDir = fileURLToPath(dir);
        const produced = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) produced.add(relative(outDir, fileURLToPath(url)));
        for (const file of listFiles(publicDir)) produced.add(file);
        // Bundled assets have content-hashed names; none are stale in a way that matters.
        const stale = staleFiles(listFiles(outDir), produced, [...options.owned, assetsDir]);
        for (const file of stale) fs.rmSync(path.join(outDir, file), { force: true });
        removeEmptyDirs(outDir);
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
