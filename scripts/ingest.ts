// CLI: ingest raw "Daily Papers" dumps into the archive (args → read → parse → plan →
// merge → write → report). Crash safety: a journal (.ingest-journal.json) is written before
// the first change and removed after the last; while it exists the build refuses the
// archive, and the next ingest of any kind finishes the interrupted run. Writes go, in
// order: dumps/YYYY-MM-DD.txt, papers/*.md, days/*.md, then dumps/sources.json and
// dumps/slugs.json. A day file whose sha256 matches its dump marks the day complete.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { contentDir, contentPaths, type ContentPaths } from '../src/content-dir.ts';
import { fileLabel } from '../src/schema-report.ts';
import type { DayData } from '../src/schema.ts';
import { parseDump, type Diagnostic, type Entry, type ParseResult } from './ingest/parse.ts';
import { merge, type IncomingDay, type MergeOutput } from './ingest/merge.ts';
import { renderDay, renderPaper } from './ingest/render.ts';
import { DamagedArchive, readArchive, readDump, SLUGS_FILE, SOURCES_FILE, type ArchiveState, type Sources } from './ingest/read-fs.ts';
import { applyGroups, contentOf, removeTempFiles, sameBytes, WriteError, type FileOp } from './ingest/write-fs.ts';
import { acquireLock, ReadOnlyArchive, type Lock } from './ingest/lock-fs.ts';
import { readConfig } from '../src/config.ts';
import { clearJournal, readJournal, writeJournal, type Journal } from './ingest/journal-fs.ts';
import { JOURNAL_FILE } from '../src/ingest-state.ts';
import { expandInputs, readInput } from './ingest/inputs-fs.ts';
import { describeDiff, diffDay } from './ingest/day-diff.ts';
import { progress } from './ingest/progress.ts';
import { favourMemory, ingestFavoursMemory } from '../src/favour-memory.ts';

const USAGE = `Usage: npm run ingest -- [options] <dump file or folder>...
       npm run ingest -- --rebuild

Adds raw Daily Papers dumps (see docs/format.md) to the archive: content/dumps/,
content/days/ and content/papers/. A folder means every *.txt file in it.

Options:
  --date YYYY-MM-DD  the dump's day (only with a single file); else a YYYY-MM-DD in
                     the file name; else the day line's year; else inferred from the
                     dump when it can be, and reported
  --content <dir>    content root (default: $ARCHIVE_CONTENT_DIR, else ./content)
  --replace          replace a day already archived from a different dump
  --rebuild          regenerate days/ and papers/ from content/dumps/ (slugs kept)
  --dry-run          report what would change, write nothing
  -h, --help         show this help

Environment: INGEST_LOCK_WAIT_MS (default 10000) how long to wait for another ingest.
Exit code: 0 when every dump went in (or was unchanged), 1 when any was refused or the
archive could not be written, 2 on a usage error.`;

interface Options {
  date?: string;
  root: string;
  replace: boolean;
  rebuild: boolean;
  dryRun: boolean;
  waitMs: number;
  /** ARCHIVE_LOW_MEMORY: favour memory even for a small run. */
  lowMemory: boolean;
  positionals: string[];
}

interface Input {
  /** The path as given, used in messages. */
  label: string;
  name: string;
  sha256: string;
  parsed: ParseResult;
}

/** What this run will write, and what to say once it is written. */
interface Plan {
  groups: FileOp[][];
  report: string[];
  journal: Journal;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const printDiag = (d: Diagnostic) => console.error(`${d.file}:${d.line}:${d.column}: ${d.message}`);
const printNote = (d: Diagnostic) => console.log(`${d.file}:${d.line}: note: ${d.message}`);
const sortKeys = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

class Usage extends Error {}

function readOptions(argv: string[]): Options | 'help' {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        date: { type: 'string' },
        content: { type: 'string' },
        replace: { type: 'boolean', default: false },
        rebuild: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new Usage((e as Error).message);
  }
  const { values: opt, positionals } = args;
  if (opt.help) return 'help';
  if (opt.rebuild && positionals.length > 0) throw new Usage('--rebuild takes no dump: it reads content/dumps/');
  if (!opt.rebuild && positionals.length === 0) throw new Usage('no dump given');
  if (opt.date !== undefined && (positionals.length !== 1 || isDir(positionals[0]))) throw new Usage('--date applies to a single dump file');
  let config;
  try {
    config = readConfig();
  } catch (e) {
    throw new Usage((e as Error).message);
  }
  return {
    date: opt.date,
    root: opt.content !== undefined ? path.resolve(opt.content) : contentDir(),
    replace: opt.replace,
    rebuild: opt.rebuild,
    dryRun: opt['dry-run'],
    waitMs: config.lockWaitMs,
    lowMemory: config.lowMemory,
    positionals,
  };
}

