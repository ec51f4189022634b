// Two test projects: fast unit/CLI tests, and end-to-end tests against a real build in Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          // Builds the fixture site once and serves it to every e2e file (provide/inject).
          globalSetup: ['e2e/global-setup.ts'],
          // One file at a time: the files that run astro builds (incremental, build-guard)
          // share the project's .astro/ folder, and two builds at once in one root change each
          // other's prerender chunks (an incremental rebuild then finds nothing to keep).
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
