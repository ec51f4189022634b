// Human dates from `YYYY-MM-DD` ids, always in UTC so no time zone shifts a day.
import { dayToDate, weekBounds } from './dates.ts';

const DAY = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});
const MONTH = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long' });

/** Each day formatted once: a build formats a few thousand days some 100,000 times. */
const formattedDays = new Map<string, string>();

/** `2025-01-01` → `January 1, 2025`. */
export function formatDay(id: string): string {
  let text = formattedDays.get(id);
  if (text === undefined) formattedDays.set(id, (text = DAY.format(dayToDate(id))));
  return text;
}

/** `2025-01` (or a full day id) → `January 2025`. */
export function formatMonth(id: string): string {
  return MONTH.format(dayToDate(id.slice(0, 7)));
}

const SHORT_MONTH = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', year: 'numeric' });

/** `2025-01` (or a full day id) → `Jan 2025`. */
export function formatShortMonth(id: string): string {
  return SHORT_MONTH.format(dayToDate(id.slice(0, 7)));
}

const SHORT_DAY = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long', day: 'numeric' });

/** `2025-W50` → `Week 50 of 2025 (December 8 – December 14)`; `short` gives `Week 50, 2025`. */
export function formatWeek(id: string, short = false): string {
  const [year, week] = id.split('-W');
  if (short) return `Week ${Number(week)}, ${year}`;
  const { start, end } = weekBounds(id);
  return `Week ${Number(week)} of ${year} (${SHORT_DAY.format(dayToDate(start))} – ${SHORT_DAY.format(dayToDate(end))})`;
}
