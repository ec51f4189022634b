// Builds the fixture archive twice, once per test run, and serves both builds for all e2e
// files: at `/` (TZ=America/Los_Angeles, no SITE_URL: the localhost default) and under
// BASE_PATH=/archive/ for SITE_URL=https://papers.example.org (TZ=Pacific/Kiritimati), so base
// and site handling and time-zone independence are tested by the same two builds. The base
// build also has tiny feed limits, so every feed's limit is tested against the root build's.

import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { readConfig } from '../src/config.ts';
import { buildSite } from './build-site.ts';
import { serve } from './serve.ts';

export interface SiteBuild {
  /** The build's output folder. */
  dir: string;
  /** Where it is served, ending in `/` (includes the base). */
  url: string;
  /** The base path it was built with. */
  base: string;
  /** The SITE_URL it was built for (the default when none was given): absolute URLs start with it. */
  siteUrl: string;
  /** The environment it was built with (read it with readConfig for the limits). */
  env: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    rootSite: SiteBuild;
    baseSite: SiteBuild;
  }
}

export default async function setup(project: TestProject) {
  const started = performance.now();
  // One after the other: Astro writes its prerender chunks to the project's .astro/ folder,
  // which concurrent builds of one project would overwrite.
  // The base build also indexes search in shards of 4 papers, to test shard merging, and
  // keeps 4 papers a feed and 2 days in the digest (the fixture has 10 papers over 4 days).
  const rootEnv = { TZ: 'America/Los_Angeles' };
  const baseEnv = { TZ: 'Pacific/Kiritimati', BASE_PATH: '/archive/', SITE_URL: 'https://papers.example.org', PAGEFIND_SHARD_SIZE: '4', FEED_LIMIT: '4', DIGEST_LIMIT: '2' };
  const rootDir = await buildSite(rootEnv, 'root');
  const baseDir = await buildSite(baseEnv, 'base');
  const root = await serve(rootDir, '/');
  const base = await serve(baseDir, '/archive/');
  console.log(`e2e: built two fixture sites in ${Math.round(performance.now() - started)} ms`);
  const siteUrl = (env: Record<string, string>) => readConfig(env).siteUrl;
  project.provide('rootSite', { dir: rootDir, url: root.url, base: '/', siteUrl: siteUrl(rootEnv), env: rootEnv });
  project.provide('baseSite', { dir: baseDir, url: base.url, base: '/archive/', siteUrl: siteUrl(baseEnv), env: baseEnv });
  return async () => {
    await Promise.all([root.close(), base.close()]);
    // Each build lives in <tmp>/dist next to its <tmp>/cache: remove the whole <tmp>.
    await Promise.all([rootDir, baseDir].map((d) => rm(path.dirname(d), { recursive: true, force: true })));
  };
}