/** Reads and parses every input; prints what was refused. */
function readInputs(opt: Options): { inputs: Input[]; refused: number } {
  const { files, problems } = expandInputs(opt.positionals);
  problems.forEach((p) => console.error(p));
  if (ingestFavoursMemory(files.length, opt.lowMemory)) favourMemory();
  let refused = problems.length;
  const inputs: Input[] = [];
  for (const [i, file] of files.entries()) {
    progress('parse', i, files.length);
    const read = readInput(file);
    if (!read.ok) {
      console.error(`${file}: ${read.message}`);
      refused++;
      continue;
    }
    const parsed = parseDump(read.bytes, file, { date: opt.date });
    if (parsed.diagnostics.length > 0 || !parsed.day) {
      parsed.diagnostics.forEach(printDiag);
      console.error(`${file}: refused, nothing written`);
      refused++;
      continue;
    }
    parsed.notes.forEach(printNote);
    // The bytes are not kept: thousands of dumps would stay in memory until the write.
    inputs.push({ label: file, name: path.basename(file), sha256: sha256(read.bytes), parsed });
  }
  progress('parse', files.length, files.length);
  return { inputs, refused };
}

/** One dump per day: the same bytes twice is harmless, two different dumps are refused. */
function onePerDay(inputs: Input[]): { accepted: Input[]; refused: number } {
  const byDay = new Map<string, Input[]>();
  for (const inp of inputs) byDay.set(inp.parsed.day!, [...(byDay.get(inp.parsed.day!) ?? []), inp]);
  const accepted: Input[] = [];
  let refused = 0;
  for (const [day, list] of byDay) {
    if (list.some((x) => x.sha256 !== list[0].sha256)) {
      for (const x of list) {
        const others = list.filter((o) => o !== x).map((o) => o.label).join(', ');
        console.error(`${x.label}:1:1: day ${day} is given again with different content (${others}); refused`);
        refused++;
      }
      continue;
    }
    for (const x of list.slice(1)) console.log(`${day} ${x.label}: same dump as ${list[0].label}, skipped`);
    accepted.push(list[0]);
  }
  return { accepted: accepted.sort((a, b) => (a.parsed.day! < b.parsed.day! ? -1 : 1)), refused };
}

/** What planning a run gathers, step by step: the days to merge and what to say of them. */
interface Planning {
  content: ContentPaths;
  rebuild: boolean;
  /** Day → its archived dump's original name and hash, as this run will leave it. */
  sources: Sources;
  /** The days to merge: accepted dumps, then archived dumps derived again. */
  incoming: IncomingDay[];
  /** Accepted dumps whose bytes are new to the archive (written to dumps/). */
  newDumps: Input[];
  /** A remark on a day's report line (how its year was found, an interrupted run finished). */
  notes: Map<string, string>;
  /** Days an accepted dump settled (unchanged, replaced or new). */
  handled: Set<string>;
  /** Dumps refused (or archived dumps that no longer parse). */
  refused: number;
  /** The parsed entries of an archived day, parsed once. */
  entries: Map<string, Entry[]>;
  dumpSha: (day: string) => string;
}

