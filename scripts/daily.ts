// CLI (`npm run daily`): the publishing run. Ingests every dump in inbox/ with the ingester
// (scripts/ingest.ts, each dump accepted or refused whole), removes from inbox/ the dumps that
// went in (the archive keeps them in content/dumps/), then builds the site. Any refusal fails
// the run before the build, the refused files left in inbox/, so nothing is published until
// the inbox is clean. Run from the project root (npm does).
import path from 'node:path';
import { rmSync } from 'node:fs';
import { actionsFiles } from '../src/config.ts';
import { contentDir } from '../src/content-dir.ts';
import { unfinishedIngest } from '../src/ingest-state.ts';
import { failureSummary, INBOX_DIR, successSummary, wentIn } from './daily/inbox.ts';
import { appendTo, archivedSha256, astroCli, INGEST_SCRIPT, listInbox, readInboxDump, runNode } from './daily/inbox-fs.ts';

const USAGE = `Usage: npm run daily

Ingests every *.txt dump in ${INBOX_DIR}/ (see docs/format.md), removes those that went in
(content/dumps/ keeps them), then builds the site into dist/ (astro build). A refused dump
stays in ${INBOX_DIR}/ and fails the run (exit 1) before the build; content/ keeps everything
else that went in. Under GitHub Actions the refusals also go to the job summary, and the
step output ingest=done says content/ is whole and may be committed.`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) return (console.log(USAGE), 0);
  if (argv.length > 0) return (console.error(`npm run daily takes no arguments\n\n${USAGE}`), 2);
  const project = process.cwd();
  const content = contentDir();
  const gh = actionsFiles();

  const { dumps: found, strays } = listInbox(project);
  strays.forEach((s) => console.error(s.message));
  const dumps = found.map(readInboxDump);
  let messages = strays.map((s) => `${s.message}\n`).join('');
  let ingestFailed = false;
  const ingested: { label: string; day: string }[] = [];
  const refused = strays.map((s) => s.label);

  if (dumps.length > 0) {
    console.log(`daily: ingesting ${dumps.length} dump(s) from ${INBOX_DIR}/`);
    // `--` and the folder prefix: a file named like an option is still a file.
    const run = await runNode([INGEST_SCRIPT, '--', ...dumps.map((d) => d.label)], true);
    messages += run.stderr;
    const unfinished = unfinishedIngest(content);
    if (unfinished) {
      // Half written: every dump stays in the inbox; the next run finishes the ingest first.
      console.error(unfinished);
      appendTo(gh.summary, failureSummary({ refused: [], ingested: 0, unfinished: true, messages: `${messages}${unfinished}\n` }));
      return 1;
    }
    const archived = archivedSha256(content);
    for (const d of dumps) {
      if (wentIn(d, archived)) {
        rmSync(path.join(project, d.label), { force: true });
        ingested.push({ label: d.label, day: d.day! });
      } else refused.push(d.label);
    }
    // The ingester can fail with every dump in (an archived dump that no longer parses).
    ingestFailed = run.code !== 0;
  }
  appendTo(gh.output, 'ingest=done\n');
  if (ingested.length > 0) console.log(`daily: ${ingested.length} dump(s) went in and left ${INBOX_DIR}/: ${ingested.map((d) => d.day).join(', ')}`);

  if (refused.length > 0 || ingestFailed) {
    if (refused.length > 0) console.error(`daily: ${refused.length} file(s) refused, left in ${INBOX_DIR}/: ${refused.join(', ')}; not building`);
    else console.error('daily: the ingest failed (see above); not building');
    appendTo(gh.summary, failureSummary({ refused, ingested: ingested.length, unfinished: false, messages }));
    return 1;
  }

  console.log('daily: building the site');
  const build = await runNode([astroCli(), 'build']);
  if (build.code !== 0) return build.code ?? 1;
  appendTo(gh.summary, successSummary(ingested.map((d) => d.day)));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
