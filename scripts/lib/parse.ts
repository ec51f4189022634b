// Pure parser for one raw "Daily Papers" dump (see shared/FORMAT.md): bytes or text in,
// the day, its entries and diagnostics out. No file system, and it never throws on bad data.
import { isDayId } from '../../src/schema.ts';
import { decodeUtf8 } from './utf8.ts';

/** A problem in a dump, located in the file. Any diagnostic refuses the whole dump. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** One listing of a paper on the dump's day. */
export interface Entry {
  /** The title, runs of whitespace folded to one space: the paper's identity. */
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
  /** How the year was settled: given (--date), the file name, or inferred from the dump. */
  dayFrom?: 'option' | 'file-name' | 'inferred';
  entries: Entry[];
  diagnostics: Diagnostic[];
}

export interface ParseOptions {
  /** The day given by the user (`YYYY-MM-DD`); wins over the file name and inference. */
  date?: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// The day line ending the header: any "Word N" is taken as the attempt, so `Foo 12` is
// reported as an impossible date rather than as "not a dump".
const DAY_LINE = /^([A-Za-z]{3,9}) (\d{1,2})$/;
const AUTHOR_LINE = /^[ \t]*\u2022[ \t]*(.*)$/;
const DATE_LINE = /^([A-Za-z]+) (\d{1,2})(?:, (\d{4}))?(?: (\d+))?$/;
// Loose shape of a date line, to say "this title/abstract line is really a date line".
const DATE_LIKE = /^[A-Za-z]{3,9} \d{1,2}(?:, \d{4})?(?: \d+)?$/;
const MIDDOT = '\u00b7';
/** Longer than any real title: an abstract read as a title means an entry lost its abstract. */
const MAX_TITLE = 500;
const MAX_HEADER_LINES = 30;

interface Block {
  line: number;
  lines: string[];
}

interface PendingDate {
  month: number;
  day: number;
  year?: number;
  line: number;
  entry: Entry;
}

/** Parses one dump. `file` only labels diagnostics and may carry a `YYYY-MM-DD` day. */
export function parseDump(input: string | Uint8Array, file: string, options: ParseOptions = {}): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const fail = (line: number, message: string, column = 1): ParseResult => {
    diagnostics.push({ file, line, column, message });
    return { entries: [], diagnostics };
  };
  const report = (line: number, message: string, column = 1) => diagnostics.push({ file, line, column, message });

  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeUtf8(input);
    if (!decoded.ok) return fail(decoded.line, 'invalid UTF-8 (not a text dump)', decoded.column);
    text = decoded.text;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i];
    if (l.endsWith('\r')) l = lines[i] = l.slice(0, -1);
    // Control characters (NUL, lone CR, escape codes …) never occur in a page copied as text.
    const bad = l.search(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    if (bad >= 0) {
      const code = l.charCodeAt(bad).toString(16).toUpperCase().padStart(4, '0');
      return fail(i + 1, `binary data: control character U+${code}`, bad + 1);
    }
  }
  if (lines.every((l) => l.trim() === '')) return fail(1, 'empty file: not a dump');

  // Header: free wording, ended by the day line "Mon D".
  let dayIdx = -1;
  let headerLines = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].trim();
    if (l === '') continue;
    if (DAY_LINE.test(l)) {
      dayIdx = i;
      break;
    }
    if (++headerLines > MAX_HEADER_LINES || l.length > 200 || AUTHOR_LINE.test(l) || l === MIDDOT) break;
  }
  if (dayIdx < 0) return fail(1, 'not a dump: no day line ("Mon D", e.g. "Dec 9") ending a header');
  const dayLineNo = dayIdx + 1;
  const [, dayMonName, dayDayStr] = DAY_LINE.exec(lines[dayIdx].trim())!;
  const dayMonth = MONTHS.indexOf(dayMonName) + 1;
  const dayDay = Number(dayDayStr);
  if (dayMonth === 0) return fail(dayLineNo, `impossible date "${lines[dayIdx].trim()}": unknown month "${dayMonName}"`);
  if (dayDay < 1 || dayDay > DAYS_IN_MONTH[dayMonth - 1])
    return fail(dayLineNo, `impossible date "${lines[dayIdx].trim()}"`);

  // Blocks: runs of non-blank lines after the day line.
  const blocks: Block[] = [];
  for (let i = dayIdx + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const block: Block = { line: i + 1, lines: [] };
    while (i < lines.length && lines[i].trim() !== '') block.lines.push(lines[i++].trimEnd());
    blocks.push(block);
  }
  if (blocks.length === 0) return fail(dayLineNo, 'header with no entries after the day line');

  const entries: Entry[] = [];
  const dates: PendingDate[] = [];
  const seen = new Map<string, number>();
  for (let b = 0; b < blocks.length; ) {
    const tb = blocks[b];
    const first = tb.lines[0];
    if (isMetaLine(first)) return fail(tb.line, metaOutOfPlace(first, 'a title'));
    if (tb.lines.length !== 1) return fail(tb.line + 1, 'expected a blank line after the title (titles are one line)');
    const title = first.replace(/\s+/g, ' ').trim();
    if (DATE_LIKE.test(title)) return fail(tb.line, `expected a title, found a date line "${title}"`);
    if (title.length > MAX_TITLE)
      return fail(tb.line, `expected a title, found ${title.length} characters: is an entry above missing its abstract?`);
    const dup = seen.get(title);
    if (dup !== undefined) return fail(tb.line, `duplicate title "${title}" (first listed at line ${dup})`);
    seen.set(title, tb.line);

    const ab = blocks[b + 1];
    if (!ab) return fail(tb.line, `entry "${title}" has no abstract (the file ends after its title)`);
    if (isMetaLine(ab.lines[0])) return fail(tb.line, `entry "${title}" has no abstract`);
    if (ab.lines.length !== 1)
      return fail(ab.line + 1, isMetaLine(ab.lines[1]) ? 'expected a blank line between the abstract and the meta block' : 'expected a blank line after the abstract (abstracts are one line)');
    const abstract = ab.lines[0].trim();
    if (DATE_LIKE.test(abstract)) return fail(ab.line, `expected an abstract, found a date line "${abstract}"`);

    const entry: Entry = { title, abstract, authors: null, organization: null, published: null, comments: null, line: tb.line };
    entries.push(entry);
    b += 2;

    const mb = blocks[b];
    if (!mb || !isMetaLine(mb.lines[0])) continue;
    b++;
    const authorMatch = AUTHOR_LINE.exec(mb.lines[0]);
    if (!authorMatch) return fail(mb.line, metaOutOfPlace(mb.lines[0], 'an author line'));
    if (mb.lines.length < 3)
      return fail(mb.line, `incomplete meta block: ${mb.lines.length} of 3 lines ("• N authors", "·", date)`);
    if (mb.lines.length > 3) return fail(mb.line + 3, 'expected a blank line after the meta block\'s date line');
    const who = authorMatch[1].trim();
    const count = /^(.*?)\s*\bauthors?$/i.exec(who);
    if (who === '') return fail(mb.line, 'empty author line: expected "N authors" or an organisation');
    if (count) {
      if (!/^\d+$/.test(count[1]) || !Number.isSafeInteger(Number(count[1])))
        return fail(mb.line, `author count "${count[1]}" is not a whole number`);
      entry.authors = Number(count[1]);
    } else if (who.includes(MIDDOT) || who.includes('\u2022')) {
      return fail(mb.line, `unexpected "${who.includes(MIDDOT) ? MIDDOT : '\u2022'}" in the author line`);
    } else entry.organization = who;
    if (mb.lines[1].trim() !== MIDDOT) return fail(mb.line + 1, `expected "${MIDDOT}" alone on the line after the author line`);
    const dateText = mb.lines[2].trim();
    const dm = DATE_LINE.exec(dateText);
    if (!dm) return fail(mb.line + 2, `bad date line "${dateText}": expected "Mon D", "Mon D, YYYY", optionally followed by a comment count`);
    const month = MONTHS.indexOf(dm[1]) + 1;
    if (month === 0) return fail(mb.line + 2, `impossible date "${dateText}": unknown month "${dm[1]}"`);
    const day = Number(dm[2]);
    const year = dm[3] === undefined ? undefined : Number(dm[3]);
    if (day < 1 || day > DAYS_IN_MONTH[month - 1] || (year !== undefined && !isDayId(ymd(year, month, day))))
      return fail(mb.line + 2, `impossible date "${dateText}"`);
    if (dm[4] !== undefined && !Number.isSafeInteger(Number(dm[4]))) return fail(mb.line + 2, `comment count "${dm[4]}" is too large`);
    entry.comments = dm[4] === undefined ? 0 : Number(dm[4]);
    dates.push({ month, day, year, line: mb.line + 2, entry });
  }

  const year = settleYear(file, options, { dayMonth, dayDay, dayLineNo, dates, report });
  if (year === undefined) return { entries, diagnostics };
  const dayId = ymd(year.value, dayMonth, dayDay);
  if (!isDayId(dayId)) return fail(dayLineNo, `impossible date: ${dayId} does not exist`);
  for (const d of dates) {
    const y = d.year ?? year.value;
    const published = ymd(y, d.month, d.day);
    if (!isDayId(published)) report(d.line, `impossible date: ${published} does not exist`);
    else if (published > dayId) report(d.line, `published ${published}, later than the dump's day ${dayId}`);
    else if (d.year === year.value)
      report(d.line, `explicit year ${d.year} equals the day's year: the page writes no year for its own year (is the day's year right?)`);
    d.entry.published = published;
  }
  if (diagnostics.length > 0) return { entries, diagnostics };
  return { day: dayId, dayFrom: year.from, entries, diagnostics };
}

