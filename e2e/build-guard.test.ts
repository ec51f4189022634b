// A real `astro build` of an archive that an ingest left half written is refused, with
// the command that finishes it; once the ingest is finished the same archive builds.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { astroBuild } from './build-site.ts';

const SAMPLES = path.resolve('tests/fixtures/samples');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'archive-guard-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('refuses to build after a killed ingest, and builds once the next ingest finished it', { timeout: 180_000 }, async () => {
  const content = path.join(tmp, 'content');
  const ingest = (env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['scripts/ingest.ts', '--content', content, SAMPLES], { encoding: 'utf8', env: { ...process.env, ...env } });
  expect(ingest({ INGEST_TEST_KILL_AFTER_WRITES: '30' }).signal).toBe('SIGKILL');
  const build = { content, outDir: path.join(tmp, 'dist'), cacheDir: path.join(tmp, 'cache') };
  await expect(astroBuild(build)).rejects.toThrow(/an ingest was interrupted[\s\S]*npm run ingest -- --content \S+ --rebuild/);
  expect(existsSync(path.join(build.outDir, 'index.html'))).toBe(false);
  expect(ingest().status).toBe(0);
  await astroBuild(build);
  expect(existsSync(path.join(build.outDir, 'index.html'))).toBe(true);
});

it('a build without SITE_URL warns loudly, and fails under ARCHIVE_STRICT=1', { timeout: 180_000 }, async () => {
  const build = (env: Record<string, string>, label: string) =>
    astroBuild({ content: path.resolve('e2e/fixtures/content'), outDir: path.join(tmp, label, 'dist'), cacheDir: path.join(tmp, label, 'cache'), env });
  await expect(build({ SITE_URL: '', ARCHIVE_STRICT: '1' }, 'strict')).rejects.toThrow(/SITE_URL is not set: every canonical URL/);
  const log = await build({ SITE_URL: '' }, 'loose');
  expect(log).toMatch(/SITE_URL is not set/);
  expect(log).toContain('ARCHIVE_STRICT=1');
});
