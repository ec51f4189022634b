// Builds the site with the real Astro CLI into temp folders (tests never touch dist/).
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export const FIXTURE_CONTENT = path.resolve('e2e/fixtures/content');

export interface AstroBuild {
  /** Content root (ARCHIVE_CONTENT_DIR). */
  content: string;
  outDir: string;
  /** Astro's cacheDir: content layer, incremental-build record, search shards. */
  cacheDir: string;
  env?: Record<string, string>;
  /** More arguments for `astro build` (`--force`). */
  args?: string[];
  /** The project to build (its astro.config.mjs, src/, lockfile): this one by default. */
  cwd?: string;
}

/**
 * What Vitest adds to the environment of its workers (its own flags, and `import.meta.env` as
 * variables: `MODE`, `DEV`, `PROD`, ...). Astro inlines such variables into its bundle, so a test
 * build must not inherit them: it builds as the user's `npm run build` does.
 */
const VITEST_VARIABLES = ['VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST', 'NODE_ENV', 'FORCE_TTY', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'];

/** The environment of a build: this process's, without Vitest's additions, plus `extra`. */
export function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of VITEST_VARIABLES) if (!(name in extra)) delete env[name];
  return env;
}

/**
 * Run `astro build`; resolves to its log as plain text (Astro colours it when `CI` is set, and
 * tests read page paths out of it), rejects with it on failure.
 */
export async function astroBuild({ content, outDir, cacheDir, env = {}, args = [], cwd }: AstroBuild): Promise<string> {
  const astro = path.resolve('node_modules/astro/bin/astro.mjs');
  const child = spawn(process.execPath, [astro, 'build', '--outDir', outDir, ...args], {
    cwd,
    // A private cache, so a test build never reuses or overwrites the developer's own.
    env: buildEnv({ ARCHIVE_CONTENT_DIR: content, ASTRO_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`astro build into ${outDir} exited with ${code}:\n${log}`);
  return stripVTControlCharacters(log);
}

/** Build the fixture archive into `<tmp>/dist` with extra env; resolves to that folder. */
export async function buildSite(env: Record<string, string>, label: string): Promise<string> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), `archive-e2e-${label}-`));
  const outDir = path.join(tmp, 'dist');
  await astroBuild({ content: FIXTURE_CONTENT, outDir, cacheDir: path.join(tmp, 'cache'), env });
  return outDir;
}
