// Headless Chromium for e2e files: the system browser only (tests never download one).
// Missing browser: a failure under CI=true, a skip with install advice elsewhere.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { describe, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';

export { CHROMIUM };
const MISSING = `Chromium not found at ${CHROMIUM}; install it with: apt-get install -y chromium`;

/** `describe` when Chromium exists; otherwise a failing test (CI) or a skipped suite. */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
  } else if (process.env.CI === 'true' || process.env.CI === '1') {
    describe(name, () => it('has a browser', () => { throw new Error(MISSING); }));
  } else {
    console.warn(`Skipping "${name}": ${MISSING}`);
    describe.skip(name, body);
  }
}

/** Launch the system Chromium headless, with a throwaway profile and no network chatter. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
}
