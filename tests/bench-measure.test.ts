// bench/lib/measure.ts and size.ts: what a run reports of a real process tree, and the build order.
import { describe, expect, it } from 'vitest';
import { run } from '../bench/lib/measure.ts';
import { rotate } from '../bench/lib/size.ts';

describe('run', () => {
  // 1.2 s of CPU in two processes can take many seconds of the clock on a loaded machine.
  it('counts the CPU time of the whole tree, a grandchild included, and none for a sleeper', { timeout: 60_000 }, async () => {
    // A child that spins for 600 ms of its own CPU time and waits on a grandchild that does the
    // same (CPU time, not the clock: on a busy machine a clock-timed spin gets less CPU).
    const spin = 'const t = process.cpuUsage(); for (let u = t; u.user + u.system < 600_000; u = process.cpuUsage(t));';
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

describe('rotate', () => {
  it('turns the build order by one place per run, every build first once', () => {
    const order = [0, 1, 2].map((r) => rotate(['ours', 'a', 'b'], r));
    expect(order).toEqual([['ours', 'a', 'b'], ['a', 'b', 'ours'], ['b', 'ours', 'a']]);
    expect(rotate(['ours', 'a'], 5)).toEqual(['a', 'ours']);
    expect(rotate([], 2)).toEqual([]);
  });
});
