// Pure parser for one raw "Daily Papers" dump (docs/format.md): bytes or text in, the day,
// its entries, diagnostics (any one refuses the dump) and notes (what was left out or
// settled, said to the user) out. No file system, and it never throws on bad data.
import { isDayId } from '../../src/schema.ts';
import { isCardChromeBlock, isSiteChromeBlock } from './chrome.ts';
import { daysBetween, looksLikeDate, parseDateLine, parseDayLine, possibleDay, TIME_ZONE_DAYS, ymd, type DumpDate } from './dump-dates.ts';
import { dumpLines } from './dump-lines.ts';
import { settleYear, type Settled } from './parse-year.ts';
import { titleKey } from './title-key.ts';

/** A problem or a note in a dump, located in the file. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** One listing of a paper on the dump's day. */
export interface Entry {
  /** The title as captured, runs of whitespace folded to one space (identity: titleKey). */
  title: string;
  abstract: string;
  /** Author count; null when there is no meta block or an organisation stands instead. */
  authors: number | null;
  organization: string | null;
  /** `YYYY-MM-DD`, or null without a meta block. */
  published: string | null;
  /** Comments that day: 0 when the date line has no number, null without a meta block. */
  comments: number | null;
  /** 1-based line of the title. */
  line: number;
}

export interface ParseResult {
  /** The day as `YYYY-MM-DD`, when it could be settled. */
  day?: string;
  /** How the year was settled: given (--date), the file name, the header, or inferred. */
  dayFrom?: Settled['from'];
  entries: Entry[];
  /** Problems: any one refuses the whole dump. */
  diagnostics: Diagnostic[];
  /** What the parser left out or settled on its own (page chrome, repeated cards). */
  notes: Diagnostic[];
}

export interface ParseOptions {
  /** The day given by the user (`YYYY-MM-DD`); wins over the file name and inference. */
  date?: string;
}

const AUTHOR_LINE = /^[ \t]*\u2022[ \t]*(.*)$/;
const MIDDOT = '\u00b7';
/** Longer than any real title: an abstract read as a title means an entry lost its abstract. */
const MAX_TITLE = 500;
const MAX_HEADER_LINES = 60;
/** A dump mended by hand is re-run once: past this many problems the rest are counted. */
export const MAX_PROBLEMS = 50;

interface Block {
  line: number;
  lines: string[];
}

/** An entry as read, its publication date not yet placed in a year. */
interface RawEntry {
  entry: Entry;
  date?: DumpDate & { line: number };
}

/** A problem found while reading an entry; caught by readEntries, which goes on. */
class Problem {
  readonly line: number;
  readonly message: string;
  constructor(line: number, message: string) {
    this.line = line;
    this.message = message;
  }
}

