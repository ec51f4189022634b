// Words for a paper's facts; an unknown value reads "unknown", never 0.
import type { PaperData } from '../schema.ts';
import { formatDay } from './format-day.ts';
import { countOf } from './plural.ts';

/** `3 authors`, the organisation's name, both (`3 authors, MIT`), or `Authors unknown`. */
export function describeAuthors(p: Pick<PaperData, 'authors' | 'organization'>): string {
  const count = p.authors !== null ? countOf(p.authors, 'author') : undefined;
  if (count && p.organization) return `${count}, ${p.organization}`;
  return count ?? p.organization ?? 'Authors unknown';
}

/**
 * The facts a list item shows, unknown ones left out: authors or organisation, the
 * publication date (as a day id, for a <time>), comments.
 */
export function knownFacts(p: Pick<PaperData, 'authors' | 'organization' | 'published' | 'comments'>): { authors?: string; published?: string; comments?: string } {
  return {
    ...(p.authors !== null || p.organization ? { authors: describeAuthors(p) } : {}),
    ...(p.published ? { published: p.published } : {}),
    ...(p.comments !== null ? { comments: describeComments(p.comments) } : {}),
  };
}

/** `12 comments`, or `Comments unknown`. */
export function describeComments(comments: number | null): string {
  return comments === null ? 'Comments unknown' : countOf(comments, 'comment');
}

/** `January 1, 2025`, or `unknown`. */
export function describePublished(published: string | null): string {
  return published === null ? 'unknown' : formatDay(published);
}
