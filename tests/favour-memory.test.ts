// When a process favours memory over speed (V8's --optimize-for-size, set at run time): the
// rule, and the flag really set in the processes that read ARCHIVE_LOW_MEMORY. V8 folds its flags
// into the tag it gives code caches (v8.cachedDataVersionTag()), so a process's tag at exit
// tells whether the flag was on: compared with the tags of `node` and `node --optimize-for-size`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BULK_DUMPS, ingestFavoursMemory } from '../src/favour-memory.ts';
import { INGEST_SCRIPT } from './helpers/ingest.ts';

describe('which ingest favours memory', () => {
  it('a bulk backfill does, a daily ingest does not', () => {
    expect(ingestFavoursMemory(1, false)).toBe(false);
    expect(ingestFavoursMemory(BULK_DUMPS - 1, false)).toBe(false);
    expect(ingestFavoursMemory(BULK_DUMPS, false)).toBe(true);
  });

  it('every ingest does when ARCHIVE_LOW_MEMORY is set', () => {
    expect(ingestFavoursMemory(1, true)).toBe(true);
  });
});

describe('ARCHIVE_LOW_MEMORY sets the V8 flag in the process', { timeout: 120_000 }, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'low-memory-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const probe = path.join(tmp, 'probe.mjs');
  fs.writeFileSync(probe, "import fs from 'node:fs';\nimport v8 from 'node:v8';\nprocess.on('exit', () => fs.writeFileSync(process.env.V8_TAG_FILE, String(v8.cachedDataVersionTag())));\n");
  let runs = 0;
  /** The flag tag of a Node process (run with the probe loaded) when it exits. */
  const tagOf = (args: string[], env: Record<string, string> = {}): string => {
    const file = path.join(tmp, `tag-${runs++}`);
    const r = spawnSync(process.execPath, ['--import', probe, ...args], { encoding: 'utf8', env: { ...process.env, ARCHIVE_LOW_MEMORY: '', ...env, V8_TAG_FILE: file } });
    expect(fs.existsSync(file), r.stderr).toBe(true);
    return fs.readFileSync(file, 'utf8');
  };
  const plain = tagOf(['-e', '0']);
  const forSize = tagOf(['--optimize-for-size', '-e', '0']);
  const day = path.join(import.meta.dirname, 'fixtures', 'samples', '000_dac3a4fc63ae358e.txt');

  it('the tags tell the two states apart', () => {
    expect(forSize).not.toBe(plain);
  });

  it('a build: astro.config.mjs sets it with ARCHIVE_LOW_MEMORY=1, not without', () => {
    const config = ['--input-type=module', '-e', `await import(${JSON.stringify(path.resolve('astro.config.mjs'))})`];
    expect(tagOf(config, { ARCHIVE_LOW_MEMORY: '1' })).toBe(forSize);
    expect(tagOf(config)).toBe(plain);
  });

  it('an ingest of one dump sets it with ARCHIVE_LOW_MEMORY=1, not without; one of 100 dumps always', () => {
    const ingest = (inputs: string[], env: Record<string, string> = {}) => tagOf([INGEST_SCRIPT, '--dry-run', '--content', path.join(tmp, 'content'), ...inputs], env);
    expect(ingest([day], { ARCHIVE_LOW_MEMORY: '1' })).toBe(forSize);
    expect(ingest([day])).toBe(plain);
    const many = path.join(tmp, 'many');
    fs.mkdirSync(many);
    for (let i = 0; i < BULK_DUMPS; i++) fs.writeFileSync(path.join(many, `dump-${i}.txt`), `Daily Papers\n\nnot a dump ${i}\n`);
    expect(ingest([many])).toBe(forSize);
  });
});
