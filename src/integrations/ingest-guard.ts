// Astro integration: refuses to build an archive that an ingest left half written (its
// journal is still there), naming the command that finishes it, so a killed ingest never
// publishes papers that list days with no page, or orphan pages.
import type { AstroIntegration } from 'astro';
import { contentDir } from '../content-dir.ts';
import { unfinishedIngest } from '../ingest-state.ts';

export default function ingestGuard(): AstroIntegration {
  return {
    name: 'archive:ingest-guard',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        const refusal = unfinishedIngest(contentDir());
        if (refusal) throw new Error(refusal);
      },
    },
  };
}