function settleYear(
  file: string,
  options: ParseOptions,
  ctx: {
    dayMonth: number;
    dayDay: number;
    dayLineNo: number;
    dates: PendingDate[];
    report: (line: number, message: string) => void;
  },
): { value: number; from: 'option' | 'file-name' | 'inferred' } | undefined {
  const header = `${MONTHS[ctx.dayMonth - 1]} ${ctx.dayDay}`;
  const check = (id: string, what: string): number | undefined => {
    if (!isDayId(id)) {
      ctx.report(ctx.dayLineNo, `${what} ${id} is not a real date`);
      return undefined;
    }
    const [y, m, d] = id.split('-').map(Number);
    if (m !== ctx.dayMonth || d !== ctx.dayDay) {
      ctx.report(ctx.dayLineNo, `${what} ${id} disagrees with the header's day "${header}"`);
      return undefined;
    }
    return y;
  };
  const base = file.split(/[\\/]/).pop() ?? file;
  const named = /(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)/.exec(base)?.[1];
  const fromName = named === undefined ? undefined : check(named, 'the file name\'s date');
  if (options.date !== undefined) {
    const y = check(options.date, '--date');
    return y === undefined ? undefined : { value: y, from: 'option' };
  }
  if (named !== undefined) return fromName === undefined ? undefined : { value: fromName, from: 'file-name' };

  // Inferred: yearless dates are the dump's own year, later than every explicit year.
  const explicit = ctx.dates.filter((d) => d.year !== undefined).map((d) => d.year!);
  if (explicit.length === 0) {
    ctx.report(ctx.dayLineNo, `no year anywhere in the dump to infer the day "${header}" from: give it with --date YYYY-MM-DD`);
    return undefined;
  }
  const needsLeap = (ctx.dayMonth === 2 && ctx.dayDay === 29) || ctx.dates.some((d) => d.year === undefined && d.month === 2 && d.day === 29);
  let y = Math.max(...explicit) + 1;
  while (needsLeap && !isDayId(ymd(y, 2, 29))) y++;
  return { value: y, from: 'inferred' };
}

function isMetaLine(line: string): boolean {
  return AUTHOR_LINE.test(line) || line.trim() === MIDDOT;
}

function metaOutOfPlace(line: string, expected: string): string {
  return line.trim() === MIDDOT ? `stray "${MIDDOT}" where ${expected} was expected` : `meta line "${line.trim()}" where ${expected} was expected`;
}

function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
