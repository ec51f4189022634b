// Parser fixtures: one folder per case under tests/fixtures/parse/ with `input.txt`,
// `options.json` ({ file, date? }) and `expected.json`. UPDATE_FIXTURES=1 rewrites the
// expectations (review the diff before committing).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDump } from '../scripts/ingest/parse.ts';

const root = path.join(import.meta.dirname, 'fixtures', 'parse');
const update = process.env.UPDATE_FIXTURES === '1';

describe('parseDump fixtures', () => {
  for (const name of fs.readdirSync(root).sort()) {
    test(name, () => {
      const dir = path.join(root, name);
      const options = JSON.parse(fs.readFileSync(path.join(dir, 'options.json'), 'utf8')) as { file: string; date?: string };
      const result = parseDump(fs.readFileSync(path.join(dir, 'input.txt')), options.file, { date: options.date });
      const expectedFile = path.join(dir, 'expected.json');
      const actual = JSON.parse(JSON.stringify(result));
      if (update || !fs.existsSync(expectedFile)) fs.writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
      // Good cases parse clean, bad ones are refused with at least one located diagnostic.
      if (name.startsWith('ok-')) expect(result.diagnostics).toEqual([]);
      else {
        expect(result.diagnostics.length).toBeGreaterThan(0);
        expect(result.day).toBeUndefined();
      }
    });
  }
});

describe('parseDump', () => {
  test('text and bytes give the same result', () => {
    const file = path.join(root, 'ok-basic', 'input.txt');
    expect(parseDump(fs.readFileSync(file, 'utf8'), 'x')).toEqual(parseDump(fs.readFileSync(file), 'x'));
  });
  test('never throws on random bytes', () => {
    let seed = 1;
    for (let i = 0; i < 200; i++) {
      const bytes = new Uint8Array(200).map(() => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 8) & 0xff);
      expect(parseDump(bytes, 'r').diagnostics.length).toBeGreaterThan(0);
    }
  });
});
