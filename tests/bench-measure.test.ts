// bench/lib/measure.ts: what a run reports of a real child process tree.
import { describe, expect, it } from 'vitest';
import { run } from '../bench/lib/measure.ts';

describe('run', () => {
  it('counts the CPU time of the whole tree, a grandchild included, and none for a sleeper', async () => {
    // A child that spins ~600 ms itself and waits on a grandchild that spins ~600 ms too.
    const spin = 'const t = Date.now(); while (Date.now() - t < 600);';
    const parent = `${spin} require('node:child_process').execFileSync(process.execPath, ['-e', ${JSON.stringify(spin)}]);`;
    const busy = await run(process.execPath, ['-e', parent]);
    expect(busy.ok).toBe(true);
    expect(busy.cpuMs).toBeGreaterThan(900);
    expect(busy.cpuMs).toBeLessThan(busy.wallMs * 2 + 200);
    expect(busy.peakRssBytes).toBeGreaterThan(10 * 2 ** 20);

    const idle = await run(process.execPath, ['-e', 'setTimeout(() => {}, 600)']);
    expect(idle.ok).toBe(true);
    expect(idle.cpuMs).toBeLessThan(400);
    expect(idle.wallMs).toBeGreaterThan(550);
  });
});
