// The Pagefind engine this build indexes with: its version names the cached bundles and is the
// engine's cache tag (Pagefind's `metaCacheTag`), which the search page knows when it is
// rendered, so it can preload the engine's entry file before any script runs.
import fs from 'node:fs';
import path from 'node:path';

function readPagefindVersion(): string {
  const pkg = path.join(path.dirname(new URL(import.meta.resolve('pagefind')).pathname), '..', 'package.json');
  try {
    return JSON.parse(fs.readFileSync(pkg, 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

/** Names the Pagefind version: equal for equal engines. */
export const ENGINE = `pagefind-${readPagefindVersion()}`;
