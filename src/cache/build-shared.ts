// Feature: what a build keeps. State kept between builds in Astro's cacheDir (derived values
// by file digest, files written whole), page cache keys, and values shared within one build.
// Depends on nothing of ours but Node; archive/, related/, topics/, open-data/ and search/ use it.
//
// Values made once per build and shared by the two copies of this project's modules that a
// build runs: the page code, bundled by Vite, and the integrations, loaded by Node. Their
// module-level caches cannot see each other, so the open-data step would otherwise read the
// archive and its 30,000 abstracts again after the pages had them. A build opens the shared
// store (src/integrations/derived-cache.ts, when the build starts); outside a build (the dev
// server, tests) there is none and every caller makes its own value.
const STORE = Symbol.for('daily-papers-archive:build-shared');

type Store = Map<string, unknown>;
const host = globalThis as { [STORE]?: Store };

/** Starts a build's store: values of an earlier build in this process are dropped. */
export function openBuildShared(): void {
  host[STORE] = new Map();
}

/** The build's value named `name`, made by the first caller; `make()` each time outside a build. */
export function buildShared<T>(name: string, make: () => T): T {
  const store = host[STORE];
  if (!store) return make();
  if (!store.has(name)) store.set(name, make());
  return store.get(name) as T;
}
