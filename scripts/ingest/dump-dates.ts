// Dates as the Daily Papers page writes them: "Dec 9", "December 9", "Jun 18, 2021",
// optionally followed by a comment count. Only a real English month name makes a date, so
// titles shaped like "Word N" ("Gemma 3", "Phi 4") stay titles.

const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTH = `(${[...LONG, ...SHORT, 'Sept'].join('|')})`;

/**
 * A publication date this many days after the listed day is a time-zone effect: the page
 * shows dates in the viewer's zone, so a capture made east of UTC can run ahead of the day.
 */
export const TIME_ZONE_DAYS = 2;

/** The day line ending the header: "Dec 9", or "Dec 9, 2024" on a past day's page. */
const DAY_LINE = new RegExp(`^${MONTH} (\\d{1,2})(?:, (\\d{4}))?$`);
/** A publication date line: "Mon D" or "Mon D, YYYY", then an optional comment count. */
const DATE_LINE = new RegExp(`^${MONTH} (\\d{1,2})(?:,? (\\d{4}))?(?: (\\d+))?$`);

export interface DumpDate {
  month: number;
  day: number;
  year?: number;
}

/** Month number (1–12) of an English month name or its abbreviation, else 0. */
export function monthNumber(name: string): number {
  if (name === 'Sept') return 9;
  const i = SHORT.indexOf(name);
  return i >= 0 ? i + 1 : LONG.indexOf(name) + 1;
}

/** The three-letter name of month `m` (1–12). */
export function monthName(m: number): string {
  return SHORT[m - 1];
}

/** True when month/day can exist in some year (Feb 29 included). */
export function possibleDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1];
}

/** Parses a day line; undefined when the line is not one (not an error: headers are free text). */
export function parseDayLine(line: string): (DumpDate & { text: string }) | undefined {
  const m = DAY_LINE.exec(line);
  if (!m) return undefined;
  return { month: monthNumber(m[1]), day: Number(m[2]), year: m[3] === undefined ? undefined : Number(m[3]), text: line };
}

/**
 * Parses a publication date line. A year written without its comma (`Aug 28 2024`) is read
 * as 2024 comments, as the page writes no such year: the comma is what makes a year.
 */
export function parseDateLine(line: string): (DumpDate & { comments: string | undefined }) | undefined {
  const m = DATE_LINE.exec(line);
  if (!m) return undefined;
  const hasYearComma = m[3] !== undefined && line.includes(`, ${m[3]}`);
  if (m[3] !== undefined && !hasYearComma) {
    // "Aug 28 2024 5" is no shape the page writes; "Aug 28 2024" is 2024 comments.
    if (m[4] !== undefined) return undefined;
    return { month: monthNumber(m[1]), day: Number(m[2]), comments: m[3] };
  }
  return { month: monthNumber(m[1]), day: Number(m[2]), year: m[3] === undefined ? undefined : Number(m[3]), comments: m[4] };
}

/** True when a line reads as a date line (so a title or abstract that is one was misplaced). */
export function looksLikeDate(line: string): boolean {
  return parseDateLine(line) !== undefined;
}

/** `YYYY-MM-DD` of y/m/d (not checked). */
export function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whole days from day id `a` to day id `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}
