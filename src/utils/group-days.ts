// The /days/ page's outline: days grouped by year, then month, newest first.

export interface MonthGroup<T> {
  /** `YYYY-MM` */
  month: string;
  days: T[];
}
export interface YearGroup<T> {
  year: string;
  months: MonthGroup<T>[];
}

/** Group items carrying a `YYYY-MM-DD` `id`, newest year, month and day first. */
export function groupDays<T extends { id: string }>(items: readonly T[]): YearGroup<T>[] {
  const sorted = [...items].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const years: YearGroup<T>[] = [];
  for (const item of sorted) {
    const year = item.id.slice(0, 4);
    const month = item.id.slice(0, 7);
    let y = years.at(-1);
    if (y?.year !== year) years.push((y = { year, months: [] }));
    let m = y.months.at(-1);
    if (m?.month !== month) y.months.push((m = { month, days: [] }));
    m.days.push(item);
  }
  return years;
}