/** Everything this run writes, from the archive's state and the accepted dumps. */
function plan(opt: Options, accepted: Input[], state: ArchiveState, journal: Journal | undefined): { plan: Plan; refused: number } {
  const content = contentPaths(opt.root);
  const rebuild = opt.rebuild || journal?.rebuild === true;
  const shaOf = new Map<string, string>();
  const dumpSha = (day: string) => {
    let s = shaOf.get(day);
    if (s === undefined) shaOf.set(day, (s = sha256(readDump(opt.root, day))));
    return s;
  };
  const p: Planning = {
    content,
    rebuild,
    sources: recoverSources(state, journal, dumpSha),
    incoming: [],
    newDumps: [],
    notes: new Map(),
    handled: new Set(),
    refused: 0,
    entries: new Map(),
    dumpSha,
  };
  classifyIncoming(p, opt, accepted, state);
  if (rebuild && ingestFavoursMemory(state.dumpDays.length, opt.lowMemory)) favourMemory();
  rederiveArchived(p, state, journal);

  const result = merge({
    incoming: p.incoming,
    papers: rebuild ? new Map() : state.papers,
    slugByTitle: new Map([...state.slugByTitle, ...Object.entries(journal?.slugs ?? {})]),
    corrections: state.corrections,
    oldDayPapers: (day) => state.days.get(day)?.papers,
    loadEntries: (day) => archivedEntries(p, day),
  });

  const dumpDays = new Set([...state.dumpDays, ...p.newDumps.map((d) => d.parsed.day!)]);
  for (const day of Object.keys(p.sources)) if (!dumpDays.has(day)) delete p.sources[day];
  for (const inc of p.incoming) p.sources[inc.day] = inc.source;
  const slugs = sortKeys(Object.fromEntries(result.slugs));
  const groups = fileOps(p, state, result, dumpDays, slugs);
  const journalOut: Journal = { started: new Date().toISOString(), rebuild, sources: sortKeys(p.sources), slugs };
  return { plan: { groups, report: reportLines(p, result), journal: journalOut }, refused: p.refused };
}

/** The sources an interrupted run meant to leave, kept for the days whose dump did land. */
function recoverSources(state: ArchiveState, journal: Journal | undefined, dumpSha: (day: string) => string): Sources {
  const sources: Sources = { ...state.sources };
  if (!journal) return sources;
  for (const day of state.dumpDays) {
    const meant = journal.sources[day];
    if (meant && meant.sha256 === dumpSha(day)) sources[day] = meant;
    else if (sources[day] && sources[day].sha256 !== dumpSha(day)) delete sources[day];
  }
  return sources;
}

/** The entries of an archived day's dump (none when there is no dump), parsed once. */
function archivedEntries(p: Planning, day: string): Entry[] {
  let e = p.entries.get(day);
  if (!e) {
    const file = p.content.dumpFile(day);
    e = fs.existsSync(file) ? parseDump(readDump(p.content.root, day), file, { date: day }).entries : [];
    p.entries.set(day, e);
  }
  return e;
}

/** Each accepted dump: unchanged (skipped), the same bytes again, a replacement, or refused. */
function classifyIncoming(p: Planning, opt: Options, accepted: Input[], state: ArchiveState): void {
  for (const inp of accepted) {
    const day = inp.parsed.day!;
    const file = p.content.dumpFile(day);
    const onDisk = fs.existsSync(file) ? readDump(p.content.root, day) : undefined;
    const source = { file: inp.name, sha256: inp.sha256 };
    if (onDisk && sha256(onDisk) === inp.sha256) {
      p.handled.add(day);
      if (state.days.get(day)?.source.sha256 === inp.sha256) {
        console.log(`${day} ${inp.label}: unchanged`);
        continue;
      }
      source.file = p.sources[day]?.sha256 === inp.sha256 ? p.sources[day].file : inp.name;
    } else if (onDisk) {
      const diff = describeDiff(diffDay(archivedEntries(p, day), inp.parsed.entries));
      if (!opt.replace) {
        console.error(`${inp.label}:1:1: day ${day} is already archived from a different dump (${fileLabel(file)}). This capture would change:`);
        diff.forEach((l) => console.error(l));
        console.error(`To replace the archived day with it: npm run ingest -- --replace ${inp.label}`);
        console.error(`${inp.label}: refused, nothing written`);
        p.refused++;
        continue;
      }
      console.log(`${day} ${inp.label}: replaces the archived dump:`);
      diff.forEach((l) => console.log(l));
      p.newDumps.push(inp);
    } else p.newDumps.push(inp);
    p.handled.add(day);
    p.incoming.push({ day, entries: inp.parsed.entries, source });
    if (inp.parsed.dayFrom === 'inferred') p.notes.set(day, ' (year inferred from the dump)');
    if (inp.parsed.dayFrom === 'header') p.notes.set(day, ' (year from the day line)');
  }
}

