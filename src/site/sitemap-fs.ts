// Writes the sitemap's files into the output folder and removes parts an earlier, larger
// sitemap left (the sitemap is not an Astro route: it lists the pages the build wrote).
import fs from 'node:fs';
import path from 'node:path';
import { writeWhole } from '../cache/write-whole-fs.ts';
import { SITEMAP_OUTPUTS } from './sitemap.ts';

/** Writes `files` (path in `outDir` → XML); returns the stale parts it removed. */
export function writeSitemap(outDir: string, files: ReadonlyMap<string, string>): string[] {
  for (const [file, xml] of files) writeWhole(path.join(outDir, file), xml);
  const partsDir = SITEMAP_OUTPUTS[1];
  const removed: string[] = [];
  for (const name of fs.readdirSync(path.join(outDir, partsDir))) {
    const file = `${partsDir}/${name}`;
    if (!files.has(file)) fs.rmSync(path.join(outDir, file), { force: true, recursive: true }), removed.push(file);
  }
  return removed;
}
