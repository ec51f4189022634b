// Pure: one paper as the small HTML document Pagefind indexes. Built from the collection,
// not from the rendered page, so indexing needs no HTML output and can run alongside
// page rendering. The title is an <h1>, which Pagefind weights above body text (a custom
// record, `addCustomRecord`, has no weights: title words would rank like abstract words).
import type { SearchPaper } from './plan.ts';
import { SHOWN } from './contract.ts';
import { paperPath } from '../site/paths.ts';
import { describePublished } from '../format/describe-paper.ts';
import { formatDay } from '../format/format-day.ts';
import { escapeHtml } from '../format/escape-html.ts';

/** The URL of a paper's record: site-relative (the search page adds the base, so one index serves any sub-folder). */
export const recordUrl = (paper: Pick<SearchPaper, 'slug'>): string => paperPath(paper.slug, '/');

/**
 * The Pagefind record of a paper: its URL and its HTML: the title and the abstract, which are
 * what is searched, and the dates a result shows. Nothing that changes after the paper is listed
 * (its comment count, the years it was listed again) and nothing only sorting or filtering uses:
 * those are in the shard's facts (facts.ts), so they never make a shard be indexed again.
 */
export function toRecord(paper: SearchPaper, abstractText: string): { url: string; content: string } {
  const shown = (key: string, value: string) => `<i data-pagefind-filter="${key}:${escapeHtml(value)}"></i>`;
  return {
    url: recordUrl(paper),
    content:
      `<!doctype html><html lang="en"><body><main data-pagefind-body>` +
      `<h1 data-pagefind-meta="title">${escapeHtml(paper.title)}</h1>` +
      shown(SHOWN.published, describePublished(paper.published)) +
      shown(SHOWN.listed, formatDay(paper.days[0])) +
      `<p>${escapeHtml(abstractText)}</p></main></body></html>`,
  };
}
