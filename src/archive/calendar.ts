// The /days/ calendar: a month grid (weeks from Monday) per month, each day with its
// paper count and a shade level. Pure.
import { weekdayFromMonday } from '../format/dates.ts';

export interface CalendarDay {
  id: string;
  day: number;
  /** Papers listed that day; undefined when the day is not archived. */
  count?: number;
  /** 0 (not archived) to 4 (the busiest days). */
  level: number;
}
export interface CalendarMonth {
  /** `YYYY-MM` */
  id: string;
  /** Rows of 7 cells, Monday first; null pads the first and last week. */
  weeks: (CalendarDay | null)[][];
  total: number;
}

/** Shade level of a day by its paper count: fixed bounds, so a day's shade never changes with the archive. */
export function level(count: number | undefined): number {
  if (count === undefined) return 0;
  return count >= 40 ? 4 : count >= 30 ? 3 : count >= 15 ? 2 : 1;
}
export const LEVELS = [
  { level: 1, label: '1–14 papers' },
  { level: 2, label: '15–29' },
  { level: 3, label: '30–39' },
  { level: 4, label: '40 or more' },
];

/** Calendar months, newest first, for days with counts (`YYYY-MM-DD` → papers). */
export function calendarMonths(counts: ReadonlyMap<string, number>): CalendarMonth[] {
  const months = [...new Set([...counts.keys()].map((d) => d.slice(0, 7)))].sort().reverse();
  return months.map((id) => {
    const [y, m] = id.split('-').map(Number);
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const offset = weekdayFromMonday(new Date(Date.UTC(y, m - 1, 1)));
    const cells: (CalendarDay | null)[] = Array.from({ length: offset }, () => null);
    let total = 0;
    for (let d = 1; d <= days; d++) {
      const dayId = `${id}-${String(d).padStart(2, '0')}`;
      const count = counts.get(dayId);
      total += count ?? 0;
      cells.push({ id: dayId, day: d, count, level: level(count) });
    }
    while (cells.length % 7) cells.push(null);
    const weeks: (CalendarDay | null)[][] = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    return { id, weeks, total };
  });
}
