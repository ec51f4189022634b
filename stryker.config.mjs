// Mutation testing of the pure modules (`npm run mutation`; not part of `npm test`, it takes
// many minutes). Reports and the incremental file go to reports/mutation/ (git-ignored); a
// rerun tests only the mutants whose code or covering tests changed. docs/mutation.md has the
// scores and the survivors judged equivalent.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    // The parser and its rules, merge, slugs and title identity.
    'scripts/ingest/{parse,dump-dates,parse-year,dump-lines,chrome,merge,slug,title-key,day-diff,render,utf8}.ts',
    // The search page's pure parts (page.ts drives the DOM) and the shard plan.
    'src/search/ui/*.ts',
    '!src/search/ui/page.ts',
    'src/search/plan.ts',
    // Feeds (site-feeds.ts loads the archive), topics, related papers, periods, paths, cache keys.
    'src/feeds/{feed-catalog,feed-items,json-feed,rss-feed}.ts',
    'src/topics/{topics,topic-papers}.ts',
    'src/related/{related,related-terms}.ts',
    'src/archive/{periods,calendar}.ts',
    'src/site/paths.ts',
    'src/cache/cache-key.ts',
    'src/format/*.ts',
  ],
  // Build output and the e2e suite are no input of the unit tests: not copied to the sandbox.
  ignorePatterns: ['/dist', '/.astro', '/e2e', '/bench/results', '/inbox'],
  // Two workers at most: the machine is shared.
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  thresholds: { high: 90, low: 85, break: null },
  // A busy machine makes a slow test look like an infinite loop; give it room.
  timeoutMS: 10000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 10,
};
