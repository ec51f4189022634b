// Astro integration: what must hold before a build publishes anything. It refuses an
// archive that an ingest left half written (naming the command that finishes it), so a
// killed ingest never publishes papers that list days with no page; and it warns loudly —
// or, with ARCHIVE_STRICT=1, fails — when a build has no SITE_URL and would write
// localhost into every canonical URL and feed link.
import type { AstroIntegration } from 'astro';
import { productionProblems, readConfig } from '../config.ts';
import { unfinishedIngest } from '../ingest-state.ts';

export default function buildGuard(): AstroIntegration {
  return {
    name: 'archive:build-guard',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const config = readConfig();
        const refusal = unfinishedIngest(config.contentDir);
        if (refusal) throw new Error(refusal);
        for (const problem of productionProblems(config)) {
          if (config.strict) throw new Error(problem);
          logger.warn(`\n\n  ⚠  ${problem}\n`);
        }
      },
    },
  };
}
