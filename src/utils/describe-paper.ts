// Words for a paper's facts; an unknown value reads "unknown", never 0.
import type { PaperData } from '../schema.ts';
import { formatDay } from './format-day.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `3 authors`, the organisation's name, or `Authors unknown`. */
export function describeAuthors(p: Pick<PaperData, 'authors' | 'organization'>): string {
  if (p.authors !== null) return plural(p.authors, 'author', 'authors');
  return p.organization ?? 'Authors unknown';
}

/** `12 comments`, or `Comments unknown`. */
export function describeComments(comments: number | null): string {
  return comments === null ? 'Comments unknown' : plural(comments, 'comment', 'comments');
}

/** `January 1, 2025`, or `unknown`. */
export function describePublished(published: string | null): string {
  return published === null ? 'unknown' : formatDay(published);
}
