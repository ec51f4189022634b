// The ingest lock (scripts/ingest/lock-fs.ts) removes its file on release: runs that contend
// for it while it comes and goes still hold it one at a time, and none leaves the file.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';

const lockModule = path.join(import.meta.dirname, '..', 'scripts', 'ingest', 'lock-fs.ts');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-lock-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A process that takes the lock `rounds` times, logging when it holds it. */
const HOLDER = `
import fs from 'node:fs';
import { acquireLock } from ${JSON.stringify(lockModule)};
const [root, log, rounds] = process.argv.slice(1);
for (let i = 0; i < Number(rounds); i++) {
  const lock = await acquireLock(root, 60_000);
  fs.appendFileSync(log, 'in ' + process.pid + '\\n');
  await new Promise((r) => setTimeout(r, 5));
  fs.appendFileSync(log, 'out ' + process.pid + '\\n');
  lock.release();
}
`;

test('holders that take and release the lock at once never overlap, and leave no lock file', { timeout: 120_000 }, async () => {
  const root = path.join(tmp, 'content');
  const log = path.join(tmp, 'holders.log');
  const codes = await Promise.all(
    Array.from(
      { length: 4 },
      () =>
        new Promise<number | null>((resolve) => {
          const c = spawn(process.execPath, ['--input-type=module', '-e', HOLDER, root, log, '15'], { stdio: ['ignore', 'ignore', 'inherit'] });
          c.on('close', resolve);
        }),
    ),
  );
  expect(codes).toEqual([0, 0, 0, 0]);
  const lines = fs.readFileSync(log, 'utf8').trim().split('\n');
  expect(lines).toHaveLength(4 * 15 * 2);
  // Each "in" is followed by the same holder's "out" before anyone else comes in.
  const overlaps = lines.filter((l, i) => i % 2 === 0 && (!l.startsWith('in ') || lines[i + 1] !== l.replace('in ', 'out ')));
  expect(overlaps).toEqual([]);
  expect(fs.readdirSync(root)).toEqual([]);
});
