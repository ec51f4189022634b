// Astro integration: a build's main thread keeps the young generation V8 has given it by the
// time the config is read (32 MB semi-spaces here) instead of letting it double to 64 MB, the
// largest share of memory a build can give back for free. The size can only be capped at start
// (`node --max-semi-space-size`, which every launcher would need); the growth factor, read each
// time V8 grows the space, can be set now. What it saves and costs: docs/performance.md.
import type { AstroIntegration } from 'astro';
import { setFlagsFromString } from 'node:v8';

export default function buildMemory(): AstroIntegration {
  return {
    name: 'archive:build-memory',
    hooks: {
      // Builds only: the dev server keeps V8's defaults.
      'astro:config:setup': ({ command }) => {
        if (command === 'build') setFlagsFromString('--semi-space-growth-factor=1');
      },
    },
  };
}
