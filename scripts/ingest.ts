// CLI: ingest raw "Daily Papers" dumps into the archive (args → read → parse → merge → write).
// Write order, so that a run killed at any moment is finished by the next run:
//   1. dumps/sources.json (original file names), 2. dumps/YYYY-MM-DD.txt,
//   3. papers/*.md, 4. days/*.md last. A day file whose sha256 matches its dump is the
//   marker that the day's papers are complete; any dump without one is re-derived on the
//   next run, whatever that run was asked to do.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { contentDir } from '../src/content-dir.ts';
import type { DayData } from '../src/schema.ts';
import { parseDump, type Diagnostic, type Entry, type ParseResult } from './lib/parse.ts';
import { merge, type IncomingDay } from './lib/merge.ts';
import { renderDay, renderPaper } from './lib/render.ts';
import { readArchive, readDump, SOURCES_FILE, type Sources } from './lib/read-fs.ts';
import { acquireLock, applyGroups, removeTempFiles, type FileOp } from './lib/write-fs.ts';
import { progress } from './lib/progress.ts';

const USAGE = `Usage: npm run ingest -- [options] <dump file or folder>...
       npm run ingest -- --rebuild

Adds raw Daily Papers dumps (see shared/FORMAT.md) to the archive: content/dumps/,
content/days/ and content/papers/. A folder means every *.txt file in it.

Options:
  --date YYYY-MM-DD  the dump's day (only with a single file); else a YYYY-MM-DD in
                     the file name; else inferred from the dump and reported
  --content <dir>    content root (default: $ARCHIVE_CONTENT_DIR, else ./content)
  --replace          replace a day already archived from a different dump
  --rebuild          regenerate days/ and papers/ from content/dumps/ (slugs kept)
  --dry-run          report what would change, write nothing
  -h, --help         show this help

Exit code: 0 when every dump went in (or was unchanged), 1 when any was refused,
2 on a usage error.`;

interface Input {
  /** The path as given, used in messages. */
  label: string;
  name: string;
  bytes: Buffer;
  sha256: string;
  parsed: ParseResult;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const printDiag = (d: Diagnostic) => console.error(`${d.file}:${d.line}:${d.column}: ${d.message}`);
const printNote = (d: Diagnostic) => console.log(`${d.file}:${d.line}: note: ${d.message}`);

async function main(argv: string[]): Promise<number> {
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
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values: opt, positionals } = args;
  if (opt.help) {
    console.log(USAGE);
    return 0;
  }
  const usage = (msg: string) => (console.error(`${msg}\n\n${USAGE}`), 2);
  if (opt.rebuild && positionals.length > 0) return usage('--rebuild takes no dump: it reads content/dumps/');
  if (!opt.rebuild && positionals.length === 0) return usage('no dump given');
  if (opt.date !== undefined && (positionals.length !== 1 || isDir(positionals[0])))
    return usage('--date applies to a single dump file');
  const root = opt.content !== undefined ? path.resolve(opt.content) : contentDir();
  const dryRun = opt['dry-run'];
  let refused = 0;

  // Read and parse every input before touching the archive.
  const files: string[] = [];
  for (const p of positionals) {
    if (isDir(p)) {
      const txt = fs.readdirSync(p).filter((n) => n.endsWith('.txt') && !n.startsWith('.')).sort();
      if (txt.length === 0) (console.error(`${p}: no *.txt dump in this folder`), refused++);
      files.push(...txt.map((n) => path.join(p, n)));
    } else files.push(p);
  }
  const inputs: Input[] = [];
  for (const [i, file] of files.entries()) {
    progress('parse', i, files.length);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (e) {
      console.error(`${file}: cannot read: ${(e as Error).message}`);
      refused++;
      continue;
    }
    const parsed = parseDump(bytes, file, { date: opt.date });
    if (parsed.diagnostics.length > 0 || !parsed.day) {
      parsed.diagnostics.forEach(printDiag);
      console.error(`${file}: refused, nothing written`);
      refused++;
      continue;
    }
    parsed.notes.forEach(printNote);
    inputs.push({ label: file, name: path.basename(file), bytes, sha256: sha256(bytes), parsed });
  }
  progress('parse', files.length, files.length);

  // One dump per day: the same bytes twice is harmless, two different dumps are refused.
  const byDay = new Map<string, Input[]>();
  for (const inp of inputs) byDay.set(inp.parsed.day!, [...(byDay.get(inp.parsed.day!) ?? []), inp]);
  const accepted: Input[] = [];
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

  let lock;
  if (!dryRun) {
    try {
      lock = await acquireLock(root, Number(process.env.INGEST_LOCK_WAIT_MS ?? 10_000));
    } catch (e) {
      console.error((e as Error).message);
      return 1;
    }
    removeTempFiles([root, ...['dumps', 'days', 'papers'].map((d) => path.join(root, d))]);
  }
  const state = readArchive(root);
  const dumpPath = (day: string) => path.join(root, 'dumps', `${day}.txt`);

