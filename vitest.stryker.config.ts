// The unit tests Stryker runs against each mutant (`npm run mutation`, stryker.config.mjs).
// The CLI tests are left out: they run the ingester in a child process, which never sees
// Stryker's active mutant, so they cannot kill one, and they take most of the unit suite's time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/ingest-cli.test.ts', 'tests/ingest-robust.test.ts', 'tests/ingest-lock.test.ts', 'tests/bench-measure.test.ts'],
    // Instrumented code counting coverage runs tens of times slower on its hot loops
    // (related papers' numbering); Stryker sets its own timeout per mutant from the dry run.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