/** Parses one dump. `file` only labels diagnostics and may carry a `YYYY-MM-DD` day. */
export function parseDump(input: string | Uint8Array, file: string, options: ParseOptions = {}): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const notes: Diagnostic[] = [];
  const report = (line: number, message: string, column = 1) => diagnostics.push({ file, line, column, message });
  const note = (line: number, message: string) => notes.push({ file, line, column: 1, message });
  const refused = (): ParseResult => ({ entries: [], diagnostics: capped(diagnostics, file), notes });

  const decoded = dumpLines(input);
  if (!decoded.ok) return (report(decoded.line, decoded.message, decoded.column), refused());
  const { lines } = decoded;
  if (lines.every((l) => l.trim() === '')) return (report(1, 'empty file: not a dump'), refused());

  const dayIdx = findDayLine(lines);
  if (dayIdx < 0) return (report(1, 'not a dump: no day line ("Mon D", e.g. "Dec 9") ending a header'), refused());
  const dayLineNo = dayIdx + 1;
  const dayLine = parseDayLine(lines[dayIdx].trim())!;
  if (!possibleDay(dayLine.month, dayLine.day) || (dayLine.year !== undefined && !isDayId(ymd(dayLine.year, dayLine.month, dayLine.day))))
    return (report(dayLineNo, `impossible date "${dayLine.text}"`), refused());

  const blocks = toBlocks(lines, dayIdx + 1);
  const raw = readEntries(blocks, report, note);
  if (raw.length === 0 && diagnostics.length === 0) report(dayLineNo, 'header with no entries after the day line');
  const unique = dropRepeats(raw, report, note);

  // Inferring the year from entries that did not parse would only add noise to their problems.
  const known = options.date !== undefined || dayLine.year !== undefined || /\d{4}-\d{2}-\d{2}/.test(file.split(/[\\/]/).pop() ?? '');
  if (diagnostics.length > 0 && !known) return refused();
  const dates = unique.map((r) => r.date).filter((d) => d !== undefined);
  const year = settleYear(file, options, { day: dayLine, dayLineNo, dates, report, note });
  if (year === undefined) return refused();
  const dayId = ymd(year.value, dayLine.month, dayLine.day);
  for (const { entry, date } of unique) {
    if (!date) continue;
    const published = ymd(date.year ?? year.value, date.month, date.day);
    const after = daysBetween(dayId, published);
    if (!isDayId(published)) report(date.line, `impossible date: ${published} does not exist`);
    else if (after > TIME_ZONE_DAYS)
      report(
        date.line,
        date.year === undefined
          ? `published ${published}, ${after} days after the dump's day ${dayId}: a yearless date is the day's own year, so the day's year looks wrong (give it with --date)`
          : `published ${published}, ${after} days after the dump's day ${dayId}`,
      );
    entry.published = published;
  }
  if (diagnostics.length > 0) return refused();
  return { day: dayId, dayFrom: year.from, entries: unique.map((r) => r.entry), diagnostics, notes };
}

/** The header is free wording, ended by the first line that is a day ("Dec 9"). */
function findDayLine(lines: string[]): number {
  let headerLines = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].trim();
    if (l === '') continue;
    if (parseDayLine(l)) return i;
    if (++headerLines > MAX_HEADER_LINES || l.length > 200 || AUTHOR_LINE.test(l) || l === MIDDOT) return -1;
  }
  return -1;
}

/** Runs of non-blank lines from `start`. */
function toBlocks(lines: string[], start: number): Block[] {
  const blocks: Block[] = [];
  for (let i = start; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const block: Block = { line: i + 1, lines: [] };
    while (i < lines.length && lines[i].trim() !== '') block.lines.push(lines[i++].trimEnd());
    blocks.push(block);
  }
  return blocks;
}

/**
 * Reads every entry. A problem is reported and reading goes on after the entry's meta
 * block, so one run lists every problem a user has to mend. Page chrome where no entry can
 * stand (before the first entry, after the last, card controls between entries) is left out.
 */
function readEntries(blocks: Block[], report: (line: number, message: string) => void, note: (line: number, message: string) => void): RawEntry[] {
  const out: RawEntry[] = [];
  for (let b = 0; b < blocks.length; ) {
    const rest = blocks.slice(b);
    if ((out.length === 0 && isSiteChromeBlock(blocks[b].lines)) || isCardChromeBlock(blocks[b].lines)) {
      note(blocks[b].line, `page chrome left out: ${preview(blocks[b].lines)}`);
      b++;
      continue;
    }
    if (out.length > 0 && rest.every((x) => isSiteChromeBlock(x.lines))) {
      note(blocks[b].line, `page chrome after the last entry left out (${rest.length} block(s)): ${preview(rest.flatMap((x) => x.lines))}`);
      break;
    }
    try {
      const { entry, next } = readEntry(blocks, b);
      out.push(entry);
      b = next;
    } catch (e) {
      if (!(e instanceof Problem)) throw e;
      report(e.line, e.message);
      // Resume after the next meta block: it ends the broken entry.
      const k = blocks.findIndex((x, i) => i >= b && x.line + x.lines.length - 1 >= e.line && isMetaLine(x.lines[0]));
      if (k < 0) break;
      b = k + 1;
    }
  }
  return out;
}

