// The year of a dump's day, which its day line ("Dec 9") does not say. In order: --date,
// a YYYY-MM-DD in the file name, a year on the day line, else inferred from the dump's
// dates — only when one reading is possible; otherwise the user is asked for --date.
import { isDayId } from '../../src/schema.ts';
import { daysBetween, monthName, TIME_ZONE_DAYS, ymd, type DumpDate } from './dump-dates.ts';

export interface Settled {
  value: number;
  from: 'option' | 'file-name' | 'header' | 'inferred';
}

interface Context {
  day: DumpDate;
  dayLineNo: number;
  /** The publication dates of the dump's entries. */
  dates: DumpDate[];
  report: (line: number, message: string) => void;
  /** Says what was settled on the user's behalf (not a problem). */
  note: (line: number, message: string) => void;
}

/** The day's year, or undefined after reporting why it cannot be settled. */
export function settleYear(file: string, options: { date?: string }, ctx: Context): Settled | undefined {
  const header = `${monthName(ctx.day.month)} ${ctx.day.day}`;
  const check = (id: string, what: string): number | undefined => {
    if (!isDayId(id)) {
      ctx.report(ctx.dayLineNo, `${what} ${id} is not a real date`);
      return undefined;
    }
    const [y, m, d] = id.split('-').map(Number);
    if (m !== ctx.day.month || d !== ctx.day.day || (ctx.day.year !== undefined && y !== ctx.day.year)) {
      ctx.report(ctx.dayLineNo, `${what} ${id} disagrees with the header's day "${header}${ctx.day.year ? `, ${ctx.day.year}` : ''}"`);
      return undefined;
    }
    return y;
  };
  const base = file.split(/[\\/]/).pop() ?? file;
  const named = /(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)/.exec(base)?.[1];
  const fromName = named === undefined ? undefined : check(named, "the file name's date");
  if (options.date !== undefined) {
    const y = check(options.date, '--date');
    return y === undefined ? undefined : { value: y, from: 'option' };
  }
  if (named !== undefined) return fromName === undefined ? undefined : { value: fromName, from: 'file-name' };
  if (ctx.day.year !== undefined) return { value: ctx.day.year, from: 'header' };

  // The page writes a year on every date outside the viewer's current year. Yearless dates
  // are then the viewer's year, which is the day's own year when the page was captured on
  // (or near) its day: the day's year is the smallest one after every explicit year.
  const explicit = ctx.dates.filter((d) => d.year !== undefined).map((d) => d.year!);
  const yearless = ctx.dates.filter((d) => d.year === undefined);
  if (yearless.length === 0 && explicit.length > 0) return everyDateHasYear(header, ctx);
  if (explicit.length === 0) {
    ctx.report(ctx.dayLineNo, `no year anywhere in the dump to infer the day "${header}" from: give it with --date YYYY-MM-DD`);
    return undefined;
  }
  const needsLeap = (ctx.day.month === 2 && ctx.day.day === 29) || yearless.some((d) => d.month === 2 && d.day === 29);
  let y = Math.max(...explicit) + 1;
  while (needsLeap && !isDayId(ymd(y, 2, 29))) y++;
  return { value: y, from: 'inferred' };
}

/**
 * Every date carries its year, so the page was viewed in a year none of them is in: on the
 * day itself, a year after the latest paper (early January: every paper is from last
 * year), or long after the day (a past day's page). A day cannot come before its papers
 * (beyond the time-zone allowance): when it cannot fall in the latest explicit year, nor
 * then in any earlier one, the nearest later year it exists in is the one reading left.
 * When it can, both readings stand and the user is asked.
 */
function everyDateHasYear(header: string, ctx: Context): Settled | undefined {
  const latest = ctx.dates.map((d) => ymd(d.year!, d.month, d.day)).reduce((a, b) => (b > a ? b : a));
  const latestYear = Number(latest.slice(0, 4));
  const latestText = `${monthName(Number(latest.slice(5, 7)))} ${Number(latest.slice(8))}, ${latestYear}`;
  const inLatestYear = ymd(latestYear, ctx.day.month, ctx.day.day);
  if (isDayId(inLatestYear) && daysBetween(inLatestYear, latest) <= TIME_ZONE_DAYS) {
    ctx.report(
      ctx.dayLineNo,
      `every date in the dump carries its year, the latest ${latestText}: "${header}" can be that year's (a past day's page captured in a later year) ` +
        `or a later year's (the page captured on its day, every paper from an earlier year), and the dump cannot tell which; ` +
        `give the day with --date YYYY-MM-DD or a YYYY-MM-DD in the file name`,
    );
    return undefined;
  }
  let y = latestYear + 1;
  while (!isDayId(ymd(y, ctx.day.month, ctx.day.day))) y++;
  ctx.note(
    ctx.dayLineNo,
    `the day is ${ymd(y, ctx.day.month, ctx.day.day)} (year inferred): every date in the dump carries its year, the latest ${latestText}, ` +
      `and a day cannot come before its papers (beyond the ${TIME_ZONE_DAYS} days time zones allow), so "${header}" is the first one after them; ` +
      `if it is not, give the day with --date YYYY-MM-DD`,
  );
  return { value: y, from: 'inferred' };
}
