// A build keeps its young generation near the size it has when the config is set up
// (src/integrations/build-memory.ts): measured in child processes that run the hook for a
// build and for the dev server, then keep objects alive long enough that V8 grows the space
// for them (from 1 MB to its 128 MB maximum here, without the hook; to a few MB with it).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const HOOK = path.resolve('src/integrations/build-memory.ts');
const PROBE = `
import v8 from 'node:v8';
import buildMemory from ${JSON.stringify(HOOK)};
const newSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
buildMemory().hooks['astro:config:setup']({ command: process.argv[1] });
const atSetup = newSpace();
let largest = atSetup;
const kept = [];
for (let i = 0; i < 3e6; i++) {
  kept.push({ i, s: 'x' + i });
  if (kept.length > 200000) kept.length = 0;
  if (i % 1000 === 0) largest = Math.max(largest, newSpace());
}
console.log(JSON.stringify({ atSetup, largest }));
`;

/** The young generation's size after the hook ran for `command`, and the largest it grew to. */
function youngGeneration(command: string): { atSetup: number; largest: number } {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE, command], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('the young generation of a build', { timeout: 60_000 }, () => {
  it('stays a small fraction of what the same work grows it to in the dev server', () => {
    const build = youngGeneration('build');
    const dev = youngGeneration('dev');
    expect(build.atSetup).toBe(dev.atSetup);
    expect(dev.largest).toBeGreaterThan(16 * dev.atSetup);
    expect(build.largest).toBeLessThan(dev.largest / 8);
  });
});