  const incoming: IncomingDay[] = [];
  const newDumps: Input[] = [];
  const notes = new Map<string, string>();
  const handled = new Set<string>();
  for (const inp of accepted.sort((a, b) => (a.parsed.day! < b.parsed.day! ? -1 : 1))) {
    const day = inp.parsed.day!;
    const onDisk = fs.existsSync(dumpPath(day)) ? readDump(root, day) : undefined;
    const source = { file: inp.name, sha256: inp.sha256 };
    if (onDisk && Buffer.compare(onDisk, inp.bytes) === 0) {
      handled.add(day);
      const dayFile = state.days.get(day);
      if (dayFile?.source.sha256 === inp.sha256) {
        console.log(`${day} ${inp.label}: unchanged`);
        continue;
      }
      // The dump went in but its day file did not: an interrupted run, finish it.
      source.file = state.sources[day]?.sha256 === inp.sha256 ? state.sources[day].file : inp.name;
    } else if (onDisk && !opt.replace) {
      console.error(`${inp.label}:1:1: day ${day} is already archived from a different dump; use --replace to replace it`);
      console.error(`${inp.label}: refused, nothing written`);
      refused++;
      continue;
    } else newDumps.push(inp);
    handled.add(day);
    incoming.push({ day, entries: inp.parsed.entries, source });
    if (inp.parsed.dayFrom === 'inferred') notes.set(day, ' (year inferred from the dump)');
    if (inp.parsed.dayFrom === 'header') notes.set(day, " (year from the day line)");
  }

  // Archived dumps to (re)derive: all of them on --rebuild, else those an interrupted run left.
  const sourceOf = (day: string, sha: string): DayData['source'] => {
    if (state.sources[day]?.sha256 === sha) return state.sources[day];
    const dayFile = state.days.get(day);
    if (dayFile?.source.sha256 === sha) return dayFile.source;
    return { file: `${day}.txt`, sha256: sha };
  };
  for (const day of state.dumpDays) {
    if (handled.has(day)) continue;
    const dayFile = state.days.get(day);
    if (!opt.rebuild && dayFile && state.sources[day]?.sha256 === dayFile.source.sha256) continue;
    const bytes = readDump(root, day);
    const sha = sha256(bytes);
    if (!opt.rebuild && dayFile?.source.sha256 === sha) continue;
    const parsed = parseDump(bytes, dumpPath(day), { date: day });
    if (parsed.diagnostics.length > 0) {
      parsed.diagnostics.forEach(printDiag);
      console.error(`${dumpPath(day)}: archived dump no longer parses; its day is left as it is`);
      refused++;
      continue;
    }
    incoming.push({ day, entries: parsed.entries, source: sourceOf(day, sha) });
    if (!opt.rebuild) notes.set(day, ' (finishing an interrupted ingest)');
  }

  const cache = new Map<string, Entry[]>();
  const loadEntries = (day: string): Entry[] => {
    let e = cache.get(day);
    if (!e) {
      e = fs.existsSync(dumpPath(day)) ? parseDump(readDump(root, day), dumpPath(day), { date: day }).entries : [];
      cache.set(day, e);
    }
    return e;
  };
  const result = merge({
    incoming,
    papers: opt.rebuild ? new Map() : state.papers,
    slugByTitle: state.slugByTitle,
    oldDayPapers: (day) => state.days.get(day)?.papers,
    loadEntries,
  });

  // File operations, in the crash-safe order described at the top.
  const sources: Sources = {};
  const dumpDays = new Set([...state.dumpDays, ...newDumps.map((d) => d.parsed.day!)]);
  for (const [day, s] of Object.entries(state.sources)) if (dumpDays.has(day)) sources[day] = s;
  for (const inc of incoming) sources[inc.day] = inc.source;
  const sortedSources = Object.fromEntries(Object.entries(sources).sort(([a], [b]) => (a < b ? -1 : 1)));
  const paperOps: FileOp[] = [];
  for (const [slug, p] of result.papers) paperOps.push({ path: path.join(root, 'papers', `${slug}.md`), data: renderPaper(p.data, p.abstract) });
  const gone = new Set(result.deleted);
  if (opt.rebuild) for (const slug of state.papers.keys()) if (!result.papers.has(slug)) gone.add(slug);
  for (const slug of gone) paperOps.push({ path: path.join(root, 'papers', `${slug}.md`), data: null });
  const dayOps: FileOp[] = result.days.map((d) => ({ path: path.join(root, 'days', `${d.date}.md`), data: renderDay(d) }));
  if (opt.rebuild) for (const day of state.days.keys()) if (!dumpDays.has(day)) dayOps.push({ path: path.join(root, 'days', `${day}.md`), data: null });
  const groups: FileOp[][] = [
    [{ path: path.join(root, 'dumps', SOURCES_FILE), data: `${JSON.stringify(sortedSources, null, 2)}\n` }],
    newDumps.map((d) => ({ path: dumpPath(d.parsed.day!), data: d.bytes })),
    paperOps,
    dayOps,
  ];

  for (const s of result.stats) {
    const src = incoming.find((i) => i.day === s.day)!.source.file;
    console.log(`${s.day} ${src}: ${s.entries} entries, ${s.newPapers} new papers, ${s.updatedPapers} updated papers${notes.get(s.day) ?? ''}`);
  }
  if (dryRun) {
    const changes = groups.flat().filter((op) => (op.data === null ? fs.existsSync(op.path) : !sameFile(op.path, op.data)));
    for (const op of changes) console.log(`would ${op.data === null ? 'delete' : fs.existsSync(op.path) ? 'update' : 'create'} ${path.relative(root, op.path)}`);
    console.log(`dry run: ${changes.length} file(s) would change; nothing written`);
  } else {
    const r = await applyGroups(groups, (done, total) => progress('write', done, total));
    lock?.release();
    if (r.written + r.deleted > 0) console.log(`wrote ${r.written} file(s), deleted ${r.deleted}`);
  }
  return refused > 0 ? 1 : 0;
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function sameFile(file: string, data: string | Uint8Array): boolean {
  try {
    return Buffer.compare(fs.readFileSync(file), Buffer.from(data)) === 0;
  } catch {
    return false;
  }
}

// Big batches fsync thousands of files; let more of them run at once than libuv's default 4.
process.env.UV_THREADPOOL_SIZE ??= '16';
process.exitCode = await main(process.argv.slice(2));
