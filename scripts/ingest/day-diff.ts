// What a second capture of a day would change: papers added, dropped, and counts changed.
import type { Entry } from './parse.ts';
import { titleKey } from './title-key.ts';

export interface DayDiff {
  added: string[];
  dropped: string[];
  /** Papers in both whose comment or author count differs: "title: 3 → 5 comments". */
  changed: string[];
}

/** Compares two listings of one day by title identity. */
export function diffDay(before: Entry[], after: Entry[]): DayDiff {
  const old = new Map(before.map((e) => [titleKey(e.title), e]));
  const now = new Map(after.map((e) => [titleKey(e.title), e]));
  const added = after.filter((e) => !old.has(titleKey(e.title))).map((e) => e.title);
  const dropped = before.filter((e) => !now.has(titleKey(e.title))).map((e) => e.title);
  const changed: string[] = [];
  for (const e of after) {
    const o = old.get(titleKey(e.title));
    if (!o) continue;
    const parts: string[] = [];
    if (o.comments !== e.comments) parts.push(`${o.comments ?? 'unknown'} → ${e.comments ?? 'unknown'} comments`);
    if (o.authors !== e.authors) parts.push(`${o.authors ?? 'unknown'} → ${e.authors ?? 'unknown'} authors`);
    if (o.abstract !== e.abstract) parts.push('abstract');
    if (parts.length) changed.push(`${e.title}: ${parts.join(', ')}`);
  }
  return { added, dropped, changed };
}

/** The diff as lines for a person, at most `limit` titles per kind. */
export function describeDiff(d: DayDiff, limit = 10): string[] {
  const list = (label: string, xs: string[]) =>
    xs.length === 0 ? [] : [`  ${label} (${xs.length}):`, ...xs.slice(0, limit).map((x) => `    ${x}`), ...(xs.length > limit ? [`    … and ${xs.length - limit} more`] : [])];
  const lines = [...list('papers added', d.added), ...list('papers dropped', d.dropped), ...list('counts changed', d.changed)];
  return lines.length ? lines : ['  the same papers and counts (the dumps differ only in text outside them)'];
}
