// The ingest journal: `<root>/.ingest-journal.json`, written (durably) before a run's first
// change to the archive and removed after its last. While it exists the archive may be
// between two states: the build refuses it (src/integrations/build-guard.ts), and the next
// ingest of any kind finishes the interrupted run from it.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { sourcesSchema, slugsSchema } from '../../src/schema.ts';
import { check } from '../../src/schema-report.ts';

import { JOURNAL_FILE } from '../../src/ingest-state.ts';
import { writeWhole } from '../../src/cache/write-whole-fs.ts';

export const journalSchema = z
  .object({
    /** When the interrupted run started (ISO 8601), for messages. */
    started: z.string(),
    /** It was a --rebuild: every archived dump is re-derived. */
    rebuild: z.boolean(),
    /** dumps/sources.json and dumps/slugs.json as the run meant to leave them. */
    sources: sourcesSchema,
    slugs: slugsSchema,
  })
  .strict();
export type Journal = z.infer<typeof journalSchema>;

/** The journal of an interrupted run, undefined when there is none; throws when unreadable. */
export function readJournal(root: string): Journal | undefined {
  const file = path.join(root, JOURNAL_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message}): delete it and run \`npm run ingest -- --rebuild\``);
  }
  const r = check(journalSchema, data, file);
  if (!r.ok) throw new Error(`${r.problems.join('\n')}\ndelete it and run \`npm run ingest -- --rebuild\``);
  return r.value;
}

/** Writes the journal durably (temp file, fsync, rename, folder fsync). */
export function writeJournal(root: string, journal: Journal): void {
  writeWhole(path.join(root, JOURNAL_FILE), `${JSON.stringify(journal, null, 2)}\n`, { durable: true });
}

/** Removes the journal: the archive is consistent again. */
export function clearJournal(root: string): void {
  fs.rmSync(path.join(root, JOURNAL_FILE), { force: true });
  syncDir(root);
}

function syncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
