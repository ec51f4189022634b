// The configuration module: defaults, validation with messages naming the variable, and the
// production warning for a missing SITE_URL.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIGEST_LIMIT, DEFAULT_FEED_LIMIT, DEFAULT_SHARD_SIZE, productionProblems, readConfig } from '../src/config.ts';

describe('readConfig', () => {
  it('has defaults for everything', () => {
    const c = readConfig({});
    expect(c).toMatchObject({ siteUrl: 'http://localhost:4321', siteUrlGiven: false, basePath: '/', feedLimit: DEFAULT_FEED_LIMIT, digestLimit: DEFAULT_DIGEST_LIMIT, shardSize: DEFAULT_SHARD_SIZE, strict: false, lockWaitMs: 10_000, lowMemory: false });
    expect(c.contentDir).toBe(path.resolve('content'));
  });

  it('reads every variable', () => {
    const c = readConfig({ SITE_URL: 'https://example.org/x', BASE_PATH: '/x/', ARCHIVE_CONTENT_DIR: 'c', ASTRO_CACHE_DIR: '/tmp/c', FEED_LIMIT: '25', DIGEST_LIMIT: '7', PAGEFIND_SHARD_SIZE: '4000', ARCHIVE_STRICT: '1', INGEST_LOCK_WAIT_MS: '0', ARCHIVE_LOW_MEMORY: 'yes' });
    expect(c).toMatchObject({ siteUrl: 'https://example.org/x', siteUrlGiven: true, basePath: '/x/', cacheDir: '/tmp/c', feedLimit: 25, digestLimit: 7, shardSize: 4000, strict: true, lockWaitMs: 0, lowMemory: true });
    expect(c.contentDir).toBe(path.resolve('c'));
  });

  it('names the variable and the value in every error', () => {
    expect(() => readConfig({ FEED_LIMIT: '0' })).toThrow('FEED_LIMIT must be a positive whole number, got "0".');
    expect(() => readConfig({ FEED_LIMIT: 'ten' })).toThrow('FEED_LIMIT must be a positive whole number, got "ten".');
    expect(() => readConfig({ DIGEST_LIMIT: '-3' })).toThrow('DIGEST_LIMIT must be a positive whole number, got "-3".');
    expect(() => readConfig({ PAGEFIND_SHARD_SIZE: '2.5' })).toThrow('PAGEFIND_SHARD_SIZE must be a positive whole number, got "2.5".');
    expect(() => readConfig({ INGEST_LOCK_WAIT_MS: 'abc' })).toThrow('INGEST_LOCK_WAIT_MS must be a whole number from 0 to 86400000, got "abc".');
    expect(() => readConfig({ SITE_URL: 'example.org' })).toThrow('SITE_URL must be an absolute URL such as https://example.org, got "example.org".');
    expect(() => readConfig({ SITE_URL: 'ftp://example.org' })).toThrow('SITE_URL must be an http(s) URL');
    expect(() => readConfig({ BASE_PATH: 'archive' })).toThrow('BASE_PATH must be a path starting with "/"');
    expect(() => readConfig({ ARCHIVE_STRICT: 'on' })).toThrow('ARCHIVE_STRICT must be 1 or 0 (true/false, yes/no), got "on".');
    expect(() => readConfig({ ARCHIVE_LOW_MEMORY: '2' })).toThrow('ARCHIVE_LOW_MEMORY must be 1 or 0');
  });

  it('reads a switch in any case, off when blank or 0', () => {
    expect(readConfig({ ARCHIVE_LOW_MEMORY: ' TRUE ' }).lowMemory).toBe(true);
    expect(readConfig({ ARCHIVE_LOW_MEMORY: '0' }).lowMemory).toBe(false);
    expect(readConfig({ ARCHIVE_STRICT: 'No' }).strict).toBe(false);
    expect(readConfig({ ARCHIVE_STRICT: '' }).strict).toBe(false);
  });
});

describe('productionProblems', () => {
  it('warns when SITE_URL is missing, and says how to make it an error', () => {
    const [p] = productionProblems(readConfig({}));
    expect(p).toContain('SITE_URL is not set');
    expect(p).toContain('ARCHIVE_STRICT=1');
    expect(productionProblems(readConfig({ SITE_URL: 'https://example.org' }))).toEqual([]);
  });
});
