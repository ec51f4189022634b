// Whether an ingest left the archive half written: the one fact the ingester (which writes
// the journal) and the build (which refuses such an archive) share.
import fs from 'node:fs';
import path from 'node:path';

/** Written by scripts/ingest/journal-fs.ts before an ingest's first change, removed after its last. */
export const JOURNAL_FILE = '.ingest-journal.json';

/** The refusal for `root`, or undefined when no ingest is unfinished there. */
export function unfinishedIngest(root: string): string | undefined {
  const journal = path.join(root, JOURNAL_FILE);
  if (!fs.existsSync(journal)) return undefined;
  const rel = path.relative(process.cwd(), root) || '.';
  const content = rel === 'content' ? '' : ` --content ${rel}`;
  return (
    `${journal}: an ingest was interrupted and the archive is between two states. ` +
    `Finish it with \`npm run ingest --${content} --rebuild\` (or run the interrupted command again), then build.`
  );
}