/** Archived dumps to derive again: all of them on --rebuild, else those an interrupted run left. */
function rederiveArchived(p: Planning, state: ArchiveState, journal: Journal | undefined): void {
  const sourceOf = (day: string, sha: string): DayData['source'] => {
    if (p.sources[day]?.sha256 === sha) return p.sources[day];
    const dayFile = state.days.get(day);
    if (dayFile?.source.sha256 === sha) return dayFile.source;
    return { file: `${day}.txt`, sha256: sha };
  };
  for (const day of state.dumpDays) {
    if (p.handled.has(day)) continue;
    const dayFile = state.days.get(day);
    if (!p.rebuild && !journal && dayFile && p.sources[day]?.sha256 === dayFile.source.sha256) continue;
    const sha = p.dumpSha(day);
    if (!p.rebuild && dayFile?.source.sha256 === sha) {
      p.sources[day] = sourceOf(day, sha);
      continue;
    }
    const file = p.content.dumpFile(day);
    const parsed = parseDump(readDump(p.content.root, day), file, { date: day });
    if (parsed.diagnostics.length > 0) {
      parsed.diagnostics.forEach(printDiag);
      console.error(`${file}: archived dump no longer parses; its day is left as it is`);
      p.refused++;
      continue;
    }
    p.entries.set(day, parsed.entries);
    p.incoming.push({ day, entries: parsed.entries, source: sourceOf(day, sha) });
    if (!p.rebuild) p.notes.set(day, ' (finishing an interrupted ingest)');
  }
}

/** The writes, in their crash-safe order: new dumps, papers, days, then the manifests. */
function fileOps(p: Planning, state: ArchiveState, result: MergeOutput, dumpDays: Set<string>, slugs: Record<string, string>): FileOp[][] {
  const { content } = p;
  const paperOps: FileOp[] = [];
  for (const [slug, paper] of result.papers) paperOps.push({ path: content.paperFile(slug), data: () => renderPaper(paper.data, paper.abstract) });
  const gone = new Set(result.deleted);
  if (p.rebuild) for (const slug of state.papers.keys()) if (!result.papers.has(slug)) gone.add(slug);
  for (const slug of gone) paperOps.push({ path: content.paperFile(slug), data: null });
  const dayOps: FileOp[] = result.days.map((d) => ({ path: content.dayFile(d.date), data: () => renderDay(d) }));
  if (p.rebuild) for (const day of state.days.keys()) if (!dumpDays.has(day)) dayOps.push({ path: content.dayFile(day), data: null });
  const manifests: FileOp[] = [
    { path: path.join(content.dumps, SOURCES_FILE), data: `${JSON.stringify(sortKeys(p.sources), null, 2)}\n` },
    { path: path.join(content.dumps, SLUGS_FILE), data: `${JSON.stringify(slugs, null, 2)}\n` },
  ];
  return [p.newDumps.map((d) => ({ path: content.dumpFile(d.parsed.day!), data: () => reread(d) })), paperOps, dayOps, manifests];
}

/** One line per day written: its source, its entries and papers, and any remark. */
function reportLines(p: Planning, result: MergeOutput): string[] {
  return result.stats.map((s) => {
    const src = p.incoming.find((i) => i.day === s.day)!.source.file;
    return `${s.day} ${src}: ${s.entries} entries, ${s.newPapers} new papers, ${s.updatedPapers} updated papers${p.notes.get(s.day) ?? ''}`;
  });
}

/** A dump's bytes again, at write time; refused if the file changed since it was parsed. */
function reread(inp: Input): Uint8Array {
  const r = readInput(inp.label);
  if (!r.ok) throw new WriteError(`${inp.label}: ${r.message}`);
  if (sha256(r.bytes) !== inp.sha256) throw new WriteError(`${inp.label}: changed while the ingest ran; run it again`);
  return r.bytes;
}

