// Every HTML page of the built site is valid HTML by the Nu Html Checker (vnu.jar from the npm
// `vnu-jar` package, run with the machine's Java), an independent check of the markup that
// the browser tests only use: duplicate ids, misplaced elements, bad attributes, broken SVG.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { htmlFiles } from './collect-links.ts';

const site = inject('rootSite');
const VNU = path.resolve('node_modules/vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
}

/** vnu's errors for `files` (warnings left out), as `file:line: message`. */
async function htmlErrors(files: string[]): Promise<string[]> {
  // vnu exits 1 when it finds errors; its JSON report is on stderr either way.
  const stderr = await promisify(execFile)('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], { maxBuffer: 64 << 20 }).then(
    (r) => r.stderr,
    (e: { stderr?: string }) => {
      if (!e.stderr?.trimStart().startsWith('{')) throw e;
      return e.stderr;
    },
  );
  const { messages } = JSON.parse(stderr) as { messages: VnuMessage[] };
  return messages.filter((m) => m.type === 'error').map((m) => `${decodeURIComponent(m.url.replace(/^file:/, ''))}:${m.lastLine ?? '?'}: ${m.message}`);
}

describe('the Nu Html Checker', () => {
  it('finds no error in any page of the built site', { timeout: 300_000 }, async () => {
    const files = (await htmlFiles(site.dir)).map((f) => path.join(site.dir, f));
    expect(files.length).toBeGreaterThan(30);
    expect(await htmlErrors(files)).toEqual([]);
  });

  it('reports an invalid page (the check is live)', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vnu-'));
    const bad = path.join(dir, 'bad.html');
    await writeFile(bad, '<!doctype html><html lang="en"><head><title>x</title></head><body><p id="a">1</p><p id="a">2</p><li>stray</li></body></html>');
    const errors = await htmlErrors([bad]);
    expect(errors.some((e) => e.includes('Duplicate ID'))).toBe(true);
    expect(errors.some((e) => /li/.test(e))).toBe(true);
  });
});
