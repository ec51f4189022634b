// Builds the site with the real Astro CLI into a fresh temp folder (tests never touch dist/).
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const FIXTURE_CONTENT = path.resolve('e2e/fixtures/content');

/** Run `astro build --outDir <tmp>/dist` with extra env; resolves to the output folder. */
export async function buildSite(env: Record<string, string>, label: string): Promise<string> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), `archive-e2e-${label}-`));
  const outDir = path.join(tmp, 'dist');
  const astro = path.resolve('node_modules/astro/bin/astro.mjs');
  const child = spawn(process.execPath, [astro, 'build', '--outDir', outDir], {
    // A private content cache, so a fixture build never reuses or overwrites the cache of
    // the developer's own build of content/.
    env: { ...process.env, ARCHIVE_CONTENT_DIR: FIXTURE_CONTENT, ASTRO_CACHE_DIR: path.join(tmp, 'cache'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`astro build (${label}) exited with ${code}:\n${log}`);
  return outDir;
}
