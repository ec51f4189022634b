// docs/format.md and the parser fixtures stay in step: every fixture is named in the
// document, and every fixture name in the document exists.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const root = path.join(import.meta.dirname, '..');
const fixtures = fs.readdirSync(path.join(root, 'tests', 'fixtures', 'parse')).sort();
const doc = fs.readFileSync(path.join(root, 'docs', 'format.md'), 'utf8');
const named = [...new Set([...doc.matchAll(/`((?:ok|bad)-[a-z0-9-]+)`/g)].map((m) => m[1]))].sort();

test('every parser fixture is described in docs/format.md', () => {
  expect(fixtures.filter((f) => !named.includes(f))).toEqual([]);
});

test('every fixture docs/format.md names exists', () => {
  expect(named.filter((f) => !fixtures.includes(f))).toEqual([]);
});
