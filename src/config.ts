// The project's configuration: every environment variable it reads, read and validated in
// this one module, each documented in the README's Configuration table. Functions take the
// environment as an argument so tests can give their own.
import path from 'node:path';

/** The variables, by the name a user sets. */
export const ENV = {
  siteUrl: 'SITE_URL',
  basePath: 'BASE_PATH',
  contentDir: 'ARCHIVE_CONTENT_DIR',
  cacheDir: 'ASTRO_CACHE_DIR',
  feedLimit: 'FEED_LIMIT',
  digestLimit: 'DIGEST_LIMIT',
  shardSize: 'PAGEFIND_SHARD_SIZE',
  strict: 'ARCHIVE_STRICT',
  lockWaitMs: 'INGEST_LOCK_WAIT_MS',
  lowMemory: 'ARCHIVE_LOW_MEMORY',
} as const;

export const DEFAULT_SITE_URL = 'http://localhost:4321';
export const DEFAULT_FEED_LIMIT = 100;
export const DEFAULT_DIGEST_LIMIT = 60;
export const DEFAULT_SHARD_SIZE = 1250;
export const DEFAULT_LOCK_WAIT_MS = 10_000;

export interface Config {
  /** The site's absolute URL (origin, maybe a path); the local preview's when not given. */
  siteUrl: string;
  /** Whether SITE_URL was given: a production build without it writes localhost URLs. */
  siteUrlGiven: boolean;
  /** The sub-folder the site is served from, `/` by default. */
  basePath: string;
  /** Absolute path of the content root. */
  contentDir: string;
  /** Astro's cacheDir, when moved (tests and benchmarks keep one per archive). */
  cacheDir: string | undefined;
  /** Items in each paper feed (main and topics, RSS and JSON Feed). */
  feedLimit: number;
  /** Items (days) in the digest feed. */
  digestLimit: number;
  /** Papers per Pagefind shard. */
  shardSize: number;
  /** Turn warnings that would publish a broken site (no SITE_URL) into errors. */
  strict: boolean;
  /** How long an ingest waits for another one's lock. */
  lockWaitMs: number;
  /** Builds and ingests favour memory over speed (src/favour-memory.ts). */
  lowMemory: boolean;
}

/** A whole number in [min, max], `fallback` when unset or blank; else an error naming the variable. */
export function wholeNumber(name: string, raw: string | undefined, fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || n < min || n > max)
    throw new Error(`${name} must be a ${min >= 1 ? 'positive ' : ''}whole number${max < Number.MAX_SAFE_INTEGER ? ` from ${min} to ${max}` : ''}, got "${raw}".`);
  return n;
}

/** An on/off switch: `1`, `true`, `yes` or `0`, `false`, `no` (any case), off when unset or blank. */
export function onOff(name: string, raw: string | undefined): boolean {
  const v = (raw ?? '').trim().toLowerCase();
  if (['1', 'true', 'yes'].includes(v)) return true;
  if (['', '0', 'false', 'no'].includes(v)) return false;
  throw new Error(`${name} must be 1 or 0 (true/false, yes/no), got "${raw}".`);
}

function siteUrl(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === '') return DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${ENV.siteUrl} must be an absolute URL such as https://example.org, got "${raw}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${ENV.siteUrl} must be an http(s) URL, got "${raw}".`);
  return raw;
}

function basePath(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === '') return '/';
  if (!raw.startsWith('/') || /[?#\s]/.test(raw)) throw new Error(`${ENV.basePath} must be a path starting with "/" such as /archive/, got "${raw}".`);
  return raw;
}

/** Reads and validates the whole configuration. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const content = env[ENV.contentDir];
  return {
    siteUrl: siteUrl(env[ENV.siteUrl]),
    siteUrlGiven: !!env[ENV.siteUrl]?.trim(),
    basePath: basePath(env[ENV.basePath]),
    contentDir: content ? path.resolve(content) : path.resolve('content'),
    cacheDir: env[ENV.cacheDir]?.trim() || undefined,
    feedLimit: wholeNumber(ENV.feedLimit, env[ENV.feedLimit], DEFAULT_FEED_LIMIT),
    digestLimit: wholeNumber(ENV.digestLimit, env[ENV.digestLimit], DEFAULT_DIGEST_LIMIT),
    shardSize: wholeNumber(ENV.shardSize, env[ENV.shardSize], DEFAULT_SHARD_SIZE),
    strict: onOff(ENV.strict, env[ENV.strict]),
    lockWaitMs: wholeNumber(ENV.lockWaitMs, env[ENV.lockWaitMs], DEFAULT_LOCK_WAIT_MS, 0, 86_400_000),
    lowMemory: onOff(ENV.lowMemory, env[ENV.lowMemory]),
  };
}

/** The warning (or, when strict, the error) for a production build, if any. */
export function productionProblems(config: Config): string[] {
  if (config.siteUrlGiven) return [];
  return [
    `${ENV.siteUrl} is not set: every canonical URL, feed link and sitemap entry will point at ${DEFAULT_SITE_URL}. ` +
      `Set ${ENV.siteUrl}=https://your.host${config.basePath === '/' ? '' : ` (and ${ENV.basePath})`} for a site to publish` +
      `${config.strict ? '' : `, or ${ENV.strict}=1 to make this an error`}.`,
  ];
}

/**
 * The files GitHub Actions gives a step: the job summary (Markdown shown on the run's page)
 * and the step's outputs. Set by the runner, not by the user; absent elsewhere.
 */
export function actionsFiles(env: NodeJS.ProcessEnv = process.env): { summary?: string; output?: string } {
  return { summary: env.GITHUB_STEP_SUMMARY?.trim() || undefined, output: env.GITHUB_OUTPUT?.trim() || undefined };
}
