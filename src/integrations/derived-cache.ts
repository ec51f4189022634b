// Astro integration: tells page code where to keep values derived from whole paper files
// between builds (src/cache/derived-cache-fs.ts): a folder in Astro's resolved cacheDir,
// handed over in the process environment (a static build renders pages in this process).
// Configs that move cacheDir (tests, the bench's wrapper config) are honoured. It also opens
// the build's store of values shared by pages and integrations (src/cache/build-shared.ts).
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { openBuildShared } from '../cache/build-shared.ts';
import { DERIVED_CACHE_ENV, derivedDir } from '../cache/derived-cache-fs.ts';

export default function derivedCache(): AstroIntegration {
  return {
    name: 'archive:derived-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        process.env[DERIVED_CACHE_ENV] = derivedDir(fileURLToPath(config.cacheDir));
      },
      'astro:build:start': () => openBuildShared(),
    },
  };
}