/** One entry from block `b`: title, abstract, optional meta block. Throws a Problem. */
function readEntry(blocks: Block[], b: number): { entry: RawEntry; next: number } {
  const tb = blocks[b];
  const first = tb.lines[0];
  if (isMetaLine(first)) throw new Problem(tb.line, metaOutOfPlace(first, 'a title'));
  if (tb.lines.length !== 1)
    throw new Problem(
      isSiteChromeBlock(tb.lines) ? tb.line : tb.line + 1,
      isSiteChromeBlock(tb.lines)
        ? `page chrome (${preview(tb.lines)}) where an entry's title was expected, and not at the end of the capture: text after it is neither an entry nor page chrome`
        : 'expected a blank line after the title (titles are one line)',
    );
  const title = first.replace(/\s+/g, ' ').trim();
  if (parseDayLine(title) || looksLikeDate(title)) throw new Problem(tb.line, `expected a title, found a date line "${title}"`);
  if (title.length > MAX_TITLE)
    throw new Problem(tb.line, `expected a title, found ${title.length} characters: is an entry above missing its abstract?`);

  const ab = blocks[b + 1];
  if (!ab) throw new Problem(tb.line, `the capture ends after the title "${title}": possibly cut short (copy the page again, or delete this title)`);
  if (isMetaLine(ab.lines[0])) throw new Problem(tb.line, `entry "${title}" has no abstract`);
  if (ab.lines.length !== 1)
    throw new Problem(
      ab.line + 1,
      isMetaLine(ab.lines[1]) ? 'expected a blank line between the abstract and the meta block' : 'expected a blank line after the abstract (abstracts are one line)',
    );
  const abstract = ab.lines[0].trim();
  if (looksLikeDate(abstract)) throw new Problem(ab.line, `expected an abstract, found a date line "${abstract}"`);

  const entry: Entry = { title: own(title), abstract: own(abstract), authors: null, organization: null, published: null, comments: null, line: tb.line };
  const mb = blocks[b + 2];
  if (!mb || !isMetaLine(mb.lines[0])) return { entry: { entry }, next: b + 2 };
  return { entry: { entry, date: readMeta(mb, entry, b + 3 >= blocks.length) }, next: b + 3 };
}

/** The meta block: "• N authors" (or an organisation), "·", the date line. */
function readMeta(mb: Block, entry: Entry, last: boolean): DumpDate & { line: number } {
  const authorMatch = AUTHOR_LINE.exec(mb.lines[0]);
  if (!authorMatch) throw new Problem(mb.line, metaOutOfPlace(mb.lines[0], 'an author line'));
  if (mb.lines.length < 3)
    throw new Problem(
      mb.line,
      `incomplete meta block: ${mb.lines.length} of 3 lines ("• N authors", "·", date)${last ? ': the capture ends here, possibly cut short' : ''}`,
    );
  if (mb.lines.length > 3) throw new Problem(mb.line + 3, "expected a blank line after the meta block's date line");
  const who = authorMatch[1].trim();
  const count = /^(.*?)\s*\bauthors?$/i.exec(who);
  if (who === '') throw new Problem(mb.line, 'empty author line: expected "N authors" or an organisation');
  if (count) {
    if (!/^\d+$/.test(count[1]) || !Number.isSafeInteger(Number(count[1])))
      throw new Problem(mb.line, `author count "${count[1]}" is not a whole number`);
    entry.authors = Number(count[1]);
  } else if (who.includes(MIDDOT) || who.includes('\u2022')) {
    throw new Problem(mb.line, `unexpected "${who.includes(MIDDOT) ? MIDDOT : '\u2022'}" in the author line`);
  } else entry.organization = own(who);
  if (mb.lines[1].trim() !== MIDDOT) throw new Problem(mb.line + 1, `expected "${MIDDOT}" alone on the line after the author line`);
  const dateText = mb.lines[2].trim().replace(/\s+/g, ' ');
  const dm = parseDateLine(dateText);
  if (!dm) {
    const word = /^([A-Za-z]+) \d/.exec(dateText)?.[1];
    throw new Problem(
      mb.line + 2,
      word && !parseDayLine(`${word} 1`)
        ? `impossible date "${dateText}": unknown month "${word}"`
        : `bad date line "${dateText}": expected "Mon D", "Mon D, YYYY", optionally followed by a comment count`,
    );
  }
  if (!possibleDay(dm.month, dm.day) || (dm.year !== undefined && !isDayId(ymd(dm.year, dm.month, dm.day))))
    throw new Problem(mb.line + 2, `impossible date "${dateText}"`);
  if (dm.comments !== undefined && !Number.isSafeInteger(Number(dm.comments))) throw new Problem(mb.line + 2, `comment count "${dm.comments}" is too large`);
  entry.comments = dm.comments === undefined ? 0 : Number(dm.comments);
  return { month: dm.month, day: dm.day, year: dm.year, line: mb.line + 2 };
}

