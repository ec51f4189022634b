// Calendar arithmetic on day ids (`YYYY-MM-DD`), weeks (`YYYY-Www`, ISO 8601) and months
// (`YYYY-MM`): pure, in UTC, so no time zone ever shifts a day.

/** The months' English names, January first, and their three-letter forms (Jan … Dec). */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
export const SHORT_MONTH_NAMES = MONTH_NAMES.map((m) => m.slice(0, 3));

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** Midnight UTC of a `YYYY-MM-DD` day (or `YYYY-MM` month). */
export function dayToDate(id: string): Date {
  const [y, m, d = 1] = id.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** The `YYYY-MM-DD` id of a UTC date. */
export function dateToDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Days since Monday: Monday 0 … Sunday 6. */
export function weekdayFromMonday(date: Date): number {
  return (date.getUTCDay() + 6) % 7;
}

/** `YYYY-MM` of a day. */
export function monthOf(dayId: string): string {
  return dayId.slice(0, 7);
}

/** Monday of ISO week 1 of `year`: the week that holds January 4. */
function firstMonday(year: number): number {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  return jan4.getTime() - weekdayFromMonday(jan4) * DAY_MS;
}

/** `YYYY-Www` of an ISO week (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(dayId: string): string {
  const date = dayToDate(dayId);
  const thursday = date.getTime() + (3 - weekdayFromMonday(date)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.round((thursday - 3 * DAY_MS - firstMonday(year)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday and Sunday (`YYYY-MM-DD`) of an ISO week id. */
export function weekBounds(weekId: string): { start: string; end: string } {
  const [, y, w] = /^(\d{4})-W(\d{2})$/.exec(weekId)!.map(Number);
  const monday = firstMonday(y) + (w - 1) * 7 * DAY_MS;
  return { start: dateToDay(new Date(monday)), end: dateToDay(new Date(monday + 6 * DAY_MS)) };
}