/** The operations that would change a file. */
function changes(groups: FileOp[][]): FileOp[] {
  return groups.flat().filter((op) => (op.data === null ? fs.existsSync(op.path) : !sameBytes(op.path, contentOf(op))));
}

async function main(argv: string[]): Promise<number> {
  let opt: Options | 'help';
  try {
    opt = readOptions(argv);
  } catch (e) {
    if (!(e instanceof Usage)) throw e;
    console.error(`${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (opt === 'help') {
    console.log(USAGE);
    return 0;
  }
  const { root } = opt;
  const read = readInputs(opt);
  const per = onePerDay(read.inputs);
  let refused = read.refused + per.refused;
  let journal: Journal | undefined;
  try {
    journal = readJournal(root);
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
  // Nothing accepted and nothing to finish: touch nothing (no lock, no manifest).
  if (!opt.rebuild && per.accepted.length === 0 && !journal) {
    console.error(refused > 0 ? 'nothing written' : 'nothing to do');
    return refused > 0 ? 1 : 0;
  }

  let lock: Lock | undefined;
  let readOnly = false;
  if (!opt.dryRun) {
    try {
      lock = await acquireLock(root, opt.waitMs);
    } catch (e) {
      if (!(e instanceof ReadOnlyArchive)) {
        console.error((e as Error).message);
        return 1;
      }
      // A run with nothing to write still succeeds on a read-only archive.
      readOnly = true;
    }
  }
  try {
    if (lock) removeTempFiles([root, ...(['dumps', 'days', 'papers'] as const).map((d) => contentPaths(root)[d])]);
    const state = readArchive(root);
    const damaged = () => {
      state.papers.readAll();
      state.problems.forEach((p) => console.error(p));
      console.error(`${state.problems.length} problem(s) in the archive's own files: mend them (or restore them from version control), then run again; nothing written`);
      return 1;
    };
    if (state.problems.length > 0) return damaged();
    if (journal) console.log(`finishing an interrupted ingest (started ${journal.started})`);
    let planned: ReturnType<typeof plan>;
    try {
      planned = plan(opt, per.accepted, state, journal);
    } catch (e) {
      if (e instanceof DamagedArchive) return damaged();
      throw e;
    }
    refused += planned.refused;
    const { groups, report } = planned.plan;
    if (opt.dryRun) {
      const changed = changes(groups);
      report.forEach((l) => console.log(l));
      for (const op of changed) console.log(`would ${op.data === null ? 'delete' : fs.existsSync(op.path) ? 'update' : 'create'} ${path.relative(root, op.path)}`);
      console.log(`dry run: ${changed.length} file(s) would change; nothing written`);
      return refused > 0 ? 1 : 0;
    }
    if (readOnly) {
      const changed = changes(groups);
      if (changed.length > 0 || journal) {
        console.error(`${root}: cannot write the archive (read-only or no permission); ${changed.length} file(s) would change; nothing written`);
        return 1;
      }
      report.forEach((l) => console.log(l));
    } else {
      try {
        const r = await applyGroups(
          groups,
          (done, total) => progress('write', done, total),
          () => writeJournal(root, planned.plan.journal),
        );
        if (journal || r.written + r.deleted > 0) clearJournal(root);
        report.forEach((l) => console.log(l));
        if (r.written + r.deleted > 0) console.log(`wrote ${r.written} file(s), deleted ${r.deleted}`);
      } catch (e) {
        if (!(e instanceof WriteError) && !(e as NodeJS.ErrnoException).code) throw e;
        console.error((e as Error).message);
        console.error(
          fs.existsSync(path.join(root, JOURNAL_FILE))
            ? 'the archive was not changed completely: free the space or fix the permission, then run any ingest again to finish (the build refuses the archive until then)'
            : 'nothing written',
        );
        return 1;
      }
    }
    return refused > 0 ? 1 : 0;
  } finally {
    lock?.release();
  }
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}



process.exitCode = await main(process.argv.slice(2));