/**
 * The same card twice (a page that rendered it twice, overlapping pastes) is one listing:
 * taken once, with a note. Only the comment count may differ (a later paste of the same
 * card): the higher count is kept, as counts only grow. Any other difference under one
 * title is a conflict: refused, naming both lines.
 */
function dropRepeats(raw: RawEntry[], report: (line: number, message: string) => void, note: (line: number, message: string) => void): RawEntry[] {
  const first = new Map<string, RawEntry>();
  const out: RawEntry[] = [];
  for (const r of raw) {
    const key = titleKey(r.entry.title);
    const seen = first.get(key);
    if (!seen) {
      first.set(key, r);
      out.push(r);
      continue;
    }
    const a = seen.entry;
    const b = r.entry;
    const differ = differences(seen, r);
    if (differ.length > 0) {
      report(b.line, `"${b.title}" is listed twice with different entries (lines ${a.line} and ${b.line}; they differ in ${differ.join(', ')})`);
    } else if (a.comments !== b.comments) {
      const kept = Math.max(a.comments ?? 0, b.comments ?? 0);
      note(b.line, `"${b.title}" repeats the entry of line ${a.line} with ${b.comments} comments instead of ${a.comments}: taken once, with ${kept} comments`);
      a.comments = kept;
    } else note(b.line, `"${b.title}" repeats the entry of line ${a.line}: taken once`);
  }
  return out;
}

function differences(x: RawEntry, y: RawEntry): string[] {
  const a = x.entry;
  const b = y.entry;
  const out: string[] = [];
  // Compared as titles are: a copy in another Unicode form is the same text.
  if (titleKey(a.abstract) !== titleKey(b.abstract)) out.push('the abstract');
  if (a.authors !== b.authors || a.organization !== b.organization) out.push('the authors');
  if ((x.date === undefined) !== (y.date === undefined)) out.push('the meta block');
  else if (x.date && y.date && (x.date.month !== y.date.month || x.date.day !== y.date.day || x.date.year !== y.date.year))
    out.push('the publication date');
  return out;
}

/**
 * A copy of `s` that does not keep the whole dump's text alive (V8 slices substrings of it,
 * in two-byte form if the dump has any non-Latin-1 character): an ingest of thousands of
 * dumps would otherwise hold every dump's text until it ends.
 */
function own(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

function isMetaLine(line: string): boolean {
  return AUTHOR_LINE.test(line) || line.trim() === MIDDOT;
}

function metaOutOfPlace(line: string, expected: string): string {
  return line.trim() === MIDDOT ? `stray "${MIDDOT}" where ${expected} was expected` : `meta line "${line.trim()}" where ${expected} was expected`;
}

function preview(lines: string[]): string {
  const words = lines.map((l) => l.trim());
  const shown = words.slice(0, 6).map((w) => `"${w}"`).join(', ');
  return words.length > 6 ? `${shown} …` : shown;
}

/** At most MAX_PROBLEMS diagnostics, then one that counts the rest. */
function capped(diagnostics: Diagnostic[], file: string): Diagnostic[] {
  if (diagnostics.length <= MAX_PROBLEMS) return diagnostics;
  const rest = diagnostics.length - MAX_PROBLEMS;
  const last = diagnostics[MAX_PROBLEMS];
  return [...diagnostics.slice(0, MAX_PROBLEMS), { file, line: last.line, column: 1, message: `and ${rest} more problem(s) from here on` }];
}

