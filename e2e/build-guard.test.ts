// A real `astro build` refuses what would publish a broken site, each time with a message that
// names the cause: an archive an ingest left half written (with the command that finishes it),
// damaged content files (each file and field), a bad environment variable (its name and value).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

it('damaged content files fail the build, every one named with its field, and nothing is published', { timeout: 180_000 }, async () => {
  const content = path.join(tmp, 'damaged');
  cpSync(path.resolve('e2e/fixtures/content'), content, { recursive: true });
  const fish = path.join(content, 'papers', 'fish-and-chips.md');
  writeFileSync(fish, readFileSync(fish, 'utf8').replace('comments: 4', 'comments: many'));
  writeFileSync(path.join(content, 'papers', 'broken-yaml.md'), "---\ntitle: 'Never closed\nauthors: 1\n---\nAn abstract.\n");
  const build = { content, outDir: path.join(tmp, 'damaged-dist'), cacheDir: path.join(tmp, 'damaged-cache') };
  const failure = await astroBuild(build).then(
    () => '',
    (e: Error) => e.message,
  );
  expect(failure).toMatch(/2 invalid content file\(s\):/);
  expect(failure).toMatch(/papers\/fish-and-chips\.md: comments: .*expected number/);
  expect(failure).toMatch(/papers\/broken-yaml\.md: \(front matter\): not valid YAML/);
  expect(existsSync(path.join(build.outDir, 'index.html'))).toBe(false);
});

it('a bad environment variable fails the build at once, naming the variable and the value', { timeout: 180_000 }, async () => {
  const build = (env: Record<string, string>) =>
    astroBuild({ content: path.resolve('e2e/fixtures/content'), outDir: path.join(tmp, 'bad-env', 'dist'), cacheDir: path.join(tmp, 'bad-env', 'cache'), env }).then(
      () => '',
      (e: Error) => e.message,
    );
  expect(await build({ FEED_LIMIT: 'abc' })).toContain('FEED_LIMIT must be a positive whole number, got "abc".');
  expect(await build({ ARCHIVE_LOW_MEMORY: 'on' })).toContain('ARCHIVE_LOW_MEMORY must be 1 or 0 (true/false, yes/no), got "on".');
  expect(existsSync(path.join(tmp, 'bad-env', 'dist'))).toBe(false);
});
